import { useMemo } from 'react';
import type { Partner } from '../../../shared/partners.js';
import type { ParticipantEntry } from '../../../shared/workshopDoc.js';
import { usePresence } from '../../collab/hooks.js';
import type { Person } from '../../collab/presence.js';

/**
 * Whether someone who joined is on the map right now. Presence carries name, partner and role but no
 * participant id, so those three are matched (two people with the same name in the same partner and
 * role count as one).
 */
export function isPresent(entry: ParticipantEntry, people: readonly Person[]): boolean {
  return people.some((p) => !p.isSelf && p.name === entry.name && p.partner === entry.partner && p.role === entry.role);
}

/** People who joined as participants (not the facilitator, not the projector) and were not removed. */
export function activeParticipants(all: readonly ParticipantEntry[]): ParticipantEntry[] {
  return all.filter((p) => p.access === 'participant' && !p.removed);
}

/** Grouped by partner in the workshop's partner order, joining order within a partner. */
export function groupedByPartner(people: readonly ParticipantEntry[], partners: readonly Partner[]): ParticipantEntry[] {
  const rank = new Map(partners.map((p, i) => [p.id as string, i]));
  return people
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (rank.get(a.p.partner) ?? 999) - (rank.get(b.p.partner) ?? 999) || a.i - b.i)
    .map(({ p }) => p);
}

/** The ids of participants present now, from the map's presence. */
export function usePresentIds(participants: readonly ParticipantEntry[]): ReadonlySet<string> {
  const people = usePresence();
  return useMemo(() => new Set(participants.filter((p) => isPresent(p, people)).map((p) => p.id)), [participants, people]);
}
