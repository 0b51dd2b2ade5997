import type { AwarenessEntry } from './decodeFrame.js';

/**
 * Presence a connection publishes is about the person of its token, whatever the client says (T8):
 * the server writes id, name, partner, partner name and role from the participant record over what
 * the client sent, so nobody can appear as someone else. What the client chooses (colour, the card
 * being edited, an editor's cursor) stays, within the size limit.
 */
export interface PresenceIdentity {
  id: string;
  name: string;
  partner: string;
  partnerName: string;
  role: string;
}

const COLOR = /^#[0-9a-fA-F]{3,8}$/;

export function stampPresence(state: unknown, who: PresenceIdentity): unknown {
  if (state === null) return null;
  if (typeof state !== 'object' || Array.isArray(state)) return null;
  const given = state as Record<string, unknown>;
  const user =
    typeof given.user === 'object' && given.user !== null && !Array.isArray(given.user)
      ? (given.user as Record<string, unknown>)
      : {};
  const color = typeof user.color === 'string' && COLOR.test(user.color) ? user.color : '#777777';
  const editing = typeof given.editing === 'string' && given.editing.length <= 64 ? given.editing : null;
  return {
    ...given,
    user: { color, id: who.id, name: who.name, partner: who.partner, partnerName: who.partnerName, role: who.role },
    editing,
  };
}

/** Byte size of one entry's state as it travels (JSON). */
export function presenceBytes(entry: AwarenessEntry): number {
  return entry.state === null ? 0 : Buffer.byteLength(JSON.stringify(entry.state));
}
