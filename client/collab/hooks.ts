import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { WorkshopId } from '../../shared/ids.js';
import type { PresenceState } from '../../shared/protocol.js';
import type { MapSnapshot } from '../../shared/readModel.js';
import type { ConnectionView } from './connectionState.js';
import type { MapEnv } from './mapEnv.js';
import type { Person } from './presence.js';
import { openMapSession } from './session.js';
import type { UndoView } from './undo.js';

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

/**
 * Opens the map session for as long as the component is mounted. Created in an effect (not during
 * render) so StrictMode's double mount creates and destroys a real pair instead of leaking one.
 */
export function useMapSession(workshopId: WorkshopId, token: string, user: PresenceState['user']): MapEnv | null {
  const [env, setEnv] = useState<MapEnv | null>(null);
  const userKey = JSON.stringify(user);
  useEffect(() => {
    const session = openMapSession(workshopId, token, JSON.parse(userKey) as PresenceState['user']);
    setEnv(session.env);
    return () => {
      setEnv(null);
      session.destroy();
    };
  }, [workshopId, token, userKey]);
  return env;
}
