import type { WorkshopId } from '../../shared/ids.js';
import type { AccessRole } from '../../shared/roles.js';

/** Who I am in one workshop; kept per workshop so one browser can take part in several. */
export interface Identity {
  participantId: string;
  token: string;
  name: string;
  partner: string;
  role: string;
  access: AccessRole;
}

export const identityKey = (workshopId: WorkshopId) => `pkl.identity.${workshopId}`;

function isIdentity(value: unknown): value is Identity {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.participantId === 'string' &&
    typeof v.token === 'string' &&
    v.token.length > 0 &&
    typeof v.name === 'string' &&
    typeof v.partner === 'string' &&
    typeof v.role === 'string' &&
    (v.access === 'facilitator' || v.access === 'participant' || v.access === 'projector')
  );
}

export function loadIdentity(workshopId: WorkshopId): Identity | null {
  try {
    const raw = localStorage.getItem(identityKey(workshopId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return isIdentity(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveIdentity(workshopId: WorkshopId, identity: Identity): void {
  localStorage.setItem(identityKey(workshopId), JSON.stringify(identity));
}

export function forgetIdentity(workshopId: WorkshopId): void {
  localStorage.removeItem(identityKey(workshopId));
}
