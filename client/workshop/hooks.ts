import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { readWorkshopSettings, type WorkshopSettings } from '../../shared/workshopSettings.js';
import type * as Y from 'yjs';
import type { WorkshopInfo } from '../../shared/api.js';
import type { Partner } from '../../shared/partners.js';
import type { DocName } from '../../shared/protocol.js';
import { readProjectorShows, SHOWS_MAP, type ProjectorShows } from '../../shared/projectorShows.js';
import type { MapSnapshot } from '../../shared/readModel.js';
import { DEFAULT_SESSION, readSession, type SessionState } from '../../shared/session.js';
import { readParticipants, type ParticipantEntry } from '../../shared/workshopDoc.js';
import type { UndoView } from '../collab/undo.js';
import type { MapEnv } from './mapEnv.js';
import type { Me } from './me.js';
import type { Clock, OpenDoc, Workshop, WorkshopNotice } from './Workshop.js';

/** The one React context of a workshop page: the workshop object (docs/decisions/0009). */
export const WorkshopContext = createContext<Workshop | null>(null);

export function useWorkshop(): Workshop {
  const workshop = useContext(WorkshopContext);
  if (!workshop) throw new Error('useWorkshop outside WorkshopContext');
  return workshop;
}

/** One frozen empty value per kind, so an unopened document never makes a fresh snapshot per render. */
export const EMPTY = Object.freeze({
  snapshot: Object.freeze({
    columns: Object.freeze({ values: [], relations: [], actions: [], conditions: [], steps: [] }),
    cardCount: 0,
  }) as MapSnapshot,
  participants: Object.freeze([]) as unknown as ParticipantEntry[],
  undo: Object.freeze({ canUndo: false, canRedo: false, top: null }) as UndoView,
  snapshots: new Map() as ReadonlyMap<DocName, MapSnapshot>,
});

const noopSubscribe = () => () => {};

/**
 * Holds `name` open while mounted (null: nothing) and returns it once open; follows the fresh copy
 * after a refused write. `presence`: others see me in it (working maps).
 */
export function useDoc(name: DocName | null, options: { presence?: boolean } = {}): OpenDoc | null {
  const workshop = useWorkshop();
  const presence = !!options.presence;
  useEffect(() => (name ? workshop.hold(name, { presence }) : undefined), [workshop, name, presence]);
  return useSyncExternalStore(workshop.subscribe, () => (name ? (workshop.get(name) ?? null) : null));
}

/** A map to work in (with my presence): the joint map, a partner map, my drafts. Null until open. */
export function useMap(name: DocName | null): MapEnv | null {
  return useDoc(name, { presence: true })?.map ?? null;
}

/** My private drafts (participants, while writing alone first); null for everyone else. */
export function useDrafts(): MapEnv | null {
  return useMap(useWorkshop().draftsName);
}

/** A cached value read from a document (`read` must be a stable function); `fallback` until open. */
export function useDocValue<T>(name: DocName | null, read: (doc: Y.Doc) => T, fallback: T): T {
  const open = useDoc(name);
  const store = useMemo(() => open?.store(read) ?? null, [open, read]);
  return useSyncExternalStore(store?.subscribe ?? noopSubscribe, store ? store.getSnapshot : () => fallback);
}

/** The session state (steps, locks, timer, focus…); the unguided default until the session is open. */
export function useSession(): SessionState {
  return useDocValue('session', readSession, DEFAULT_SESSION);
}

/** [Y9] What the projector shows in the map's place (a result, the review, the line, or the map). */
export function useProjectorShows(): ProjectorShows {
  return useDocValue('session', readProjectorShows, SHOWS_MAP);
}

const NO_SETTINGS: WorkshopSettings = Object.freeze({ cardTextMax: null, draftsReadable: true });

/** The facilitator's workshop settings for authorship and private writing ([H4], [H6]). */
export function useWorkshopSettings(): WorkshopSettings {
  return useDocValue('session', readWorkshopSettings, NO_SETTINGS);
}

/** The session document itself, for the facilitator's writes; null until open. */
export function useSessionDoc(): Y.Doc | null {
  return useDoc('session')?.doc ?? null;
}

/** The `workshop` document (who joined); null until open. */
export function useWorkshopDoc(): Y.Doc | null {
  return useDoc('workshop')?.doc ?? null;
}

