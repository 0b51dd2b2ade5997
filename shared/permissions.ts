import type { DocName } from './protocol.js';
import type { AccessRole } from './roles.js';

/** Who is asking: derived from the token on the server, from the stored identity in the client. */
export interface Principal {
  access: AccessRole;
  participantId: string;
  partner: string;
}

/**
 * Document-level permissions (content-level rules such as locked columns come on top of these).
 * The server enforces them; the client uses the same functions to hide what a role cannot do.
 */
export function canReadDoc(who: Principal, doc: DocName): boolean {
  if (doc === 'workshop' || doc === 'session' || doc === 'map:joint') return true;
  if (doc.startsWith('map:')) {
    return who.access !== 'participant' || doc === `map:${who.partner}`;
  }
  if (doc.startsWith('drafts:')) {
    return who.access === 'facilitator' || doc === `drafts:${who.participantId}`;
  }
  return false;
}

export function canWriteDoc(who: Principal, doc: DocName): boolean {
  if (!canReadDoc(who, doc)) return false;
  if (who.access === 'projector') return false;
  if (doc === 'workshop' || doc === 'session') return who.access === 'facilitator';
  if (doc.startsWith('drafts:')) return doc === `drafts:${who.participantId}`;
  return true;
}
