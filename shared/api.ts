import type { ParticipantId, WorkshopId } from './ids.js';
import type { Partner } from './partners.js';
import type { Flow } from './permissions.js';
import type { AccessRole } from './roles.js';
import type { FieldError } from './validation.js';

/** JSON shapes of the HTTP API. */
export interface CreateWorkshopResponse {
  id: WorkshopId;
  participantPath: string;
  facilitatorPath: string;
  facilitatorToken: string;
  /** Read-only link for the projector (token in the fragment). */
  projectorPath: string;
  /** Short code to type at /join when a link or QR code is not handy. */
  joinCode: string;
}

export interface WorkshopInfo {
  id: WorkshopId;
  title: string;
  createdAt: number;
  partners: Partner[];
  joinCode: string;
  flow: Flow;
}

/** GET /api/join/<code> */
export interface JoinCodeResponse {
  id: WorkshopId;
}

/** GET /api/time: the server clock, so every screen counts the timer down alike. */
export interface TimeResponse {
  now: number;
}

/** A saved version of one map document (made at every step change, by hand, or before a restore). */
export interface VersionInfo {
  id: number;
  doc: string;
  kind: 'step' | 'manual' | 'before-restore' | 'meeting';
  /**
   * For kind 'step': the step(s) that became active; for 'manual': the facilitator's name for it; for
   * 'meeting': the number of the meeting that began, then a space and its goal [J2].
   */
  label: string;
  createdAt: number;
  cardCount: number;
}

export interface VersionListResponse {
  versions: VersionInfo[];
}

export interface RestoreResponse {
  /** The version saved just before the restore: restoring it undoes the restore. */
  backup: VersionInfo;
}

export interface JoinResponse {
  participantId: ParticipantId;
  token: string;
}

export interface WhoAmIResponse {
  participantId: ParticipantId;
  name: string;
  partner: string;
  role: string;
  access: AccessRole;
}

export interface ApiError {
  error: string;
  message: string;
  fields?: FieldError[];
}

export const participantPath = (id: WorkshopId) => `/w/${id}`;
export const mapPath = (id: WorkshopId) => `/w/${id}/map`;
/** The token sits in the fragment so it never reaches a server log or a Referer header. */
export const facilitatorPath = (id: WorkshopId, token: string) => `/w/${id}/facilitator#${token}`;
export const projectorPath = (id: WorkshopId, token: string) => `/w/${id}/projector#${token}`;

/** Join codes avoid look-alike characters (0/O, 1/I/L) so they can be read off a projector. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
