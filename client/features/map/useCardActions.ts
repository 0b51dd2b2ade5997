import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getCard } from '../../../shared/cardSchema.js';
import { getColumn, nextColumn, previousColumn, type ColumnId } from '../../../shared/columns.js';
import type { CardId, ParticipantId, PartnerId } from '../../../shared/ids.js';
import { createCard, deleteCard, locateCard, moveCard, placedInColumn } from '../../../shared/ops.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import { JOINT_MAP } from '../../../shared/protocol.js';
import { useMapEnv } from './currentMap.js';
import type { MapEnv } from '../../workshop/mapEnv.js';
import { useLang } from '../../i18n/index.js';
import { dropIndex } from './dragDrop.js';
import { useMe, useDrafts } from '../../workshop/hooks.js';
import { useColumnAccess } from './session/useSession.js';
import type { DropTarget } from './uiStore.js';
import { useMapUiApi } from './uiStore.js';

/** Whom a new card is written for (rule 3: writing for someone else, the one-laptop mode). */
export interface WrittenFor {
  id: string;
  name: string;
  partner: string;
}

export interface AddOptions {
  writtenFor?: WrittenFor;
  /** "Build on this": the card the new one extends. */
  buildsOn?: CardId;
  index?: number;
}

/**
 * Every change a person makes to the map goes through here: the shared ops with the LOCAL_USER
 * origin (so the undo manager sees it), plus the UI consequences (focus, announcement, toast).
 * A card lives either on the map or, while everyone writes alone first, in my private drafts; each
 * action works on the document that holds the card. Columns closed for me refuse every change.
 */
