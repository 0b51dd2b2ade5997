/** The roles a person can have in a workshop; shown on the join page and to the facilitator. */
export const PARTICIPANT_ROLES = ['professional', 'volunteer', 'citizen', 'manager', 'other'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export function isParticipantRole(value: unknown): value is ParticipantRole {
  return typeof value === 'string' && (PARTICIPANT_ROLES as readonly string[]).includes(value);
}

/** What a connection may do; derived from its token on the server. */
export type AccessRole = 'facilitator' | 'participant' | 'projector';
