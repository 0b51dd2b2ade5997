import type { WorkshopId } from '../../shared/ids.js';
import type { AccessRole } from '../../shared/roles.js';
import { clearOfflineCopies } from '../collab/offlineCopies.js';

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

/**
 * The projector keeps its own identity, apart from the person's: the projector window usually runs in
 * the facilitator's own browser, and must not replace the facilitator's identity there.
 */
export const projectorIdentityKey = (workshopId: WorkshopId) => `pkl.projector.${workshopId}`;

export function loadProjectorIdentity(workshopId: WorkshopId): Identity | null {
  try {
    const raw = localStorage.getItem(projectorIdentityKey(workshopId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return isIdentity(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveProjectorIdentity(workshopId: WorkshopId, identity: Identity): void {
  localStorage.setItem(projectorIdentityKey(workshopId), JSON.stringify(identity));
}

/**
 * The projector link is only handed out when the workshop is made; this browser remembers it for the
 * facilitator's console (it is read-only, so keeping it is no risk to the workshop).
 */
export const projectorLinkKey = (workshopId: WorkshopId) => `pkl.projectorLink.${workshopId}`;

export function rememberProjectorLink(workshopId: WorkshopId, path: string): void {
  try {
    localStorage.setItem(projectorLinkKey(workshopId), path);
  } catch {
    // Not remembering only means the console cannot show the link; the start page still does.
  }
}

export function loadProjectorLink(workshopId: WorkshopId): string | null {
  try {
    const value = localStorage.getItem(projectorLinkKey(workshopId));
    return value?.startsWith(`/w/${workshopId}/projector#`) ? value : null;
  } catch {
    return null;
  }
}

/** After a workshop is deleted: forget everything this browser kept for it (identities and links). */
export function forgetWorkshop(workshopId: WorkshopId): void {
  // The offline copies of its documents too (asynchronous; nothing waits for it).
  void clearOfflineCopies(workshopId).catch(() => {});
  for (const key of [identityKey(workshopId), projectorIdentityKey(workshopId), projectorLinkKey(workshopId)]) {
    try {
      localStorage.removeItem(key);
    } catch {
      // Storage blocked: there is nothing we could have kept either.
    }
  }
}