export function useCardActions() {
  const env = useMapEnv();
  const drafts = useDrafts();
  const access = useColumnAccess();
  const ui = useMapUiApi();
  const me = useMe();
  const { t } = useTranslation();
  const lang = useLang();

  return useMemo(() => {
    const state = () => ui.getState();
    const label = (column: ColumnId) => getColumn(column).label[lang];

    /** The env whose document holds the card now (the map first: a revealed draft has moved there). */
    const envOf = (id: CardId): MapEnv | null => {
      if (getCard(env.doc, id)) return env;
      if (drafts && getCard(drafts.doc, id)) return drafts;
      return null;
    };

    const announceClosed = (column: ColumnId) => {
      const text = t('session.columnClosedAction', { column: label(column) });
      state().announce(text);
      state().showToast({ text });
    };

    const announcePosition = (id: CardId) => {
      const doc = envOf(id)?.doc;
      const at = doc && locateCard(doc, id);
      if (!doc || !at) return;
      const total = placedInColumn(doc, at.column).length;
      state().announce(t('card.moved', { column: label(at.column), n: at.index + 1, total }));
    };

    const afterMove = (id: CardId, column: ColumnId) => {
      state().setActiveColumn(column);
      state().requestFocus(id);
      announcePosition(id);
    };

    const moveTo = (id: CardId, column: ColumnId, index: number) => {
      const doc = envOf(id)?.doc;
      const at = doc && locateCard(doc, id);
      if (!doc || !at) return;
      const closed = !access.canWrite(at.column) ? at.column : !access.canWrite(column) ? column : null;
      if (closed) {
        announceClosed(closed);
        return;
      }
      if (!moveCard(doc, id, column, index, LOCAL_USER)) return;
      afterMove(id, column);
    };

    const moveBy = (id: CardId, delta: -1 | 1) => {
      const doc = envOf(id)?.doc;
      const at = doc && locateCard(doc, id);
      if (!doc || !at) return;
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
      const doc = envOf(id)?.doc;
      const at = doc && locateCard(doc, id);
      if (!doc || !at) return;
      const target = direction === 1 ? nextColumn(at.column) : previousColumn(at.column);
      if (!target) {
        announcePosition(id);
        return;
      }
      // Keep the row: the card lands beside where it was, which is easy to follow on screen.
      const index = Math.min(at.index, placedInColumn(doc, target).length);
      moveTo(id, target, index);
    };

    const dropAt = (id: CardId, target: DropTarget) => {
      const doc = envOf(id)?.doc;
      if (doc) moveTo(id, target.column, dropIndex(doc, id, target));
    };

    /** A new card by me (or for someone else); in the private phase it goes to my drafts. */
    const add = (column: ColumnId, options: AddOptions = {}): CardId | null => {
      if (!access.canWrite(column)) {
        announceClosed(column);
        return null;
      }
      const target = access.privateForMe ? drafts : env;
      if (!target) return null;
      const who = options.writtenFor;
      const id = createCard(
        target.doc,
        {
          column,
          author: (who ? who.id : me.participantId) as ParticipantId,
          authorName: who ? who.name : me.name,
          partner: (who ? who.partner : me.partner) as PartnerId,
          index: options.index,
          buildsOn: options.buildsOn,
          writtenBy: who ? (me.participantId as ParticipantId) : undefined,
          writtenByName: who ? me.name : undefined,
          // A draft goes to the map it was written on (a partner map in a partners-first workshop).
          draftFor: target === env ? undefined : (env.docName ?? JOINT_MAP),
        },
        LOCAL_USER,
      );
      state().setActiveColumn(column);
      state().startEditing(id);
      return id;
    };

    /** "Build on this": a new card right after this one, linked to it, with its editor open. */
    const buildOn = (id: CardId): CardId | null => {
      const source = envOf(id);
      const at = source && locateCard(source.doc, id);
      if (!source || !at) return null;
      const sameDoc = (access.privateForMe ? drafts : env) === source;
      state().closeDetails();
      return add(at.column, { buildsOn: id, index: sameDoc ? at.index + 1 : undefined });
    };

    const remove = (id: CardId) => {
      const owner = envOf(id);
      const at = owner && locateCard(owner.doc, id);
      if (!owner || !at) return;
      if (!access.canWrite(at.column)) {
        announceClosed(at.column);
        return;
      }
      const column = placedInColumn(owner.doc, at.column);
      const neighbour = column[at.index + 1] ?? column[at.index - 1];
      if (state().editing === id) state().stopEditing();
      if (state().details === id) state().closeDetails();
      if (!deleteCard(owner.doc, id, LOCAL_USER)) return;
      const { undoManager } = owner;
      const undoItem = undoManager.undoStack[undoManager.undoStack.length - 1];
      state().requestFocus(neighbour ? neighbour.id : `add:${at.column}`);
      state().showToast({ text: t('card.deleted'), undoItem, cardId: id, source: owner === env ? 'map' : 'drafts' });
      state().announce(t('card.deleted'));
    };

    const focusAfterUndo = (restored: CardId | undefined) => {
      const doc = restored && envOf(restored)?.doc;
      const at = doc && restored && locateCard(doc, restored);
      if (restored && at) {
        state().setActiveColumn(at.column);
        state().requestFocus(restored);
      }
    };

    /** Undo exactly the toast's step; if something else happened since, the toast no longer offers it. */
    const undoToast = (undoItem: unknown, cardId?: CardId, source: 'map' | 'drafts' = 'map') => {
      const undoManager = source === 'drafts' ? drafts?.undoManager : env.undoManager;
      if (!undoManager) return;
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
      if (!env.undoManager.canUndo()) {
        state().announce(t('undo.nothing'));
        return;
      }
      env.undoManager.undo();
      keepFocusOnMap();
    };
    const redo = () => {
      if (!env.undoManager.canRedo()) return;
      env.undoManager.redo();
      keepFocusOnMap();
    };

    const edit = (id: CardId) => {
      const doc = envOf(id)?.doc;
      const at = doc && locateCard(doc, id);
      if (!at) return;
      if (!access.canWrite(at.column)) {
        announceClosed(at.column);
        return;
      }
      state().startEditing(id);
    };
    const finishEditing = (id: CardId) => {
      state().stopEditing();
      state().requestFocus(id);
    };

    return {
      envOf,
      add,
      buildOn,
      moveTo,
      moveBy,
      moveStep,
      dropAt,
      remove,
      undoToast,
      undo,
      redo,
      edit,
      finishEditing,
      canWrite: access.canWrite,
    };
  }, [env, drafts, access, ui, me, t, lang]);
}

export type CardActions = ReturnType<typeof useCardActions>;
