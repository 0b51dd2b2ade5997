import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import type { WorkshopId } from '../../shared/ids.js';
import type { PresenceState } from '../../shared/protocol.js';
import type { AccessRole } from '../../shared/roles.js';
import { useDocEnv } from './hooks.js';
import { createLocalMapEnv, type MapEnv } from './mapEnv.js';
import { ServerClock } from './serverClock.js';
import type { SyncedDoc } from './syncedDoc.js';
import { useSyncedDoc } from './useSyncedDoc.js';

/** How long the map waits for the session document before it shows anyway (the server still guards). */
const SESSION_WAIT_MS = 4000;

function useSyncedOnce(synced: SyncedDoc | null): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!synced || ready) return;
    if (synced.provider.synced) {
      setReady(true);
      return;
    }
    const done = (isSynced: boolean) => {
      if (isSynced) setReady(true);
    };
    synced.provider.on('sync', done);
    const timer = setTimeout(() => setReady(true), SESSION_WAIT_MS);
    return () => {
      synced.provider.off('sync', done);
      clearTimeout(timer);
    };
  }, [synced, ready]);
  return ready;
}

/**
 * What the map needs besides the map document during a guided session: the `session` document
 * (read-only here: only the facilitator writes it), the `workshop` document (who joined), my private
 * drafts (participants only) and the server clock for the timer. Without it (NO_SESSION) the map is
 * unguided: every column open, no timer, no drafts, as before.
 */
export interface SessionEnv {
  sessionDoc: Y.Doc | null;
  workshopDoc: Y.Doc | null;
  /** My `drafts:<participantId>` document as a map env, or null. */
  drafts: MapEnv | null;
  /** Server time in ms (the timer's `endsAt` is server time); any `{ now() }` will do. */
  clock: SessionClock;
  /**
   * The session document has synced once (or we stopped waiting): before that a participant would
   * briefly see every column open. Absent means ready.
   */
  ready?: boolean;
}

export interface SessionClock {
  now(): number;
}

export const NO_SESSION: SessionEnv = Object.freeze({
  sessionDoc: null,
  workshopDoc: null,
  drafts: null,
  clock: new ServerClock(),
});

export const SessionEnvContext = createContext<SessionEnv>(NO_SESSION);

export function useSessionEnv(): SessionEnv {
  return useContext(SessionEnvContext);
}

/** For tests and embedding: plain Y.Docs, no provider. A drafts doc becomes a local map env. */
export function createLocalSessionEnv(
  options: {
    session?: Y.Doc;
    workshop?: Y.Doc;
    drafts?: Y.Doc | MapEnv;
    draftsUser?: PresenceState['user'];
    clockOffsetMs?: number;
  } = {},
): SessionEnv {
  const drafts =
    options.drafts instanceof Y.Doc ? createLocalMapEnv(options.drafts, options.draftsUser) : (options.drafts ?? null);
  return {
    sessionDoc: options.session ?? null,
    workshopDoc: options.workshop ?? null,
    drafts,
    clock: new ServerClock(options.clockOffsetMs ?? 0),
  };
}

/**
 * The live session env of the map page: opens `session` and `workshop` read-only, my drafts when I am
 * a participant, and measures the server clock once.
 */
export function useLiveSessionEnv(
  workshopId: WorkshopId,
  identity: { participantId: string; token: string; access: AccessRole },
  user: PresenceState['user'],
): SessionEnv {
  const session = useSyncedDoc(workshopId, 'session', identity.token);
  const workshop = useSyncedDoc(workshopId, 'workshop', identity.token);
  const draftsName = identity.access === 'participant' && identity.participantId ? (`drafts:${identity.participantId}` as const) : null;
  const drafts = useDocEnv(workshopId, draftsName, identity.token, user);
  const [clock] = useState(() => new ServerClock());
  useEffect(() => {
    void clock.sync();
  }, [clock]);
  const ready = useSyncedOnce(session);
  return useMemo(
    () => ({ sessionDoc: session?.doc ?? null, workshopDoc: workshop?.doc ?? null, drafts, clock, ready }),
    [session, workshop, drafts, clock, ready],
  );
}
