import { useEffect, useMemo, useReducer, useState } from 'react';
import type { DocName } from '../../../shared/protocol.js';
import { MapReadModel, type MapSnapshot } from '../../../shared/readModel.js';
import type { OpenedDoc } from '../facilitator/consoleEnv.js';

/** Opens one workshop document read-side (the console's `openDoc`, the projector's, or a test's plain Y.Docs). */
export type OpenDoc = (name: DocName) => OpenedDoc;

interface Entry {
  opened: OpenedDoc;
  model: MapReadModel;
  users: number;
}

/**
 * Map documents shared by everything on one page that reads them: the comparison, the progress per
 * partner and the projector each ask for the partner maps, and get one connection per map between
 * them (the server limits connections per person). A document closes when its last reader lets go.
 */
export class DocPool {
  private readonly entries = new Map<DocName, Entry>();

  constructor(private readonly open: OpenDoc) {}

  acquire(name: DocName): { model: MapReadModel; release: () => void } {
    let entry = this.entries.get(name);
    if (!entry) {
      const opened = this.open(name);
      entry = { opened, model: new MapReadModel(opened.doc), users: 0 };
      this.entries.set(name, entry);
    }
    const held = entry;
    held.users++;
    let released = false;
    return {
      model: held.model,
      release: () => {
        if (released) return;
        released = true;
        held.users--;
        if (held.users > 0) return;
        this.entries.delete(name);
        held.model.destroy();
        held.opened.destroy();
      },
    };
  }

  /** Names open right now (for tests). */
  openNames(): DocName[] {
    return [...this.entries.keys()];
  }
}

const pools = new WeakMap<OpenDoc, DocPool>();

/** One pool per opener: give the same (memoised) opener to share connections. */
export function poolFor(open: OpenDoc): DocPool {
  let pool = pools.get(open);
  if (!pool) {
    pool = new DocPool(open);
    pools.set(open, pool);
  }
  return pool;
}

const NO_MODELS: ReadonlyMap<DocName, MapReadModel> = new Map();

/**
 * Live snapshots of several map documents while mounted (read-only: nothing here writes). A map
 * still loading reads as empty.
 */
export function useMapSnapshots(open: OpenDoc | null, names: readonly DocName[]): ReadonlyMap<DocName, MapSnapshot> {
  const key = names.join('|');
  const [models, setModels] = useState<ReadonlyMap<DocName, MapReadModel>>(NO_MODELS);
  useEffect(() => {
    if (!open || !key) return;
    const pool = poolFor(open);
    const held = key.split('|').map((name) => [name as DocName, pool.acquire(name as DocName)] as const);
    setModels(new Map(held.map(([name, h]) => [name, h.model])));
    return () => {
      setModels(NO_MODELS);
      held.forEach(([, h]) => h.release());
    };
  }, [open, key]);
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const offs = [...models.values()].map((m) => m.subscribe(bump));
    // Anything that arrived between the first read and the subscription.
    bump();
    return () => offs.forEach((off) => off());
  }, [models]);
  return useMemo(
    () => new Map([...models].map(([name, m]) => [name, m.getSnapshot()])),
    // `version` changes whenever one of the maps does.
    [models, version],
  );
}
