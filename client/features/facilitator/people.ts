import { useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { Partner } from '../../../shared/partners.js';
import type { ParticipantEntry } from '../../../shared/workshopDoc.js';
import { JOINT_MAP } from '../../../shared/protocol.js';
import { useDoc } from '../../workshop/hooks.js';

/** What presence says about one other browser on the map, enough to find the person who joined. */
export interface PresenceKey {
  /** The participant id, when that browser's presence carries one. */
  id: string;
  name: string;
  partner: string;
  role: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Other browsers' presence (never my own), read defensively: states come from other browsers. */
export function readPresenceKeys(states: ReadonlyMap<number, unknown>, selfId: number): PresenceKey[] {
  const keys: PresenceKey[] = [];
  for (const [clientId, state] of states) {
    if (clientId === selfId || typeof state !== 'object' || state === null) continue;
    const user = (state as { user?: unknown }).user;
    if (typeof user !== 'object' || user === null) continue;
    const u = user as Record<string, unknown>;
    if (!str(u.name) && !str(u.id)) continue;
    keys.push({ id: str(u.id), name: str(u.name), partner: str(u.partner), role: str(u.role) });
  }
  return keys;
}

/**
 * Whether someone who joined is on the map right now. Presence with a participant id is matched by
 * that id only; presence without one (an older client) by name, partner and role, so two people
 * with the same name in the same partner and role then count as one.
 */
export function isPresent(entry: ParticipantEntry, people: readonly PresenceKey[]): boolean {
  return people.some((p) =>
    p.id ? p.id === entry.id : p.name === entry.name && p.partner === entry.partner && p.role === entry.role,
  );
}

/** People who joined as participants (not the facilitator, not the projector) and were not removed. */
export function activeParticipants(all: readonly ParticipantEntry[]): ParticipantEntry[] {
  return all.filter((p) => p.access === 'participant' && !p.removed);
}

/** Grouped by partner in the workshop's partner order, joining order within a partner. */
export function groupedByPartner(
  people: readonly ParticipantEntry[],
  partners: readonly Partner[],
): ParticipantEntry[] {
  const rank = new Map(partners.map((p, i) => [p.id as string, i]));
  return people
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (rank.get(a.p.partner) ?? 999) - (rank.get(b.p.partner) ?? 999) || a.i - b.i)
    .map(({ p }) => p);
}

/** Cached presence keys per awareness, so a cursor move elsewhere does not re-render the console. */
const stores = new WeakMap<
  Awareness,
  { subscribe: (l: () => void) => () => void; get: () => readonly PresenceKey[] }
>();

function presenceStore(awareness: Awareness) {
  let store = stores.get(awareness);
  if (store) return store;
  let snapshot: readonly PresenceKey[] = [];
  let key = '';
  const get = () => {
    const next = readPresenceKeys(awareness.getStates(), awareness.clientID);
    const nextKey = JSON.stringify(next);
    if (nextKey !== key) {
      key = nextKey;
      snapshot = next;
    }
    return snapshot;
  };
  const subscribe = (listener: () => void) => {
    awareness.on('change', listener);
    return () => awareness.off('change', listener);
  };
  store = { subscribe, get };
  stores.set(awareness, store);
  return store;
}

/** The ids of participants present now, from the joint map's presence (the console holds it open). */
export function usePresentIds(participants: readonly ParticipantEntry[]): ReadonlySet<string> {
  const { awarenessHost } = useDoc(JOINT_MAP)!.map!;
  const store = presenceStore(awarenessHost.awareness);
  const people = useSyncExternalStore(store.subscribe, store.get);
  return useMemo(
    () => new Set(participants.filter((p) => isPresent(p, people)).map((p) => p.id)),
    [participants, people],
  );
}