/** Everyone who joined (the `workshop` document), in joining order. */
export function useParticipants(): ParticipantEntry[] {
  return useDocValue('workshop', readParticipants, EMPTY.participants);
}

/** How long a screen waits for the session document before it shows anyway (the server still guards). */
export const SESSION_WAIT_MS = 4000;

/** The session document has synced once (or we stopped waiting): before that a participant would briefly see every column open. */
export function useSessionReady(): boolean {
  const session = useDoc('session');
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!session || ready) return;
    if (session.isSynced()) return setReady(true);
    let live = true;
    void session.whenSynced().then(() => live && setReady(true));
    const timer = setTimeout(() => setReady(true), SESSION_WAIT_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [session, ready]);
  return ready;
}

/** The live snapshot of a map read side by side (no presence): empty until open. */
export function useMapSnapshot(name: DocName | null): MapSnapshot {
  return useSnapshotOf(useDoc(name)?.map);
}

/** The read model's snapshot of an open map env; the shared empty snapshot when there is none. */
export function useSnapshotOf(env: MapEnv | null | undefined): MapSnapshot {
  const model = env?.readModel;
  return useSyncExternalStore(model?.subscribe ?? noopSubscribe, model ? model.getSnapshot : () => EMPTY.snapshot);
}

export function useUndoStateOf(env: MapEnv | null | undefined): UndoView {
  const u = env?.undoState;
  return useSyncExternalStore(u?.subscribe ?? noopSubscribe, u ? u.getSnapshot : () => EMPTY.undo);
}

/**
 * Live snapshots of several maps while mounted (read-only, no presence), by name. A map still
 * loading is absent; one connection per map however many screens read it.
 */
export function useMapSnapshots(names: readonly DocName[]): ReadonlyMap<DocName, MapSnapshot> {
  const workshop = useWorkshop();
  const key = names.join('|');
  useEffect(() => {
    if (!key) return;
    const releases = key.split('|').map((name) => workshop.hold(name as DocName));
    return () => releases.forEach((release) => release());
  }, [workshop, key]);
  const [store] = useState(() => new SnapshotsStore());
  const subscribe = useMemo(() => store.subscribeTo(workshop, key), [store, workshop, key]);
  return useSyncExternalStore(subscribe, () => store.read(workshop, key));
}

/** Caches the combined snapshot of several maps, so useSyncExternalStore sees a stable value. */
class SnapshotsStore {
  private last: { key: string; parts: (MapSnapshot | undefined)[]; value: ReadonlyMap<DocName, MapSnapshot> } | null =
    null;

  subscribeTo(workshop: Workshop, key: string) {
    return (listener: () => void) => {
      let offs: (() => void)[] = [];
      const resubscribe = () => {
        offs.forEach((off) => off());
        offs = key
          ? key.split('|').flatMap((name) => {
              const model = workshop.get(name as DocName)?.map?.readModel;
              return model ? [model.subscribe(listener)] : [];
            })
          : [];
      };
      resubscribe();
      const stop = workshop.subscribe(() => {
        resubscribe();
        listener();
      });
      return () => {
        stop();
        offs.forEach((off) => off());
      };
    };
  }

  read(workshop: Workshop, key: string): ReadonlyMap<DocName, MapSnapshot> {
    if (!key) return EMPTY.snapshots;
    const names = key.split('|') as DocName[];
    const parts = names.map((name) => workshop.get(name)?.map?.readModel.getSnapshot());
    const last = this.last;
    if (last && last.key === key && last.parts.every((p, i) => p === parts[i])) return last.value;
    const value = new Map(names.flatMap((name, i) => (parts[i] ? [[name, parts[i]] as const] : [])));
    this.last = { key, parts, value };
    return value;
  }
}

export function useMe(): Me {
  return useWorkshop().me;
}

export function usePartners(): ReadonlyMap<string, Partner> {
  return useWorkshop().partners;
}

export function useInfo(): WorkshopInfo {
  return useWorkshop().info;
}

export function useClock(): Clock {
  return useWorkshop().clock;
}

/** Calls `listener` with every notice of this page's documents while mounted (`listener` stable or memoised). */
export function useNotices(listener: (notice: WorkshopNotice) => void): void {
  const workshop = useWorkshop();
  useEffect(() => workshop.onNotice(listener), [workshop, listener]);
}
