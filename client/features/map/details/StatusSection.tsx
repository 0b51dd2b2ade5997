import { useTranslation } from 'react-i18next';
import { missingForAgreement } from '../../../../shared/agreement.js';
import { CARD_STATUSES, type CardStatus } from '../../../../shared/cardSchema.js';
import type { CardSnapshot } from '../../../../shared/readModel.js';
import { useMe, usePartners, useSession } from '../../../workshop/hooks.js';
import { useMapUiApi } from '../uiStore.js';
import type { Dialogue } from './useDialogue.js';

/**
 * Rule 5: every card is open, agreed or parked (an open point that stays visible). A step card needs
 * who, what and when before it can be agreed: the button says why it is not available yet.
 * Participants say "eens namens" their partner; only the facilitator sets the status, or, by
 * consensus, the server does once every partner present agrees ([K1], [K2]; the server enforces it).
 */
export function StatusSection({
  card,
  dialogue,
  canWrite,
}: {
  card: CardSnapshot;
  dialogue: Dialogue;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const partners = usePartners();
  const { agreementRule } = useSession();
  const setsStatus = canWrite && me.access === 'facilitator';
  const ui = useMapUiApi();
  const missing = missingForAgreement(card);
  const reason = missing.length
    ? t('cardDetails.agreeNeeds', { fields: missing.map((f) => t(`cardDetails.step.${f}`)).join(', ') })
    : '';
  const blocked = (s: CardStatus) => s === 'agreed' && missing.length > 0 && card.status !== 'agreed';

  const choose = (s: CardStatus) => {
    if (blocked(s)) {
      ui.getState().announce(reason);
      return;
    }
    if (dialogue.setStatus(s)) ui.getState().announce(t('cardDetails.statusNow', { status: t(`method.status.${s}`) }));
  };

  const myPartner = partners.get(me.partner);
  const agreedMine = !!card.agreedBy[me.partner];
  const agreed = Object.entries(card.agreedBy).map(
    ([partner, a]) => `${partners.get(partner)?.name ?? partner} (${a.name})`,
  );

  return (
    <section className="details-section" aria-labelledby="details-status">
      <h3 id="details-status">{t('cardDetails.statusHeading')}</h3>
      {setsStatus ? (
        <div className="status-buttons" role="group" aria-labelledby="details-status">
          {CARD_STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              className="button status-button"
              data-status={s}
              data-testid={`card.status.${s}`}
              aria-pressed={card.status === s}
              aria-disabled={blocked(s) || undefined}
              aria-describedby={s === 'agreed' && reason ? 'details-status-reason' : undefined}
              onClick={() => choose(s)}
            >
              {t(`method.status.${s}`)}
            </button>
          ))}
        </div>
      ) : (
        <>
          <p data-testid="card.status.now" data-status={card.status}>
            {t('cardDetails.statusIs', { status: t(`method.status.${card.status}`) })}
          </p>
          {canWrite && (
            <p className="hint" data-testid="card.status.who">
              {t(agreementRule === 'consensus' ? 'cardDetails.decidedByConsensus' : 'cardDetails.decidedByFacilitator')}
            </p>
          )}
        </>
      )}
      {reason && (
        <p className="hint" id="details-status-reason" data-testid="card.status.reason">
          {reason}
        </p>
      )}
      {canWrite && myPartner && (
        <button
          type="button"
          className="button button-quiet"
          data-testid="card.agreeForPartner"
          aria-pressed={agreedMine}
          onClick={() => dialogue.setPartnerAgreement(!agreedMine)}
        >
          {t('cardDetails.agreeFor', { partner: myPartner.name })}
        </button>
      )}
      <p data-testid="card.agreedBy">
        {agreed.length ? t('cardDetails.agreedBy', { list: agreed.join(', ') }) : t('cardDetails.agreedByNone')}
      </p>
    </section>
  );
}
