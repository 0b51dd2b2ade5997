import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { participantPath, type WorkshopInfo } from '../../../shared/api.js';
import type { WorkshopId } from '../../../shared/ids.js';
import { JOINT_MAP, type DocName } from '../../../shared/protocol.js';
import { api } from '../../app/api.js';
import { loadProjectorIdentity, saveProjectorIdentity, type Identity } from '../../app/identity.js';
import { Loading } from '../../app/Loading.js';
import { NotFound } from '../../app/NotFound.js';
import { PageShell } from '../../app/PageShell.js';
import { navigate, projectorViewPath, JOIN_CODE_ROUTE } from '../../app/router.js';
import { useNow, useServerClock, type Clock } from '../../app/serverClock.js';
import { useDocumentTitle } from '../../app/useDocumentTitle.js';
import { useWorkshopInfo } from '../../app/useWorkshopInfo.js';
import type { ConnectionSource } from '../../collab/connectionState.js';
import { openSyncedDoc } from '../../collab/syncedDoc.js';
import { useParticipants, useSessionState } from '../../collab/useSyncedDoc.js';
import { ProjectorStage } from '../compare/ProjectorStage.js';
import type { OpenedDoc } from '../facilitator/consoleEnv.js';
import { ProjectorView } from './ProjectorView.js';
import '../../styles/console.css';
import '../../styles/projector.css';
import { useMapSnapshotOf } from '../../collab/useMapSnapshotOf.js';

type EntryState = 'checking' | 'ready' | 'noToken' | 'invalid' | 'notFound' | 'error';

/**
 * /w/<id>/projector#<token>: trades the read-only projector token for a projector identity (kept apart
 * from a person's identity in this browser), drops the token from the address bar, then shows the screen.
 */
export function ProjectorPage({ workshopId, openDoc }: { workshopId: WorkshopId; openDoc?: (name: DocName) => OpenedDoc }) {
  const { t } = useTranslation();
  useDocumentTitle(t('projector.pageTitle'));
  const [state, setState] = useState<EntryState>('checking');
  const [identity, setIdentity] = useState<Identity | null>(null);
  useEffect(() => {
    const token = decodeURIComponent(window.location.hash.replace(/^#/, ''));
    if (!token) {
      const stored = loadProjectorIdentity(workshopId);
      setIdentity(stored);
      setState(stored ? 'ready' : 'noToken');
      return;
    }
    let live = true;
    void api.whoAmI(workshopId, token).then((r) => {
      if (!live) return;
      if (r.kind === 'ok') {
        const me = r.value;
        const id: Identity = { participantId: me.participantId, token, name: me.name, partner: me.partner, role: me.role, access: me.access };
        saveProjectorIdentity(workshopId, id);
        navigate(projectorViewPath(workshopId), { replace: true });
        setIdentity(id);
        setState('ready');
      } else if (r.kind === 'notFound') setState('notFound');
      else if (r.kind === 'unauthorized') setState('invalid');
      else setState('error');
    });
    return () => {
      live = false;
    };
  }, [workshopId]);

  if (state === 'notFound') return <NotFound what="workshop" />;
  if (state === 'ready' && identity) return <ProjectorScreen workshopId={workshopId} token={identity.token} openDoc={openDoc} />;
  return (
    <PageShell>
      <h1>{t('projector.pageTitle')}</h1>
      {state === 'checking' ? (
        <Loading />
      ) : (
        <p className="form-error" role="alert" data-testid="projector.error">
          {t(state === 'error' ? 'errors.network' : `projector.${state}`)}
        </p>
      )}
    </PageShell>
  );
}

const defaultOpen = (workshopId: WorkshopId, token: string) => (name: DocName) => openSyncedDoc(workshopId, name, token);

/** Opens `session`, `workshop` and `map:joint` (nothing else), read-only, without presence. */
export function ProjectorScreen({
  workshopId,
  token,
  openDoc,
  clock: givenClock,
}: {
  workshopId: WorkshopId;
  token: string;
  openDoc?: (name: DocName) => OpenedDoc;
  clock?: Clock;
}) {
  const { t } = useTranslation();
  const workshop = useWorkshopInfo(workshopId);
  const open = useMemo(() => openDoc ?? defaultOpen(workshopId, token), [openDoc, workshopId, token]);
  const [docs, setDocs] = useState<{ session: Y.Doc; workshop: Y.Doc; map: Y.Doc; connection: ConnectionSource | null } | null>(null);
  useEffect(() => {
    const opened = (['session', 'workshop', JOINT_MAP] as const).map((name) => open(name));
    // A synced doc carries its connection; the map's stands for all three (same server, same socket path).
    const connection = (opened[2] as { connection?: ConnectionSource }).connection ?? null;
    setDocs({ session: opened[0].doc, workshop: opened[1].doc, map: opened[2].doc, connection });
    return () => {
      setDocs(null);
      opened.forEach((o) => o.destroy());
    };
  }, [open]);
  const serverClock = useServerClock();
  const clock = givenClock ?? serverClock;

  if (workshop.status === 'notFound') return <NotFound what="workshop" />;
  if (workshop.status === 'error')
    return (
      <PageShell>
        <div className="panel" role="alert">
          <p>{t('map.loadFailed')}</p>
          <button type="button" className="button" onClick={workshop.retry}>
            {t('map.retry')}
          </button>
        </div>
      </PageShell>
    );
  if (workshop.status !== 'ok' || !docs) return <Loading />;
  // Partners first, mixed session: a column in focus shows the comparison of the partner maps.
  return (
    <ProjectorStage info={workshop.info} docs={docs} open={open} clock={clock}>
      <LiveProjector info={workshop.info} docs={docs} clock={clock} />
    </ProjectorStage>
  );
}

function LiveProjector({ info, docs, clock }: { info: WorkshopInfo; docs: { session: Y.Doc; workshop: Y.Doc; map: Y.Doc; connection: ConnectionSource | null }; clock: Clock }) {
  const session = useSessionState(docs.session);
  const participants = useParticipants(docs.workshop);
  const map = useMapSnapshotOf(docs.map);
  const now = useNow(clock, !!session.timer && session.timer.endsAt !== null);
  const origin = window.location.origin;
  return (
    <ProjectorView
      info={info}
      session={session}
      map={map}
      participants={participants}
      now={now}
      participantUrl={origin + participantPath(info.id)}
      joinUrl={window.location.host + JOIN_CODE_ROUTE}
      connection={docs.connection}
    />
  );
}
