import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { participantPath, type WorkshopInfo } from '../../../shared/api.js';
import type { WorkshopId } from '../../../shared/ids.js';
import { JOINT_MAP } from '../../../shared/protocol.js';
import { forgetIdentity, loadIdentity, type Identity } from '../../lib/identity.js';
import { navigate } from '../../lib/router.js';
import { Link } from '../../ui/Link.js';
import { Loading } from '../../ui/Loading.js';
import { NotFound } from '../../ui/NotFound.js';
import { PageShell } from '../../ui/PageShell.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { useWorkshopInfo } from '../../lib/useWorkshopInfo.js';
import { useDoc, useMap, WorkshopContext } from '../../workshop/hooks.js';
import { useLiveWorkshop } from '../../workshop/useLiveWorkshop.js';
import { Console } from './Console.js';

/** /w/<id>/console: only for a browser that holds the facilitator's identity for this workshop. */
export function ConsolePage({ workshopId }: { workshopId: WorkshopId }) {
  const { t } = useTranslation();
  const identity = useMemo(() => loadIdentity(workshopId), [workshopId]);
  const workshop = useWorkshopInfo(workshopId);
  useDocumentTitle(t('console.pageTitle'));

  if (identity?.access !== 'facilitator') return <NoAccess workshopId={workshopId} identity={identity} />;
  if (workshop.status === 'notFound') return <NotFound what="workshop" />;
  if (workshop.status === 'ok')
    return <ConnectedConsole workshopId={workshopId} info={workshop.info} identity={identity} />;
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

function ConnectedConsole({
  workshopId,
  info,
  identity,
}: {
  workshopId: WorkshopId;
  info: WorkshopInfo;
  identity: Identity;
}) {
  const workshop = useLiveWorkshop(info, identity);
  if (!workshop) return <Loading />;
  // A facilitator whose token no longer works: forget it; the facilitator page asks for the whole link.
  const rejoin = () => {
    forgetIdentity(workshopId);
    navigate(`/w/${workshopId}/facilitator`);
  };
  return (
    <WorkshopContext.Provider value={workshop}>
      <ConsoleWhenOpen onRejoin={rejoin} />
    </WorkshopContext.Provider>
  );
}

/**
 * The console once its documents are open: `session` and `workshop` for the panels, and the joint
 * map with my presence for the whole visit (participants see the facilitator on the joint map).
 */
export function ConsoleWhenOpen({ onRejoin }: { onRejoin: () => void }) {
  const session = useDoc('session');
  const workshopDoc = useDoc('workshop');
  const joint = useMap(JOINT_MAP);
  if (!session || !workshopDoc || !joint) return <Loading />;
  return <Console onRejoin={onRejoin} />;
}
