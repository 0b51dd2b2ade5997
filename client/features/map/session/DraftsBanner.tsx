import { useTranslation } from 'react-i18next';
import { useMe } from '../../../workshop/hooks.js';
import { useSession } from './useSession.js';

/** Write alone first: participants hear that their new cards stay private until the reveal. */
export function DraftsBanner() {
  const { t } = useTranslation();
  const me = useMe();
  const { phase } = useSession();
  if (phase !== 'private' || me.access === 'projector') return null;
  if (me.access === 'facilitator') {
    return (
      <p className="drafts-banner" data-testid="drafts.banner" data-for="facilitator">
        {t('drafts.bannerFacilitator')}
      </p>
    );
  }
  return (
    <div className="drafts-banner" data-testid="drafts.banner">
      <p>
        <strong>{t('drafts.bannerTitle')}</strong> {t('drafts.banner')}
      </p>
    </div>
  );
}
