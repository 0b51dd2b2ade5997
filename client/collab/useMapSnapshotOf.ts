import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { MapReadModel, type MapSnapshot } from '../../shared/readModel.js';

// Read before the model exists: one shared empty snapshot, not a fresh one per render.
const EMPTY = new MapReadModel(new Y.Doc());

/** The live, cached snapshot of any map document (for views that have a doc but no MapEnv). */
export function useMapSnapshotOf(doc: Y.Doc): MapSnapshot {
  const [model, setModel] = useState<MapReadModel | null>(null);
  useEffect(() => {
    const m = new MapReadModel(doc);
    setModel(m);
    return () => {
      setModel(null);
      m.destroy();
    };
  }, [doc]);
  const subscribe = useMemo(() => model?.subscribe ?? (() => () => {}), [model]);
  return useSyncExternalStore(subscribe, () => (model ?? EMPTY).getSnapshot());
}
