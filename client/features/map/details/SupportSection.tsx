import { useTranslation } from 'react-i18next';
import type { CardSnapshot } from '../../../../shared/readModel.js';
import { useMe } from '../../../workshop/hooks.js';
import type { Dialogue } from './useDialogue.js';

/** Rule 3 and 4: support (+1), which a person can withdraw again. */
export function SupportSection({
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
  const mine = card.supporters.some((s) => s.id === me.participantId);
  const names = card.supporters.map((s) => s.name).join(', ');
  return (
    <section className="details-section" aria-labelledby="details-support">
      <h3 id="details-support">{t('cardDetails.supportHeading')}</h3>
      {canWrite && me.participantId && (
        <>
          <button
            type="button"
            className="button support-button"
            data-testid="card.support"
            aria-pressed={mine}
            onClick={() => dialogue.setSupport(!mine)}
          >
            <span aria-hidden="true">+1 </span>
            {t('cardDetails.supportGive')}
          </button>
          {mine && <p className="hint">{t('cardDetails.supportWithdrawHint')}</p>}
        </>
      )}
      <p data-testid="card.supporters">
        {card.supporters.length === 0
          ? t('cardDetails.supportNone')
          : t('cardDetails.supportCount', { count: card.supporters.length, names })}
      </p>
    </section>
  );
}
