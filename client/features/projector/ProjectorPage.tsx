import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participantPath, type WorkshopInfo } from '../../../shared/api.js';
import type { WorkshopId } from '../../../shared/ids.js';
import { JOINT_MAP } from '../../../shared/protocol.js';
import { api } from '../../lib/api.js';
import { loadProjectorIdentity, saveProjectorIdentity, type Identity } from '../../lib/identity.js';
import { Loading } from '../../ui/Loading.js';
import { NotFound } from '../../ui/NotFound.js';
import { PageShell } from '../../ui/PageShell.js';
import { navigate, projectorViewPath, JOIN_CODE_ROUTE } from '../../lib/router.js';
import { useNow } from '../../lib/serverClock.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { useWorkshopInfo } from '../../lib/useWorkshopInfo.js';
import {
  useClock,
  useInfo,
  useMap,
  useMapSnapshot,
  useParticipants,
  useProjectorShows,
  useSession,
  WorkshopContext,
} from '../../workshop/hooks.js';
import type { Who } from '../../workshop/me.js';
import { useLiveWorkshop, type WorkshopOverrides } from '../../workshop/useLiveWorkshop.js';
import { ProjectorStage } from '../compare/index.js';
import { ProjectorView } from './ProjectorView.js';
import { fontFloor } from './fit/fitLayout.js';
import '../../styles/console.css';
import '../../styles/projector.css';
import { ProjectorReview, ProjectorScoreLine } from '../trajectory/index.js';
import { ProjectorRound, useShownRound } from '../votes/index.js';

type EntryState = 'checking' | 'ready' | 'noToken' | 'invalid' | 'notFound' | 'error';

/**
 * /w/<id>/projector#<token>: trades the read-only projector token for a projector identity (kept apart
 * from a person's identity in this browser), drops the token from the address bar, then shows the screen.
 */
export function ProjectorPage({ workshopId, connect, clock }: { workshopId: WorkshopId } & WorkshopOverrides) {
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
        const id: Identity = {
          participantId: me.participantId,
          token,
          name: me.name,
          partner: me.partner,
          role: me.role,
          access: me.access,
        };
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
  if (state === 'ready' && identity)
    return <ProjectorScreen workshopId={workshopId} token={identity.token} connect={connect} clock={clock} />;
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

const PROJECTOR: Who = { participantId: '', name: '', partner: '', role: '', access: 'projector' };

/** Reads `session`, `workshop` and `map:joint` (and, comparing, the partner maps), read-only, without presence. */
export function ProjectorScreen({
  workshopId,
  token,
  connect,
  clock,
}: { workshopId: WorkshopId; token: string } & WorkshopOverrides) {
  const { t } = useTranslation();
  const workshop = useWorkshopInfo(workshopId);
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
  if (workshop.status !== 'ok') return <Loading />;
  return <ConnectedProjector info={workshop.info} token={token} connect={connect} clock={clock} />;
}

function ConnectedProjector({
  info,
  token,
  connect,
  clock,
}: { info: WorkshopInfo; token: string } & WorkshopOverrides) {
  const who = useMemo(() => ({ ...PROJECTOR, token }), [token]);
  const workshop = useLiveWorkshop(info, who, { connect, clock });
  if (!workshop) return <Loading />;
  // Partners first, mixed session: a column in focus shows the comparison of the partner maps.
  return (
    <WorkshopContext.Provider value={workshop}>
      <ProjectorStage>
        <LiveProjector />
      </ProjectorStage>
    </WorkshopContext.Provider>
  );
}

function LiveProjector() {
  const info = useInfo();
  const session = useSession();
  const participants = useParticipants();
  const map = useMapSnapshot(JOINT_MAP);
  // The joint map's connection stands for all three documents (same server, same socket path).
  const connection = useMap(JOINT_MAP)?.connection ?? null;
  const now = useNow(useClock(), !!session.timer && session.timer.endsAt !== null);
  const origin = window.location.origin;
  // [Y9] One entry says what takes the map's place: the facilitator's last command. A round is shown
  // only with its result (useShownRound); without one the map stays.
  const shows = useProjectorShows();
  const round = useShownRound();
  const instead =
    shows.kind === 'review' ? (
      <ProjectorReview />
    ) : shows.kind === 'scoreLine' ? (
      <ProjectorScoreLine />
    ) : round ? (
      <ProjectorRound floor={fontFloor(window.innerHeight)} />
    ) : undefined;
  return (
    <ProjectorView
      instead={instead}
      info={info}
      session={session}
      map={map}
      participants={participants}
      now={now}
      participantUrl={origin + participantPath(info.id)}
      joinUrl={window.location.host + JOIN_CODE_ROUTE}
      connection={connection}
    />
  );
}
