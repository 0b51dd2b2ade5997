import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getColumn } from '../../../../shared/columns.js';
import type { CardSnapshot } from '../../../../shared/readModel.js';
import { useMapEnv } from '../currentMap.js';
import type { MapEnv } from '../../../workshop/mapEnv.js';
import { useLang } from '../../../i18n/index.js';
import { useMe } from '../../../workshop/hooks.js';
import { CardFollowUp } from '../../trajectory/index.js';
import type { CardActions } from '../useCardActions.js';
import { useMapUi, useMapUiApi } from '../uiStore.js';
import { ArgumentsSection } from './ArgumentsSection.js';
import { AuthorLine } from './CardBadges.js';
import { HistorySection } from './HistorySection.js';
import { StatusSection } from './StatusSection.js';
import { StepFieldsSection } from './StepFieldsSection.js';
import { SupportSection } from './SupportSection.js';
import { useCardAnywhere } from './useCardLookup.js';
import { useDialogue } from './useDialogue.js';

/**
 * The dialogue about one card, in a side panel so the cards on the board stay compact. Not modal:
 * the map stays usable next to it. Escape or "Sluiten" closes it and puts focus back on the card.
 * It follows the card from my drafts to the map when the facilitator reveals (same id), and closes
 * quietly when the card is gone.
 */
export function CardDetailsPanel({ actions }: { actions: CardActions }) {
  const id = useMapUi((s) => s.details);
  const found = useCardAnywhere(id);
  const ui = useMapUiApi();
  useEffect(() => {
    if (id && !found) ui.getState().closeDetails();
  }, [id, found, ui]);
  if (!id || !found) return null;
  return <DetailsBody key={id} card={found.card} env={found.env} actions={actions} />;
}

function DetailsBody({ card, env, actions }: { card: CardSnapshot; env: MapEnv; actions: CardActions }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ui = useMapUiApi();
  const me = useMe();
  const mapEnv = useMapEnv();
  const heading = useRef<HTMLHeadingElement>(null);
  const dialogue = useDialogue(card.id, env);
  const canWrite = actions.canWrite(card.column);
  // Only a card in my drafts comes from another env than the map.
  const isPrivate = env !== mapEnv;

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const close = () => {
    const s = ui.getState();
    s.closeDetails();
    s.requestFocus(card.id);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  return (
    <aside
      className="details-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="details-title"
      data-testid="card.detailsPanel"
      data-card-id={card.id}
      onKeyDown={onKeyDown}
    >
      <div className="details-head">
        <h2 id="details-title" ref={heading} tabIndex={-1}>
          {t('cardDetails.title')}
        </h2>
        <button
          type="button"
          className="icon-button"
          data-testid="card.details.close"
          aria-label={t('cardDetails.close')}
          title={t('cardDetails.close')}
          onClick={close}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <p className="details-column">
        {t('map.step', { n: getColumn(card.column).step })} · {getColumn(card.column).label[lang]}
      </p>
      <blockquote className="details-text">{card.plainText || t('card.emptyText')}</blockquote>
      <AuthorLine card={card} />
      {isPrivate && <p className="private-note">{t('drafts.onlyYou')}</p>}
      {!canWrite && me.canEdit && (
        <p className="notice-bar" data-testid="card.details.readOnly">
          {t('cardDetails.readOnly')}
        </p>
      )}
      <SupportSection card={card} dialogue={dialogue} canWrite={canWrite} />
      <ArgumentsSection card={card} dialogue={dialogue} canWrite={canWrite} />
      {card.column === 'steps' && <StepFieldsSection card={card} dialogue={dialogue} canWrite={canWrite} />}
      <StatusSection card={card} dialogue={dialogue} canWrite={canWrite} />
      {/* [J9] Owner, due date, status and note of an agreed action, also while Acties is locked ([J5]). */}
      {!isPrivate && <CardFollowUp card={card} doc={env.doc} />}
      {canWrite && (
        <section className="details-section" aria-labelledby="details-build">
          <h3 id="details-build">{t('cardDetails.buildHeading')}</h3>
          <p className="hint">{t('cardDetails.buildHint')}</p>
          <button type="button" className="button" data-testid="card.buildOn" onClick={() => actions.buildOn(card.id)}>
            {t('cardDetails.buildOn')}
          </button>
        </section>
      )}
      <HistorySection card={card} />
    </aside>
  );
}
