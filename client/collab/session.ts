import type { WorkshopId } from '../../shared/ids.js';
import { JOINT_MAP, type DocName, type PresenceState } from '../../shared/protocol.js';
import { buildMapEnv, destroyMapEnv, type MapEnv } from './mapEnv.js';
import { openSyncedDoc } from './syncedDoc.js';

export interface MapSession {
  env: MapEnv;
  destroy(): void;
}

/**
 * A map-shaped document (the joint map, a partner map, or my private drafts) with everything the
 * map UI needs. Presence is set before connecting so the first awareness message says who we are.
 */
export function openDocEnv(workshopId: WorkshopId, docName: DocName, token: string, user: PresenceState['user']): MapSession {
  const synced = openSyncedDoc(workshopId, docName, token, { user, editing: null } satisfies PresenceState);
  const env: MapEnv = { ...buildMapEnv(synced.doc, synced.awareness, synced.connection, synced.notices), docName };
  return {
    env,
    destroy: () =>
      destroyMapEnv(env, () => {
        synced.connection.destroy();
        synced.provider.destroy();
      }),
  };
}

/** The joint map by default; a partners-first workshop opens `map:<partner>` in its first stage. */
export function openMapSession(
  workshopId: WorkshopId,
  token: string,
  user: PresenceState['user'],
  docName: DocName = JOINT_MAP,
): MapSession {
  return openDocEnv(workshopId, docName, token, user);
}
