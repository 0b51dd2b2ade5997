import type * as Y from 'yjs';
import type { Origin } from './origins.js';
import type { AccessRole } from './roles.js';

/**
 * The `workshop` document: who has joined. Written by the server (origin SERVER) when someone joins or
 * is removed; the facilitator's console and the "write for someone else" picker read it live.
 */
export const PARTICIPANTS_KEY = 'participants';

export interface ParticipantEntry {
  id: string;
  name: string;
  partner: string;
  role: string;
  access: AccessRole;
  joinedAt: number;
  removed: boolean;
  /** Present without a device ([H5]): added by someone else, has no link, can be credited. */
  noDevice?: boolean;
}

export function getParticipantsMap(doc: Y.Doc): Y.Map<ParticipantEntry> {
  return doc.getMap<ParticipantEntry>(PARTICIPANTS_KEY);
}

export function upsertParticipant(doc: Y.Doc, entry: ParticipantEntry, origin: Origin): void {
  doc.transact(() => getParticipantsMap(doc).set(entry.id, entry), origin);
}

export function markParticipantRemoved(doc: Y.Doc, id: string, origin: Origin): boolean {
  const m = getParticipantsMap(doc);
  const entry = m.get(id);
  if (!entry) return false;
  doc.transact(() => m.set(id, { ...entry, removed: true }), origin);
  return true;
}

/** Everyone who joined, in joining order; removed people last. */
export function readParticipants(doc: Y.Doc): ParticipantEntry[] {
  return [...getParticipantsMap(doc).values()]
    .filter((p) => typeof p === 'object' && p !== null && typeof p.id === 'string')
    .sort((a, b) => Number(a.removed) - Number(b.removed) || a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1));
}
