import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getColumn, nextColumn, previousColumn, type ColumnId } from '../../../shared/columns.js';
import type { CardId, ParticipantId, PartnerId } from '../../../shared/ids.js';
import { createCard, deleteCard, locateCard, moveCard, placedInColumn } from '../../../shared/ops.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import { useMapEnv } from '../../collab/hooks.js';
import { useLang } from '../../i18n/index.js';
import { useMe } from './me.js';
import { useMapUiApi } from './uiStore.js';

/**
 * Every change a person makes to the map goes through here: the shared ops with the LOCAL_USER
 * origin (so the undo manager sees it), plus the UI consequences (focus, announcement, toast).
 */
export function useCardActions() {
  const env = useMapEnv();
  const ui = useMapUiApi();
  const me = useMe();
  const { t } = useTranslation();
  const lang = useLang();

  return useMemo(() => {
    const { doc, undoManager } = env;
    const state = () => ui.getState();

    const announcePosition = (id: CardId) => {
      const at = locateCard(doc, id);
      if (!at) return;
      const total = placedInColumn(doc, at.column).length;
      state().announce(t('card.moved', { column: getColumn(at.column).label[lang], n: at.index + 1, total }));
    };

    const afterMove = (id: CardId, column: ColumnId) => {
      state().setActiveColumn(column);
      state().requestFocus(id);
      announcePosition(id);
    };

    const moveTo = (id: CardId, column: ColumnId, index: number) => {
      if (!moveCard(doc, id, column, index, LOCAL_USER)) return;
      afterMove(id, column);
    };

    const moveBy = (id: CardId, delta: -1 | 1) => {
      const at = locateCard(doc, id);
      if (!at) return;
      const others = placedInColumn(doc, at.column).length - 1;
      const index = Math.max(0, Math.min(others, at.index + delta));
      if (index === at.index) {
        // Nothing moves at the edge; still confirm where the card is, so the key press is not silent.
        announcePosition(id);
        return;
      }
      moveTo(id, at.column, index);
    };

    /** direction 1 = next step (visually left), -1 = previous step (visually right). */
    const moveStep = (id: CardId, direction: -1 | 1) => {
      const at = locateCard(doc, id);
      if (!at) return;
      const target = direction === 1 ? nextColumn(at.column) : previousColumn(at.column);
      if (!target) {
        announcePosition(id);
        return;
      }
      // Keep the row: the card lands beside where it was, which is easy to follow on screen.
      const index = Math.min(at.index, placedInColumn(doc, target).length);
      moveTo(id, target, index);
    };

    const add = (column: ColumnId) => {
      const id = createCard(
        doc,
        {
          column,
          author: me.participantId as ParticipantId,
          authorName: me.name,
          partner: me.partner as PartnerId,
        },
        LOCAL_USER,
      );
      state().setActiveColumn(column);
      state().startEditing(id);
      return id;
    };

    const remove = (id: CardId) => {
      const at = locateCard(doc, id);
      if (!at) return;
      const column = placedInColumn(doc, at.column);
      const neighbour = column[at.index + 1] ?? column[at.index - 1];
      if (state().editing === id) state().stopEditing();
      if (!deleteCard(doc, id, LOCAL_USER)) return;
      const undoItem = undoManager.undoStack[undoManager.undoStack.length - 1];
      state().requestFocus(neighbour ? neighbour.id : `add:${at.column}`);
      state().showToast({ text: t('card.deleted'), undoItem, cardId: id });
      state().announce(t('card.deleted'));
    };

    const focusAfterUndo = (restored: CardId | undefined) => {
      if (restored && locateCard(doc, restored)) {
        const at = locateCard(doc, restored);
        if (at) state().setActiveColumn(at.column);
        state().requestFocus(restored);
      }
    };

    /** Undo exactly the toast's step; if something else happened since, the toast no longer offers it. */
    const undoToast = (undoItem: unknown, cardId?: CardId) => {
      const top = undoManager.undoStack[undoManager.undoStack.length - 1];
      if (!undoItem || top !== undoItem) return;
      undoManager.undo();
      focusAfterUndo(cardId);
      state().announce(t('card.restored'));
    };

    // Undoing a create removes the card that may have had focus; keep keyboard users on the map.
    const keepFocusOnMap = () =>
      requestAnimationFrame(() => {
        if (document.activeElement === document.body || document.activeElement === null) {
          document.getElementById('main')?.focus();
        }
      });
    const undo = () => {
      if (!undoManager.canUndo()) {
        state().announce(t('undo.nothing'));
        return;
      }
      undoManager.undo();
      keepFocusOnMap();
    };
    const redo = () => {
      if (!undoManager.canRedo()) return;
      undoManager.redo();
      keepFocusOnMap();
    };

    const edit = (id: CardId) => state().startEditing(id);
    const finishEditing = (id: CardId) => {
      state().stopEditing();
      state().requestFocus(id);
    };

    return { add, moveTo, moveBy, moveStep, remove, undoToast, undo, redo, edit, finishEditing };
  }, [env, ui, me, t, lang]);
}

export type CardActions = ReturnType<typeof useCardActions>;
