import { memo, useCallback, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '../../../shared/columns.js';
import type { Partner } from '../../../shared/partners.js';
import type { CardSnapshot } from '../../../shared/readModel.js';
import { useMapEnv } from './currentMap.js';
import type { Person } from '../../collab/presence.js';
import { useLang } from '../../i18n/index.js';
import { ADD_CARD_SHORTCUT, useAddCardShortcut, useAddTarget } from './addCardShortcut.js';
import { CardView } from './CardView.js';
import { isCardDrag } from './dragDrop.js';
import { WriteForForm, useWriteForChoices } from './compose/WriteForForm.js';
import { useMe, useDrafts } from '../../workshop/hooks.js';
import { ColumnMarks } from './session/ColumnMarks.js';
import { useColumnAccess } from './session/useSession.js';
import type { CardActions } from './useCardActions.js';
import { useFocusRequest } from './useFocusRequest.js';
import { useMapUi, useMapUiApi } from './uiStore.js';
import { bySupport, hasSupport, isCompact, useViewPrefs } from './viewPrefs.js';
import { useVoteTotals } from '../votes/index.js';

interface Props {
  column: ColumnDef;
  cards: readonly CardSnapshot[];
  /** My private drafts in this column (not yet on the map). */
  drafts: readonly CardSnapshot[];
  partners: ReadonlyMap<string, Partner>;
  editorsByCard: ReadonlyMap<string, readonly Person[]>;
  actions: CardActions;
  onDrop: (event: DragEvent) => void;
}

function ColumnImpl({ column, cards, drafts, partners, editorsByCard, actions, onDrop }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const ui = useMapUiApi();
  const env = useMapEnv();
  const draftsEnv = useDrafts();
  const access = useColumnAccess();
  const writable = access.canWrite(column.id);
  const { session } = access;
  const current = session.guided && session.active.includes(column.id);
  // While everyone writes alone first, a participant's new card needs the drafts document.
  const canAdd = writable && (!access.privateForMe || draftsEnv !== null);
  const writeForChoices = useWriteForChoices();
  const [writingFor, setWritingFor] = useState(false);
  const writeForButton = useRef<HTMLButtonElement>(null);
  const active = useMapUi((s) => s.activeColumn === column.id);
  const dropAtEnd = useMapUi((s) => s.dropTarget?.column === column.id && s.dropTarget.beforeId === null);
  const addButton = useRef<HTMLButtonElement>(null);
  useFocusRequest(`add:${column.id}`, addButton);
  const density = useViewPrefs((s) => s.density);
  const compact = isCompact(density, cards.length + drafts.length);
  const sorted = useMapUi((s) => s.sortedBySupport.includes(column.id));
  const toggleSort = useMapUi((s) => s.toggleSortBySupport);
  // [Q5] The last closed vote round on this column can order it too (here only, like support).
  const voteTotals = useVoteTotals(column.id);
  const [byVotes, setByVotes] = useState(false);
  const votesOrder = byVotes && voteTotals !== null;
  // Sorting shows a different order here only; each card keeps its place (and number) in the shared order.
  const shown = votesOrder
    ? [...cards].sort((a, b) => (voteTotals[b.id] ?? 0) - (voteTotals[a.id] ?? 0))
    : sorted
      ? bySupport(cards)
      : cards;
  const placeOf = sorted || votesOrder ? new Map(cards.map((c, i) => [c.id, i])) : null;
  // The keyboard's way to "Kaart toevoegen" (Alt+N) lands in one column: the current step's.
  const section = useRef<HTMLElement>(null);
  const shortcutHere = useAddTarget() === column.id && canAdd;
  const addHere = useCallback(() => actions.add(column.id), [actions, column.id]);
  useAddCardShortcut(shortcutHere, section, addHere);

  const titleId = `column-${column.id}-title`;
  const label = column.label[lang];

  const onDragOver = (event: DragEvent) => {
    // Not preventing the default refuses the drop: nothing lands in a closed column.
    if (!isCardDrag(event) || !writable) return;
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
      ref={section}
      id={`column-${column.id}`}
      className="column"
      data-testid={`column.${column.id}`}
      data-active={active || undefined}
      data-current-step={current || undefined}
      data-closed={(me.canEdit && !writable) || undefined}
      data-compact={compact || undefined}
      aria-labelledby={titleId}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <div className="column-head">
        <h2 id={titleId}>
          <span className="column-step">{t('map.step', { n: column.step })}</span> <span>{label}</span>
        </h2>
        <ColumnMarks column={column.id} cards={cards} writable={writable} current={current} />
        <p className="column-question">{column.question[lang]}</p>
        {(sorted || (cards.length > 1 && cards.some(hasSupport))) && (
          <button
            type="button"
            className="text-button sort-toggle"
            data-testid={`column.${column.id}.sortBySupport`}
            aria-pressed={sorted}
            onClick={() => toggleSort(column.id)}
          >
            {t('map.sortBySupport')}
          </button>
        )}
        {voteTotals !== null && cards.length > 1 && (
          <button
            type="button"
            className="text-button sort-toggle"
            data-testid={`column.${column.id}.sortByVotes`}
            aria-pressed={byVotes}
            onClick={() => setByVotes((v) => !v)}
          >
            {t('votes.sort')}
          </button>
        )}
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
        {cards.length === 0 && drafts.length === 0 ? (
          <p className="column-empty">{t('map.emptyColumn')}</p>
        ) : (
          <ol className="card-list" aria-label={label}>
            {shown.map((card, i) => (
              <CardView
                key={card.id}
                card={card}
                index={placeOf?.get(card.id) ?? i}
                total={cards.length}
                column={column}
                partner={partners.get(card.partner)}
                editors={editorsByCard.get(card.id)}
                actions={actions}
                onDrop={onDrop}
                env={env}
                writable={writable}
                compact={compact}
              />
            ))}
          </ol>
        )}
        {drafts.length > 0 && draftsEnv && (
          <div className="drafts-group" data-testid={`drafts.${column.id}`}>
            <p className="drafts-title">{t('drafts.groupTitle')}</p>
            <ol className="card-list" aria-label={t('drafts.listLabel', { column: label })}>
              {drafts.map((card, i) => (
                <CardView
                  key={card.id}
                  card={card}
                  index={i}
                  total={drafts.length}
                  column={column}
                  partner={partners.get(card.partner)}
                  editors={undefined}
                  actions={actions}
                  onDrop={onDrop}
                  env={draftsEnv}
                  isPrivate
                  writable={writable}
                  compact={compact}
                />
              ))}
            </ol>
          </div>
        )}
        <div className="drop-end" aria-hidden="true" />
      </div>
      {canAdd && (
        <button
          ref={addButton}
          type="button"
          className="button add-card"
          data-testid={`column.${column.id}.add`}
          aria-label={t(access.privateForMe ? 'drafts.addCardTo' : 'map.addCardTo', { column: label })}
          aria-keyshortcuts={shortcutHere ? ADD_CARD_SHORTCUT : undefined}
          onClick={addHere}
        >
          <span aria-hidden="true">+ </span>
          {t('map.addCard')}
          {shortcutHere && (
            <kbd className="shortcut-hint" data-testid="column.addShortcut" title={t('map.addShortcutHint')}>
              {ADD_CARD_SHORTCUT}
            </kbd>
          )}
        </button>
      )}
      {/* Also with nobody else in the list: the form can add someone without a device ([H5]). */}
      {canAdd && (
        <button
          ref={writeForButton}
          type="button"
          className="text-button write-for-toggle"
          data-testid={`column.${column.id}.writeFor`}
          aria-label={t('writeFor.openFor', { column: label })}
          aria-expanded={writingFor}
          aria-controls={writingFor ? `write-for-${column.id}` : undefined}
          onClick={() => setWritingFor((v) => !v)}
        >
          {t('writeFor.open')}
        </button>
      )}
      {canAdd && writingFor && (
        <WriteForForm
          id={`write-for-${column.id}`}
          choices={writeForChoices}
          onAdd={(who) => {
            setWritingFor(false);
            actions.add(column.id, { writtenFor: who });
          }}
          onCancel={() => {
            setWritingFor(false);
            writeForButton.current?.focus();
          }}
        />
      )}
    </section>
  );
}

export const Column = memo(ColumnImpl);
