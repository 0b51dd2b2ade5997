import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { participantPath } from '../../../shared/api.js';
import type { WorkshopId } from '../../../shared/ids.js';
import { forgetIdentity, loadIdentity } from '../../lib/identity.js';
import { Loading } from '../../ui/Loading.js';
import { NotFound } from '../../ui/NotFound.js';
import { PageShell } from '../../ui/PageShell.js';
import { navigate } from '../../lib/router.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { useWorkshopInfo } from '../../lib/useWorkshopInfo.js';
import { useSessionReady, useWorkshop, WorkshopContext } from '../../workshop/hooks.js';
import { useLiveWorkshop } from '../../workshop/useLiveWorkshop.js';

import type { WorkshopInfo } from '../../../shared/api.js';
import type { Identity } from '../../lib/identity.js';
import { PartnersFirstView } from './PartnersFirstView.js';
import { MapView } from './MapView.js';

export function MapPage({ workshopId }: { workshopId: WorkshopId }) {
  const { t } = useTranslation();
  const identity = useMemo(() => loadIdentity(workshopId), [workshopId]);
  const workshop = useWorkshopInfo(workshopId);
  useDocumentTitle(workshop.status === 'ok' ? workshop.info.title : t('map.pageTitle'));

  useEffect(() => {
    // Without an identity there is no token to connect with: joining comes first.
    if (!identity) navigate(participantPath(workshopId), { replace: true });
  }, [identity, workshopId]);

  if (!identity) return null;
  if (workshop.status === 'notFound') return <NotFound what="workshop" />;
  if (workshop.status === 'ok') {
    return <ConnectedMap workshopId={workshopId} info={workshop.info} identity={identity} />;
  }
  return (
    <PageShell>
      {workshop.status === 'loading' ? (
        <Loading />
      ) : (
        <div className="panel" role="alert">
          <p>{t('map.loadFailed')}</p>
          <button type="button" className="button" onClick={workshop.retry}>
            {t('map.retry')}
          </button>
        </div>
      )}
    </PageShell>
  );
}

/** The workshop object of this page, connected with my identity; the map once the session is known. */
function ConnectedMap({ info, identity }: { workshopId: WorkshopId; info: WorkshopInfo; identity: Identity }) {
  const workshop = useLiveWorkshop(info, identity);
  if (!workshop) return <Loading />;
  return (
    <WorkshopContext.Provider value={workshop}>
      <MapOrPartnersFirst />
    </WorkshopContext.Provider>
  );
}

function MapOrPartnersFirst() {
  const workshop = useWorkshop();
  const ready = useSessionReady();
  // Partners first: the map of one's own partner, then the mixed session (compare and joint map).
  if (workshop.info.flow === 'partners-first') return <PartnersFirstView onRejoin={() => rejoin(workshop.id)} />;
  if (!ready) return <Loading />;
  return <MapView workshopId={workshop.id} title={workshop.info.title} onRejoin={() => rejoin(workshop.id)} />;
}

function rejoin(workshopId: WorkshopId) {
  forgetIdentity(workshopId);
  navigate(participantPath(workshopId));
}
