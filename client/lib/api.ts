import type {
  ApiError,
  CreateWorkshopResponse,
  JoinCodeResponse,
  JoinResponse,
  RestoreResponse,
  VersionInfo,
  VersionListResponse,
  WhoAmIResponse,
  WorkshopInfo,
} from '../../shared/api.js';
import type { MapSnapshot } from '../../shared/readModel.js';
import type { WorkshopId } from '../../shared/ids.js';
import { JOINT_MAP } from '../../shared/docName.js';
import type { FieldError } from '../../shared/validation.js';

/**
 * The HTTP API as typed results: callers switch on `kind` instead of catching, so every page
 * has a plain-language answer for "not found", "invalid" and "the network is gone".
 */
export type ApiResult<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'invalid'; fields: FieldError[]; message: string }
  | { kind: 'notFound' }
  | { kind: 'unauthorized' }
  | { kind: 'error'; status: number | null };

async function request<T>(
  path: string,
  init: RequestInit = {},
  read: (r: Response) => Promise<unknown> = readJson,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: {
        Accept: 'application/json',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...init.headers,
      },
    });
  } catch {
    return { kind: 'error', status: null };
  }
  const body: unknown = await (response.ok ? read(response) : readJson(response));
  if (response.ok) return { kind: 'ok', value: body as T };
  if (response.status === 404) return { kind: 'notFound' };
  if (response.status === 401) return { kind: 'unauthorized' };
  if (response.status === 400) {
    const err = (body ?? {}) as Partial<ApiError>;
    return { kind: 'invalid', fields: Array.isArray(err.fields) ? err.fields : [], message: err.message ?? '' };
  }
  return { kind: 'error', status: response.status };
}

const readJson = (r: Response): Promise<unknown> => r.json().catch(() => null);
const readText = (r: Response): Promise<unknown> => r.text().catch(() => '');

const json = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export const api = {
  createWorkshop: (input: { title: string; partners: string[] }) =>
    request<CreateWorkshopResponse>('/api/workshops', json(input)),
  getWorkshop: (id: WorkshopId) => request<WorkshopInfo>(`/api/workshops/${id}`),
  join: (id: WorkshopId, input: { name: string; partner: string; role: string }) =>
    request<JoinResponse>(`/api/workshops/${id}/participants`, json(input)),
  whoAmI: (id: WorkshopId, token: string) =>
    request<WhoAmIResponse>(`/api/workshops/${id}/me`, { headers: { Authorization: `Bearer ${token}` } }),
  demoStatus: () => request<{ available: boolean }>('/api/demo'),
  /** The demo in the language the person chose (the server falls back to Dutch). */
  createDemo: (lang: string) =>
    request<CreateWorkshopResponse>(`/api/demo?lang=${encodeURIComponent(lang)}`, { method: 'POST' }),
  /** The code is sent as typed after normalizing; the server answers 404 for an unknown code. */
  findByJoinCode: (code: string) => request<JoinCodeResponse>(`/api/join/${encodeURIComponent(code)}`),
  removeParticipant: (id: WorkshopId, participantId: string, token: string) =>
    request<null>(`/api/workshops/${id}/participants/${encodeURIComponent(participantId)}`, {
      method: 'DELETE',
      headers: bearer(token),
    }),
  listVersions: (id: WorkshopId, token: string, doc = JOINT_MAP) =>
    request<VersionListResponse>(`/api/workshops/${id}/versions?doc=${encodeURIComponent(doc)}`, {
      headers: bearer(token),
    }),
  getVersion: (id: WorkshopId, token: string, versionId: number) =>
    request<{ version: VersionInfo; map: MapSnapshot }>(`/api/workshops/${id}/versions/${versionId}`, {
      headers: bearer(token),
    }),
  saveVersion: (id: WorkshopId, token: string, label: string, doc = JOINT_MAP) =>
    request<VersionInfo>(`/api/workshops/${id}/versions`, { ...json({ doc, label }), headers: bearer(token) }),
  restoreVersion: (id: WorkshopId, token: string, versionId: number) =>
    request<RestoreResponse>(`/api/workshops/${id}/versions/${versionId}/restore`, {
      method: 'POST',
      headers: bearer(token),
    }),
  /** A new projector link; every earlier projector link stops working. */
  newProjectorLink: (id: WorkshopId, token: string) =>
    request<{ projectorPath: string }>(`/api/workshops/${id}/projector`, { method: 'POST', headers: bearer(token) }),
  /** The whole workshop as the JSON text of a backup file (kept as text: it is saved unchanged). */
  backup: (id: WorkshopId, token: string) =>
    request<string>(`/api/workshops/${id}/backup`, { headers: bearer(token) }, readText),
  /** Import a backup file's JSON text as a new workshop: new links, as if it was just made. */
  importBackup: (fileText: string) =>
    request<CreateWorkshopResponse>('/api/backup', { method: 'POST', body: fileText }),
  /** [H5] Someone at the table without a device; the facilitator or a participant adds them. */
  addWithoutDevice: (id: WorkshopId, token: string, input: { name: string; partner: string; role: string }) =>
    request<{ participantId: string }>(`/api/workshops/${id}/people`, { ...json(input), headers: bearer(token) }),
  /** [H6] How many private drafts each person has waiting (facilitator only). */
  draftCounts: (id: WorkshopId, token: string) =>
    request<{ counts: Record<string, number> }>(`/api/workshops/${id}/drafts`, { headers: bearer(token) }),
  deleteWorkshop: (id: WorkshopId, token: string) =>
    request<null>(`/api/workshops/${id}`, { method: 'DELETE', headers: bearer(token) }),
};
