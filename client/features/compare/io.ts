import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { WorkshopId } from '../../../shared/ids.js';
import type { DocName, PresenceState } from '../../../shared/protocol.js';
import type { MapEnv } from '../../collab/mapEnv.js';
import { openMapSession, type MapSession } from '../../collab/session.js';
import { openSyncedDoc } from '../../collab/syncedDoc.js';
import type { OpenDoc } from './docPool.js';

/**
 * How the partners-first screens open documents: read-only without presence (partner maps side by
 * side, progress), or as a map to work in (my partner map, the joint map, a partner map in the
 * console). Live it is the server; tests put plain Y.Docs behind it with CompareIOContext.
 */
export interface CompareIO {
  openDoc: OpenDoc;
  openMapEnv: (name: DocName, user: PresenceState['user']) => MapSession;
}

export const CompareIOContext = createContext<CompareIO | null>(null);

/** The injected IO (tests), else the server with this token; `openDoc` reuses an opener the page already has. */
export function useCompareIO(workshopId: WorkshopId, token: string, openDoc?: OpenDoc): CompareIO {
  const injected = useContext(CompareIOContext);
  const live = useMemo<CompareIO>(
    () => ({
      openDoc: openDoc ?? ((name) => openSyncedDoc(workshopId, name, token)),
      openMapEnv: (name, user) => openMapSession(workshopId, token, user, name),
    }),
    [workshopId, token, openDoc],
  );
  return injected ?? live;
}

/** A map to work in, open while mounted (null name: nothing). Like useMapSession, through CompareIO. */
export function useWorkingMap(io: CompareIO, name: DocName | null, user: PresenceState['user']): MapEnv | null {
  const [env, setEnv] = useState<MapEnv | null>(null);
  const userKey = JSON.stringify(user);
  useEffect(() => {
    if (!name) return;
    const session = io.openMapEnv(name, JSON.parse(userKey) as PresenceState['user']);
    setEnv(session.env);
    return () => {
      setEnv(null);
      session.destroy();
    };
  }, [io, name, userKey]);
  // The env of the map asked for, never the one before it while the new one opens.
  return env && (env.docName ?? null) === name ? env : null;
}
