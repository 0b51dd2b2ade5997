import { useTranslation } from 'react-i18next';
import { mapPath } from '../../../shared/api.js';
import type { WorkshopId } from '../../../shared/ids.js';
import { loadIdentity, saveIdentity } from '../../lib/identity.js';
import { Link } from '../../ui/Link.js';
import { Loading } from '../../ui/Loading.js';
import { NotFound } from '../../ui/NotFound.js';
import { PageShell } from '../../ui/PageShell.js';
import { navigate } from '../../lib/router.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { useWorkshopInfo } from '../../lib/useWorkshopInfo.js';
import { PartnerBadge } from '../../ui/PartnerBadge.js';
import { JoinForm } from './JoinForm.js';

export function JoinPage({ workshopId }: { workshopId: WorkshopId }) {
  const { t } = useTranslation();
  useDocumentTitle(t('join.pageTitle'));
  const workshop = useWorkshopInfo(workshopId);
  const identity = loadIdentity(workshopId);

  if (workshop.status === 'notFound') return <NotFound what="workshop" />;
  return (
    <PageShell>
      {workshop.status === 'loading' && <Loading />}
      {workshop.status === 'error' && (
        <div className="panel" role="alert">
          <p>{t('map.loadFailed')}</p>
          <button type="button" className="button" onClick={workshop.retry}>
            {t('map.retry')}
          </button>
        </div>
      )}
      {workshop.status === 'ok' && (
        <div className="join">
          <h1 data-testid="join.title">{t('join.heading', { title: workshop.info.title })}</h1>
          <section aria-labelledby="join-partners">
            <h2 id="join-partners">{t('join.partnersHeading')}</h2>
            <ul className="partner-badges">
              {workshop.info.partners.map((p) => (
                <li key={p.id}>
                  <PartnerBadge name={p.name} color={p.color} />
                </li>
              ))}
            </ul>
          </section>
          {identity && (
            <section className="panel continue" aria-labelledby="join-continue-text">
              <p id="join-continue-text">{t('join.continueText', { name: identity.name })}</p>
              <Link href={mapPath(workshopId)} className="button button-primary" data-testid="join.continue">
                {t('join.continue', { name: identity.name })}
              </Link>
              <p>{t('join.otherPerson')}</p>
            </section>
          )}
          <JoinForm
            workshop={workshop.info}
            onJoined={(id) => {
              saveIdentity(workshopId, id);
              navigate(mapPath(workshopId));
            }}
          />
        </div>
      )}
    </PageShell>
  );
}
