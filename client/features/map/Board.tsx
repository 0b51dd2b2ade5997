import { useCallback, useEffect, useMemo, useRef, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMNS, getColumn, type ColumnId } from '../../../shared/columns.js';
import type { CardId } from '../../../shared/ids.js';
import type { CardSnapshot, MapSnapshot } from '../../../shared/readModel.js';
import { useMapEnv, useMapSnapshot, usePresence } from './currentMap.js';
import { useSnapshotOf, useDrafts } from '../../workshop/hooks.js';
import type { Person } from '../../collab/presence.js';
import { useLang } from '../../i18n/index.js';
import { Column } from './Column.js';
import { CARD_MIME } from './dragDrop.js';
import { usePartners } from '../../workshop/hooks.js';
import { StepTabs } from './StepTabs.js';
import { CardDensityChoice } from './CardDensityChoice.js';
import { StepHint } from './StepHint.js';
import { useFollowStep } from './session/useFollowStep.js';
import { useCardActions } from './useCardActions.js';
import { useMapUi, useMapUiApi } from './uiStore.js';

/** My drafts per column, without any that already stand on the map (a reveal arrives in two documents). */
function draftsByColumn(drafts: MapSnapshot, map: MapSnapshot): Record<ColumnId, readonly CardSnapshot[]> {
  const onMap = new Set(COLUMNS.flatMap((c) => map.columns[c.id].map((card) => card.id)));
  const out = {} as Record<ColumnId, readonly CardSnapshot[]>;
  for (const c of COLUMNS) {
    const list = drafts.columns[c.id];
    out[c.id] = list.some((d) => onMap.has(d.id)) ? list.filter((d) => !onMap.has(d.id)) : list;
  }
  return out;
}

/**
 * The five columns. DOM order is step 1..5 (reading and tab order follow the method);
 * CSS lays them out right to left, so step 1 stands on the right as on the paper map.
 */
export function Board() {
  const { t } = useTranslation();
  const snapshot = useMapSnapshot();
  const draftsEnv = useDrafts();
  const draftsSnapshot = useSnapshotOf(draftsEnv);
  const people = usePresence();
  const partners = usePartners();
  const { readModel } = useMapEnv();
  const ui = useMapUiApi();
  const actions = useCardActions();
  const editing = useMapUi((s) => s.editing);
  const lang = useLang();
  const drafts = useMemo(() => draftsByColumn(draftsSnapshot, snapshot), [draftsSnapshot, snapshot]);

  const editorsByCard = useMemo(() => {
    const map = new Map<string, Person[]>();
    for (const p of people) {
      if (p.isSelf || !p.editing) continue;
      const list = map.get(p.editing) ?? [];
      list.push(p);
      map.set(p.editing, list);
    }
    return map;
  }, [people]);

  // The card being edited can vanish under us (someone else deleted it): close the editor and say so.
  // A draft that the reveal moved to the map keeps its id, so its editor simply stays open there; if
  // the drafts document empties before the map has the card, the editor closes and the reveal notice
  // (useRevealNotice) explains it, without claiming the card was deleted.
  const knownDrafts = useRef<ReadonlySet<string>>(new Set());
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the map changes, so a card that was just created gets its focus
  useEffect(() => {
    const wasDraft = knownDrafts.current;
    knownDrafts.current = new Set(COLUMNS.flatMap((c) => draftsSnapshot.columns[c.id].map((d) => d.id)));
    if (!editing) return;
    const s = ui.getState();
    const card = readModel.getCard(editing) ?? draftsEnv?.readModel.getCard(editing);
    if (!card) {
      s.stopEditing();
      if (wasDraft.has(editing)) return;
      s.showToast({ text: t('editor.cardDeleted') });
      s.announce(t('editor.cardDeleted'));
    } else if (!actions.canWrite(card.column)) {
      // The facilitator moved on to another step: the server would undo every further keystroke.
      const text = t('session.editingClosed', { column: getColumn(card.column).label[lang] });
      s.stopEditing();
      s.requestFocus(card.id);
      s.showToast({ text });
      s.announce(text);
    }
  }, [snapshot, draftsSnapshot, editing, readModel, draftsEnv, ui, t, actions, lang]);

  // After the effect above: an editor the step change closed no longer holds the phone in place.
  useFollowStep();

  const onDrop = useCallback(
    (event: DragEvent) => {
      const s = ui.getState();
      const dragged = (s.dragging ?? event.dataTransfer.getData(CARD_MIME)) as CardId;
      const target = s.dropTarget;
      s.setDragging(null);
      if (!dragged || !target) return;
      event.preventDefault();
      event.stopPropagation();
      if (target.beforeId === dragged) return;
      actions.dropAt(dragged, target);
    },
    [ui, actions],
  );

  return (
    <div className="board-wrap">
      <StepTabs />
      <div className="board-bar">
        <StepHint />
        <CardDensityChoice />
      </div>
      <div className="board">
        {COLUMNS.map((column) => (
          <Column
            key={column.id}
            column={column}
            cards={snapshot.columns[column.id]}
            drafts={drafts[column.id]}
            partners={partners}
            editorsByCard={editorsByCard}
            actions={actions}
            onDrop={onDrop}
          />
        ))}
      </div>
    </div>
  );
}
