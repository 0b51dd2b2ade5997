import type { ParticipantId, WorkshopId } from './ids.js';
import type { Partner } from './partners.js';
import type { AccessRole } from './roles.js';
import type { FieldError } from './validation.js';

/** JSON shapes of the HTTP API. */
export interface CreateWorkshopResponse {
  id: WorkshopId;
  participantPath: string;
  facilitatorPath: string;
  facilitatorToken: string;
}

export interface WorkshopInfo {
  id: WorkshopId;
  title: string;
  createdAt: number;
  partners: Partner[];
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
