import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { participantPath, type WorkshopInfo } from '../../../shared/api.js';
import type { WorkshopId } from '../../../shared/ids.js';
import { forgetIdentity, type Identity } from '../../app/identity.js';
import { Loading } from '../../app/Loading.js';
import { navigate } from '../../app/router.js';
import { MapEnvContext } from '../../collab/hooks.js';
import { SessionEnvContext, useLiveSessionEnv, type SessionEnv } from '../../collab/sessionEnv.js';
import { useSessionState } from '../../collab/useSyncedDoc.js';
import { makeMe, MeContext, PartnersContext, type Me } from '../map/me.js';
import { MapView } from '../map/MapView.js';
import { useCompareIO, useWorkingMap, type CompareIO } from './io.js';
import { MixedSession } from './MixedSession.js';
import { workingMapFor } from './model.js';

interface Props {
  workshopId: WorkshopId;
  info: WorkshopInfo;
  identity: Identity;
}

/** The map page of a partners-first workshop, live: opens the session and then the right map. */
export function PartnersFirstMap({ workshopId, info, identity }: Props) {
  const me = useMemo(() => makeMe(identity, info.partners), [identity, info.partners]);
  const sessionEnv = useLiveSessionEnv(workshopId, identity, me.user);
  const io = useCompareIO(workshopId, identity.token);
  const rejoin = () => {
    forgetIdentity(workshopId);
    navigate(participantPath(workshopId));
  };
  return <PartnersFirstView workshopId={workshopId} info={info} me={me} sessionEnv={sessionEnv} io={io} onRejoin={rejoin} />;
}

/**
 * What a person works in, by stage: in the homogeneous stage a participant's own partner map (the
 * server refuses every other map), with "Kaart van <partner> — ingevuld door <partner>" as its title;
 * in the mixed (heterogeneous) stage the joint map with the comparison of the partner maps beside it.
 * The map opens only once the session document is known, so nobody opens a map they may not read.
 */
export function PartnersFirstView({
  workshopId,
  info,
  me,
  sessionEnv,
  io,
  onRejoin,
}: {
  workshopId: WorkshopId;
  info: WorkshopInfo;
  me: Me;
  sessionEnv: SessionEnv;
  io: CompareIO;
  onRejoin: () => void;
}) {
  const { t } = useTranslation();
  const session = useSessionState(sessionEnv.sessionDoc);
  const ready = sessionEnv.ready !== false;
  const ownPartner = me.access === 'participant' ? me.partner : '';
  const docName = ready ? workingMapFor(info.flow, session.stage, ownPartner) : null;
  const env = useWorkingMap(io, docName, me.user);
  const partners = useMemo(() => new Map(info.partners.map((p) => [p.id as string, p])), [info.partners]);
  if (!env || !docName) return <Loading />;
  const partnerName = partners.get(ownPartner)?.name ?? ownPartner;
  const mixed = info.flow === 'partners-first' && session.stage === 'heterogeneous';
  let content;
  if (docName !== 'map:joint') {
    content = <MapView workshopId={workshopId} title={t('compare.partnerMapTitle', { partner: partnerName })} onRejoin={onRejoin} />;
  } else if (mixed) {
    content = (
      <MixedSession jointEnv={env} openDoc={io.openDoc}>
        <MapView workshopId={workshopId} title={t('compare.jointMapTitle', { title: info.title })} onRejoin={onRejoin} />
      </MixedSession>
    );
  } else {
    content = <MapView workshopId={workshopId} title={info.title} onRejoin={onRejoin} />;
  }
  return (
    <MapEnvContext.Provider value={env}>
      <SessionEnvContext.Provider value={sessionEnv}>
        <MeContext.Provider value={me}>
          <PartnersContext.Provider value={partners}>
            <div className="partners-first" data-testid="compare.page" data-stage={session.stage} data-doc={docName}>
              {content}
            </div>
          </PartnersContext.Provider>
        </MeContext.Provider>
      </SessionEnvContext.Provider>
    </MapEnvContext.Provider>
  );
}
