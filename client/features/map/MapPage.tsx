import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { participantPath } from '../../../shared/api.js';
import type { WorkshopId } from '../../../shared/ids.js';
import { forgetIdentity, loadIdentity } from '../../app/identity.js';
import { Loading } from '../../app/Loading.js';
import { NotFound } from '../../app/NotFound.js';
import { PageShell } from '../../app/PageShell.js';
import { navigate } from '../../app/router.js';
import { useDocumentTitle } from '../../app/useDocumentTitle.js';
import { useWorkshopInfo } from '../../app/useWorkshopInfo.js';
import { MapEnvContext, useMapSession } from '../../collab/hooks.js';
import { SessionEnvContext, useLiveSessionEnv } from '../../collab/sessionEnv.js';
import type { WorkshopInfo } from '../../../shared/api.js';
import type { Identity } from '../../app/identity.js';
import { PartnersFirstMap } from '../compare/PartnersFirstMap.js';
import { makeMe, MeContext, PartnersContext } from './me.js';
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
    // Partners first: the map of one's own partner, then the mixed session (compare and joint map).
    const Connected = workshop.info.flow === 'partners-first' ? PartnersFirstMap : ConnectedMap;
    return <Connected workshopId={workshopId} info={workshop.info} identity={identity} />;
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

function ConnectedMap({ workshopId, info, identity }: { workshopId: WorkshopId; info: WorkshopInfo; identity: Identity }) {
  const me = useMemo(() => makeMe(identity, info.partners), [identity, info.partners]);
  const partners = useMemo(() => new Map(info.partners.map((p) => [p.id as string, p])), [info.partners]);
  const env = useMapSession(workshopId, identity.token, me.user);
  const sessionEnv = useLiveSessionEnv(workshopId, identity, me.user);
  if (!env || sessionEnv.ready === false) return <Loading />;
  const rejoin = () => {
    forgetIdentity(workshopId);
    navigate(participantPath(workshopId));
  };
  return (
    <MapEnvContext.Provider value={env}>
      <SessionEnvContext.Provider value={sessionEnv}>
        <MeContext.Provider value={me}>
          <PartnersContext.Provider value={partners}>
            <MapView workshopId={workshopId} title={info.title} onRejoin={rejoin} />
          </PartnersContext.Provider>
        </MeContext.Provider>
      </SessionEnvContext.Provider>
    </MapEnvContext.Provider>
  );
}
