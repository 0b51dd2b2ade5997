import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { WorkshopId } from '../../shared/ids.js';
import { JOINT_MAP, type DocName, type PresenceState } from '../../shared/protocol.js';
import type { MapSnapshot } from '../../shared/readModel.js';
import type { ConnectionView } from './connectionState.js';
import type { MapEnv } from './mapEnv.js';
import type { Person } from './presence.js';
import { openDocEnv } from './session.js';
import type { UndoState, UndoView } from './undo.js';

export const MapEnvContext = createContext<MapEnv | null>(null);

export function useMapEnv(): MapEnv {
  const env = useContext(MapEnvContext);
  if (!env) throw new Error('useMapEnv outside MapEnvContext');
  return env;
}

export function useMapSnapshot(): MapSnapshot {
  const { readModel } = useMapEnv();
  return useSyncExternalStore(readModel.subscribe, readModel.getSnapshot);
}

export function usePresence(): readonly Person[] {
  const { presence } = useMapEnv();
  return useSyncExternalStore(presence.subscribe, presence.getSnapshot);
}

export function useConnection(): ConnectionView {
  const { connection } = useMapEnv();
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot);
}

export function useUndoState(): UndoView {
  const { undoState } = useMapEnv();
  return useSyncExternalStore(undoState.subscribe, undoState.getSnapshot);
}

const NO_UNDO: UndoView = Object.freeze({ canUndo: false, canRedo: false, top: null });
const noopSubscribe = () => () => {};

/** The undo state of any env (e.g. my private drafts), or nothing when there is none. */
export function useUndoStateOf(undoState: UndoState | null | undefined): UndoView {
  return useSyncExternalStore(undoState?.subscribe ?? noopSubscribe, undoState?.getSnapshot ?? (() => NO_UNDO));
}

const EMPTY_SNAPSHOT: MapSnapshot = Object.freeze({
  columns: Object.freeze({ values: [], relations: [], actions: [], conditions: [], steps: [] }),
  cardCount: 0,
});

/** The read model of any env (e.g. my private drafts); an empty map when there is none. */
export function useSnapshotOf(env: MapEnv | null | undefined): MapSnapshot {
  const readModel = env?.readModel;
  return useSyncExternalStore(readModel?.subscribe ?? noopSubscribe, readModel?.getSnapshot ?? (() => EMPTY_SNAPSHOT));
}

/**
 * Opens the map session for as long as the component is mounted. Created in an effect (not during
 * render) so StrictMode's double mount creates and destroys a real pair instead of leaking one.
 * `docName`: the joint map by default, or a partner map (`map:<partner>`); null opens nothing.
 */
export function useMapSession(
  workshopId: WorkshopId,
  token: string,
  user: PresenceState['user'],
  docName: DocName | null = JOINT_MAP,
): MapEnv | null {
  return useDocEnv(workshopId, docName, token, user);
}

/** Any map-shaped document (a map, or my drafts) as a MapEnv while mounted; null docName opens nothing. */
export function useDocEnv(
  workshopId: WorkshopId,
  docName: DocName | null,
  token: string,
  user: PresenceState['user'],
): MapEnv | null {
  const [env, setEnv] = useState<MapEnv | null>(null);
  const userKey = JSON.stringify(user);
  useEffect(() => {
    if (!docName) return;
    const session = openDocEnv(workshopId, docName, token, JSON.parse(userKey) as PresenceState['user']);
    setEnv(session.env);
    return () => {
      setEnv(null);
      session.destroy();
    };
  }, [workshopId, docName, token, userKey]);
  return env;
}
