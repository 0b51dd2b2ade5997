import { memo, Suspense, useRef, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getCard, getCardText } from '../../../shared/cardSchema.js';
import type { ColumnDef } from '../../../shared/columns.js';
import type { Partner } from '../../../shared/partners.js';
import type { CardSnapshot } from '../../../shared/readModel.js';
import type { MapEnv } from '../../workshop/mapEnv.js';
import { NEUTRAL_COLOR, type Person } from '../../collab/presence.js';
import { useLang } from '../../i18n/index.js';
import { CardText } from './CardText.js';
import { CardToolbar } from './CardToolbar.js';
import { CardLinks } from './links/CardLinks.js';
import { LinkMenu } from './links/LinkMenu.js';
import { clearLinkFocus, setLinkFocus } from './links/linkFocus.js';
import { AuthorLine, CardFacts, CardNotes } from './details/CardBadges.js';
import { CARD_MIME, isCardDrag } from './dragDrop.js';
import { useMe } from '../../workshop/hooks.js';
import { LazyCardEditor } from './lazyEditor.js';
import { OriginBadges } from '../../ui/PartnerBadge.js';
import type { CardActions } from './useCardActions.js';
import { useFocusRequest } from './useFocusRequest.js';
import { useMapUi, useMapUiApi } from './uiStore.js';

/** One sr-only sentence on the map explains the card keys; every card points at it. */
export const KEYBOARD_HELP_ID = 'card-keyboard-help';

interface Props {
  card: CardSnapshot;
  index: number;
  total: number;
  column: ColumnDef;
  partner: Partner | undefined;
  /** Other people editing this card now (from awareness). */
  editors: readonly Person[] | undefined;
  actions: CardActions;
  onDrop: (event: DragEvent) => void;
  /** The document that holds the card: the map, or my private drafts. */
  env: MapEnv;
  /** A card in my drafts: only I (and the facilitator) can see it until the reveal. */
  isPrivate?: boolean;
  /** The column is open for me: edit, move and delete are offered. */
  writable: boolean;
  /** One line with "…" until the card has the focus (many cards in the column, or the person's choice). */
  compact?: boolean;
}

function CardViewImpl({
  card,
  index,
  total,
  column,
  partner,
  editors,
  actions,
  onDrop,
  env,
  isPrivate,
  writable,
  compact,
}: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const { doc, awarenessHost } = env;
  const editable = me.canEdit && writable;
  const ui = useMapUiApi();
  const isEditing = useMapUi((s) => s.editing === card.id);
  const isDragged = useMapUi((s) => s.dragging === card.id);
  const dropBefore = useMapUi((s) => s.dropTarget?.column === card.column && s.dropTarget.beforeId === card.id);
  const ref = useRef<HTMLElement>(null);
  useFocusRequest(card.id, ref);

  const label = t(isPrivate ? 'drafts.cardLabel' : 'card.label', { n: index + 1, total, column: column.label[lang] });
  const textId = `card-${card.id}-text`;
  const metaId = `card-${card.id}-meta`;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Keys typed inside the editor belong to the editor; a closed column takes no changes.
    if (isEditing || !editable) return;
    const onCard = event.target === event.currentTarget;
    if (event.altKey && !event.ctrlKey && !event.metaKey) {
      const move: Record<string, () => void> = {
        ArrowUp: () => actions.moveBy(card.id, -1),
        ArrowDown: () => actions.moveBy(card.id, 1),
        // Left on screen is the next step: the map runs from right to left.
        ArrowLeft: () => actions.moveStep(card.id, 1),
        ArrowRight: () => actions.moveStep(card.id, -1),
      };
      const run = move[event.key];
      if (run) {
        // Also stops Alt+Left/Right from navigating the browser history.
        event.preventDefault();
        run();
      }
      return;
    }
    if (!onCard) return;
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      actions.edit(card.id);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      actions.remove(card.id);
    }
  };

  const onDragStart = (event: DragEvent<HTMLElement>) => {
    event.dataTransfer.setData(CARD_MIME, card.id);
    event.dataTransfer.setData('text/plain', card.plainText);
    event.dataTransfer.effectAllowed = 'move';
    ui.getState().setDragging(card.id);
  };
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    // Not preventing the default refuses the drop: nothing lands in a closed column.
    if (!isCardDrag(event) || !writable) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = 'move';
    ui.getState().setDropTarget({ column: card.column, beforeId: card.id });
  };

  // Looked up on every render: if someone deletes the card and undo restores it, the restored card has
  // a new fragment, and the editor must bind to that one.
  const yCard = isEditing ? getCard(doc, card.id) : undefined;
  const fragment = yCard && getCardText(yCard);
  const editorNames = editors?.map((p) => p.name).join(', ');

  return (
    <li className="card-slot" data-drop-before={dropBefore || undefined}>
      <article
        ref={ref}
        className="card"
        data-testid="card"
        data-card-id={card.id}
        data-editing={isEditing || undefined}
        data-dragging={isDragged || undefined}
        data-private={isPrivate || undefined}
        data-status={card.status}
        data-compact={compact || undefined}
        tabIndex={0}
        aria-label={label}
        aria-describedby={isEditing ? metaId : `${textId} ${metaId}${editable ? ` ${KEYBOARD_HELP_ID}` : ''}`}
        style={{ ['--partner-color' as string]: partner?.color ?? NEUTRAL_COLOR }}
        draggable={editable && !isEditing}
        onKeyDown={onKeyDown}
        onFocus={() => !isPrivate && setLinkFocus(card)}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) clearLinkFocus(card.id);
        }}
        onDragStart={onDragStart}
        onDragEnd={() => ui.getState().setDragging(null)}
        onDragOver={onDragOver}
        onDrop={onDrop}
      >
        <div className="card-meta" id={metaId}>
          <OriginBadges card={card} partner={partner} />
          <AuthorLine card={card} />
          {isPrivate && (
            <span className="private-badge" data-testid="card.private">
              {t('drafts.onlyYou')}
            </span>
          )}
        </div>
        {isEditing && fragment ? (
          <Suspense fallback={<p className="hint">{t('app.loading')}</p>}>
            <LazyCardEditor
              fragment={fragment}
              awarenessHost={awarenessHost}
              label={`${t('editor.label')} – ${label}`}
              onDone={() => actions.finishEditing(card.id)}
            />
          </Suspense>
        ) : (
          <CardText id={textId} blocks={card.blocks} plainText={card.plainText} />
        )}
        {editorNames && (
          <p className="card-editing-by" data-testid="card.editingBy">
            <span className="editing-dot" aria-hidden="true" style={{ backgroundColor: editors![0].color }} />
            {t(editors!.length > 1 ? 'card.editingByMany' : 'card.editingBy', { names: editorNames })}
          </p>
        )}
        {!isEditing && <CardNotes card={card} />}
        {!isEditing && !isPrivate && <CardLinks card={card} />}
        {!isEditing && (
          <div className="card-dialogue">
            <CardFacts card={card} />
            <button
              type="button"
              className="text-button"
              data-testid="card.details"
              aria-label={t('cardDetails.open', { card: label })}
              onClick={() => ui.getState().openDetails(card.id)}
            >
              {t('cardDetails.openShort')}
            </button>
          </div>
        )}
        {editable && !isEditing && (
          <CardToolbar
            id={card.id}
            column={card.column}
            index={index}
            total={total}
            actions={actions}
            extra={isPrivate ? undefined : <LinkMenu card={card} />}
          />
        )}
      </article>
    </li>
  );
}

export const CardView = memo(CardViewImpl);
