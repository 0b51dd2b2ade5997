import { useTranslation } from 'react-i18next';
import type { ParticipantEntry } from '../../../../shared/workshopDoc.js';
import { useMe, usePartners } from '../../../workshop/hooks.js';
import { useSession, useWorkshopParticipants } from './useSession.js';

/** Round mode (rule 2): whose turn it is, and who is next; the person whose turn it is sees it highlighted. */
export function RoundBanner() {
  const { t } = useTranslation();
  const me = useMe();
  const partners = usePartners();
  const { round } = useSession();
  const participants = useWorkshopParticipants();
  const find = (id: string | undefined) => (id ? participants.find((p) => p.id === id) : undefined);
  const nowId = round?.order[round.index];
  const current = find(nowId);
  const next = round ? find(round.order[round.index + 1]) : undefined;
  const describe = (p: ParticipantEntry) => {
    const partner = partners.get(p.partner)?.name;
    return partner ? `${p.name} (${partner})` : p.name;
  };
  const mine = !!nowId && nowId === me.participantId;
  return (
    <div className="round-region" aria-live="polite">
      {round && current && (
        <div className="round-banner" data-testid="session.round" data-me={mine || undefined}>
          {mine ? (
            <p className="round-me">
              <strong>{t('session.roundYou')}</strong>
            </p>
          ) : (
            <p>{t('session.roundNow', { person: describe(current) })}</p>
          )}
          {next && <p className="hint">{t('session.roundNext', { person: describe(next) })}</p>}
        </div>
      )}
    </div>
  );
}
