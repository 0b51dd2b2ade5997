import { useTranslation } from 'react-i18next';
import type { CardId } from '../../../../shared/ids.js';
import type { CardSnapshot } from '../../../../shared/readModel.js';
import { useMapUiApi } from '../uiStore.js';
import { firstWords, useCardAnywhere } from './useCardLookup.js';

/** "Geschreven door Anna", or for a card typed for someone else: "Geschreven door Sam voor Anna". */
export function AuthorLine({ card }: { card: CardSnapshot }) {
  const { t } = useTranslation();
  if (card.writtenBy) {
    return (
      <span className="card-author" data-testid="card.writtenFor">
        {t('writeFor.byFor', { typist: card.writtenByName || '?', name: card.authorName || '?' })}
      </span>
    );
  }
  return <span className="card-author">{t('card.by', { name: card.authorName || '?' })}</span>;
}

/** Under a card's text: what it builds on, and who/when of a step. */
export function CardNotes({ card }: { card: CardSnapshot }) {
  const { t } = useTranslation();
  const step = [card.who, card.when].some(Boolean);
  return (
    <>
      {card.buildsOn && <BuildsOnLink target={card.buildsOn} />}
      {card.removal && (
        <p className="card-removal form-error" data-testid="card.removalProposed">
          {t('authorship.removal.onCard', { name: card.removal.name || '?' })}
        </p>
      )}
      {step && (
        <p className="card-step-fields" data-testid="card.stepFields">
          {card.who && (
            <span>
              {t('cardDetails.step.who')}: {card.who}
            </span>
          )}
          {card.when && (
            <span>
              {t('cardDetails.step.when')}: {card.when}
            </span>
          )}
        </p>
      )}
    </>
  );
}

/**
 * The compact facts of a card: status, support and arguments. Small enough for a projector-size
 * board; the details panel has the rest.
 */
export function CardFacts({ card }: { card: CardSnapshot }) {
  const { t } = useTranslation();
  const pro = card.arguments.filter((a) => a.side === 'for').length;
  const con = card.arguments.length - pro;
  return (
    <span className="card-facts">
      <span className="status-badge" data-status={card.status} data-testid="card.statusBadge">
        {t(`method.status.${card.status}`)}
      </span>
      {card.supporters.length > 0 && (
        <span className="fact" data-testid="card.supportCount">
          <span aria-hidden="true">+{card.supporters.length}</span>
          <span className="sr-only">{t('cardDetails.supportShort', { count: card.supporters.length })}</span>
        </span>
      )}
      {card.arguments.length > 0 && (
        <span className="fact" data-testid="card.argumentCounts">
          {t('cardDetails.argumentCounts', { pro, con })}
        </span>
      )}
    </span>
  );
}

/** "Bouwt voort op: …" — a link that puts focus on the card this one extends. */
function BuildsOnLink({ target }: { target: CardId }) {
  const { t } = useTranslation();
  const ui = useMapUiApi();
  const found = useCardAnywhere(target);
  if (!found) {
    return <p className="card-builds-on">{t('cardDetails.buildsOnGone')}</p>;
  }
  const words = firstWords(found.card.plainText) || t('card.emptyText');
  return (
    <p className="card-builds-on">
      {t('cardDetails.buildsOn')}{' '}
      <button
        type="button"
        className="text-button link-button"
        data-testid="card.buildsOn"
        onClick={() => {
          const s = ui.getState();
          s.setActiveColumn(found.card.column);
          s.requestFocus(target);
        }}
      >
        {words}
      </button>
    </p>
  );
}
