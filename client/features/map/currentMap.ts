import { useSyncExternalStore } from 'react';
import type { MapSnapshot } from '../../../shared/readModel.js';
import type { ConnectionView } from '../../collab/connectionState.js';
import type { Person } from '../../collab/presence.js';
import type { UndoView } from '../../collab/undo.js';
import { useWorkshop } from '../../workshop/hooks.js';
import type { MapEnv } from '../../workshop/mapEnv.js';
import { useMapUi } from './uiStore.js';

/**
 * The map this view shows (its name is in the view's UI store; MapView holds it open and renders its
 * content only once it is open). Follows the fresh copy after a refused write.
 */
export function useMapEnv(): MapEnv {
  const workshop = useWorkshop();
  const name = useMapUi((s) => s.map);
  const env = useSyncExternalStore(workshop.subscribe, () => workshop.get(name)?.map ?? null);
  if (!env) throw new Error(`map ${name} is not open`);
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
