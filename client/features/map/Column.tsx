import { memo, useRef, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '../../../shared/columns.js';
import type { Partner } from '../../../shared/partners.js';
import type { CardSnapshot } from '../../../shared/readModel.js';
import type { Person } from '../../collab/presence.js';
import { useLang } from '../../i18n/index.js';
import { CardView } from './CardView.js';
import { isCardDrag } from './dragDrop.js';
import { useMe } from './me.js';
import type { CardActions } from './useCardActions.js';
import { useFocusRequest } from './useFocusRequest.js';
import { useMapUi, useMapUiApi } from './uiStore.js';

interface Props {
  column: ColumnDef;
  cards: readonly CardSnapshot[];
  partners: ReadonlyMap<string, Partner>;
  editorsByCard: ReadonlyMap<string, readonly Person[]>;
  actions: CardActions;
  onDrop: (event: DragEvent) => void;
}

function ColumnImpl({ column, cards, partners, editorsByCard, actions, onDrop }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const ui = useMapUiApi();
  const active = useMapUi((s) => s.activeColumn === column.id);
  const dropAtEnd = useMapUi((s) => s.dropTarget?.column === column.id && s.dropTarget.beforeId === null);
  const addButton = useRef<HTMLButtonElement>(null);
  useFocusRequest(`add:${column.id}`, addButton);

  const titleId = `column-${column.id}-title`;
  const label = column.label[lang];

  const onDragOver = (event: DragEvent) => {
    if (!isCardDrag(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    ui.getState().setDropTarget({ column: column.id, beforeId: null });
  };
  const onDragLeave = (event: DragEvent<HTMLElement>) => {
    // Leaving into a child is not leaving the column.
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
    const s = ui.getState();
    if (s.dropTarget?.column === column.id) s.setDropTarget(null);
  };

  // The whole column accepts a drop (at the end), not only the card area: a bigger target.
  return (
    <section
      id={`column-${column.id}`}
      className="column"
      data-testid={`column.${column.id}`}
      data-active={active || undefined}
      aria-labelledby={titleId}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <div className="column-head">
        <h2 id={titleId}>
          <span className="column-step">{t('map.step', { n: column.step })}</span> <span>{label}</span>
        </h2>
        <p className="column-question">{column.question[lang]}</p>
        <details className="column-prompts">
          <summary>{t('map.prompts')}</summary>
          <ul>
            {column.prompts.map((p, i) => (
              <li key={i}>{p[lang]}</li>
            ))}
          </ul>
        </details>
      </div>
      <div className="card-area" data-drop-end={dropAtEnd || undefined}>
        {cards.length === 0 ? (
          <p className="column-empty">{t('map.emptyColumn')}</p>
        ) : (
          <ol className="card-list" aria-label={label}>
            {cards.map((card, i) => (
              <CardView
                key={card.id}
                card={card}
                index={i}
                total={cards.length}
                column={column}
                partner={partners.get(card.partner)}
                editors={editorsByCard.get(card.id)}
                actions={actions}
                onDrop={onDrop}
              />
            ))}
          </ol>
        )}
        <div className="drop-end" aria-hidden="true" />
      </div>
      {me.canEdit && (
        <button
          ref={addButton}
          type="button"
          className="button add-card"
          data-testid={`column.${column.id}.add`}
          aria-label={t('map.addCardTo', { column: label })}
          onClick={() => actions.add(column.id)}
        >
          <span aria-hidden="true">+ </span>
          {t('map.addCard')}
        </button>
      )}
    </section>
  );
}

export const Column = memo(ColumnImpl);
