import { useCallback, useEffect, useMemo, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMNS } from '../../../shared/columns.js';
import type { CardId } from '../../../shared/ids.js';
import { useMapEnv, useMapSnapshot, usePresence } from '../../collab/hooks.js';
import type { Person } from '../../collab/presence.js';
import { Column } from './Column.js';
import { CARD_MIME, dropIndex } from './dragDrop.js';
import { usePartners } from './me.js';
import { StepTabs } from './StepTabs.js';
import { useCardActions } from './useCardActions.js';
import { useMapUi, useMapUiApi } from './uiStore.js';

/**
 * The five columns. DOM order is step 1..5 (reading and tab order follow the method);
 * CSS lays them out right to left, so step 1 stands on the right as on the paper map.
 */
export function Board() {
  const { t } = useTranslation();
  const snapshot = useMapSnapshot();
  const people = usePresence();
  const partners = usePartners();
  const { doc, readModel } = useMapEnv();
  const ui = useMapUiApi();
  const actions = useCardActions();
  const editing = useMapUi((s) => s.editing);

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
  useEffect(() => {
    if (editing && !readModel.getCard(editing)) {
      const s = ui.getState();
      s.stopEditing();
      s.showToast({ text: t('editor.cardDeleted') });
      s.announce(t('editor.cardDeleted'));
    }
  }, [snapshot, editing, readModel, ui, t]);

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
      actions.moveTo(dragged, target.column, dropIndex(doc, dragged, target));
    },
    [ui, doc, actions],
  );

  return (
    <div className="board-wrap">
      <StepTabs />
      <p className="direction-hint" data-testid="map.directionHint">
        <span className="wide-only">
          <span aria-hidden="true">← </span>
          {t('map.directionHint')}
        </span>
        <span className="narrow-only">{t('map.directionHintPhone')}</span>
      </p>
      <div className="board">
        {COLUMNS.map((column) => (
          <Column
            key={column.id}
            column={column}
            cards={snapshot.columns[column.id]}
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
