import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participantPath, type WorkshopInfo } from '../../../shared/api.js';
import type { WorkshopId } from '../../../shared/ids.js';
import type { DocName } from '../../../shared/protocol.js';
import { forgetIdentity, loadIdentity, loadProjectorLink, rememberProjectorLink, type Identity } from '../../app/identity.js';
import { navigate } from '../../app/router.js';
import { Link } from '../../app/Link.js';
import { Loading } from '../../app/Loading.js';
import { NotFound } from '../../app/NotFound.js';
import { PageShell } from '../../app/PageShell.js';
import { useServerClock } from '../../app/serverClock.js';
import { useDocumentTitle } from '../../app/useDocumentTitle.js';
import { useWorkshopInfo } from '../../app/useWorkshopInfo.js';
import { MapEnvContext, useMapSession } from '../../collab/hooks.js';
import { SessionEnvContext, type SessionEnv } from '../../collab/sessionEnv.js';
import { openSyncedDoc } from '../../collab/syncedDoc.js';
import { useSyncedDoc } from '../../collab/useSyncedDoc.js';
import { makeMe, MeContext, PartnersContext } from '../map/me.js';
import { Console } from './Console.js';
import { ConsoleEnvContext, type ConsoleEnv, type OpenedDoc } from './consoleEnv.js';
import { whenSynced } from './syncWait.js';

/** /w/<id>/console: only for a browser that holds the facilitator's identity for this workshop. */
export function ConsolePage({ workshopId }: { workshopId: WorkshopId }) {
  const { t } = useTranslation();
  const identity = useMemo(() => loadIdentity(workshopId), [workshopId]);
  const workshop = useWorkshopInfo(workshopId);
  useDocumentTitle(t('console.pageTitle'));

  if (!identity || identity.access !== 'facilitator') return <NoAccess workshopId={workshopId} identity={identity} />;
  if (workshop.status === 'notFound') return <NotFound what="workshop" />;
  if (workshop.status === 'ok') return <ConnectedConsole workshopId={workshopId} info={workshop.info} identity={identity} />;
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

function NoAccess({ workshopId, identity }: { workshopId: WorkshopId; identity: Identity | null }) {
  const { t } = useTranslation();
  return (
    <PageShell>
      <section className="panel" data-testid="console.noAccess">
        <h1>{t('console.pageTitle')}</h1>
        <p>{t('console.noAccess')}</p>
        <p>
          <Link href={identity ? `/w/${workshopId}/map` : participantPath(workshopId)}>
            {identity ? t('console.toMap') : t('console.toJoin')}
          </Link>
        </p>
      </section>
    </PageShell>
  );
}

function ConnectedConsole({ workshopId, info, identity }: { workshopId: WorkshopId; info: WorkshopInfo; identity: Identity }) {
  // Presence carries my participant id, so other consoles match me exactly.
  const me = useMemo(() => {
    const base = makeMe(identity, info.partners);
    return { ...base, user: { ...base.user, id: identity.participantId } };
  }, [identity, info.partners]);
  const partners = useMemo(() => new Map(info.partners.map((p) => [p.id as string, p])), [info.partners]);
  const env = useMapSession(workshopId, identity.token, me.user);
  const session = useSyncedDoc(workshopId, 'session', identity.token);
  const workshopDoc = useSyncedDoc(workshopId, 'workshop', identity.token);
  const clock = useServerClock();
  const openDoc = useCallback((name: DocName): OpenedDoc => {
    const synced = openSyncedDoc(workshopId, name, identity.token);
    return { doc: synced.doc, destroy: () => synced.destroy(), whenSynced: () => whenSynced(synced.provider) };
  }, [workshopId, identity.token]);
  const [projectorLink, setProjectorLink] = useState(() => loadProjectorLink(workshopId));
  const onProjectorLink = useCallback(
    (path: string) => {
      rememberProjectorLink(workshopId, path);
      setProjectorLink(path);
    },
    [workshopId],
  );
  const consoleEnv = useMemo<ConsoleEnv | null>(
    () =>
      session && workshopDoc
        ? {
            workshopId,
            identity,
            info,
            sessionDoc: session.doc,
            workshopDoc: workshopDoc.doc,
            clock,
            openDoc,
            projectorLink,
            onProjectorLink,
          }
        : null,
    [workshopId, identity, info, session, workshopDoc, clock, openDoc, projectorLink, onProjectorLink],
  );
  // The map under the console reads the session too (locks, timer, rule); the facilitator has no drafts.
  const sessionEnv = useMemo<SessionEnv>(
    () => ({ sessionDoc: session?.doc ?? null, workshopDoc: workshopDoc?.doc ?? null, drafts: null, clock }),
    [session, workshopDoc, clock],
  );
  if (!env || !consoleEnv) return <Loading />;
  // A facilitator whose token no longer works: forget it; the facilitator page asks for the whole link.
  const rejoin = () => {
    forgetIdentity(workshopId);
    navigate(`/w/${workshopId}/facilitator`);
  };
  return (
    <MapEnvContext.Provider value={env}>
      <MeContext.Provider value={me}>
        <PartnersContext.Provider value={partners}>
          <SessionEnvContext.Provider value={sessionEnv}>
            <ConsoleEnvContext.Provider value={consoleEnv}>
              <Console onRejoin={rejoin} />
            </ConsoleEnvContext.Provider>
          </SessionEnvContext.Provider>
        </PartnersContext.Provider>
      </MeContext.Provider>
    </MapEnvContext.Provider>
  );
}
