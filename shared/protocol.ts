/**
 * The wire protocol, defined once for client and server.
 * The sync endpoint speaks the standard y-websocket protocol: every binary frame starts with a
 * varUint message type (0 sync, 1 awareness, 3 query-awareness); sync messages carry the y-protocols
 * sub-type (0 step 1, 1 step 2, 2 update). The upstream `y-websocket` provider connects unchanged.
 *
 * URL: ws(s)://<host>/sync/<workshopId>/<docName>?token=<token>
 * (provider: `new WebsocketProvider(origin + '/sync', workshopId + '/' + docName, doc, { params: { token } })`).
 */
import type { WorkshopId } from './ids.js';
import {
  formatDocName,
  JOINT_MAP,
  parseDocName,
  partnerMapName,
  type DocName as ParsedDocName,
  type DocNameString,
} from './docName.js';

export const SYNC_PATH = '/sync';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;
/**
 * Our one addition: a server-to-client notice (message type 7), defined in notices.ts with its codec.
 * The upstream provider ignores unknown message types; our client registers a handler.
 */
export { MESSAGE_NOTICE, type Notice } from './notices.js';

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/**
 * Websocket close codes (4000–4999 is the range for applications). The client reads these to decide
 * whether to retry and what to tell the user.
 */
export const CloseCode = {
  /** The frame could not be decoded, or the Yjs update inside it is malformed. */
  MALFORMED: 4400,
  /** Missing, wrong or revoked token. Do not retry with the same token. */
  UNAUTHORIZED: 4401,
  /** The token is valid but may not write (or read) this document. */
  FORBIDDEN: 4403,
  /** No such workshop or document. */
  NOT_FOUND: 4404,
  /** A frame or the initial state is larger than the server accepts. Do not retry blindly. */
  TOO_LARGE: 4413,
  /** Too many messages or connections; retry after a pause. */
  SLOW_DOWN: 4429,
  /** The server is shutting down; retry. */
  GOING_AWAY: 1001,
  /** Something broke on the server while handling this connection; retry. */
  SERVER_ERROR: 4500,
  /**
   * In a cluster, another server holds this workshop (its lease, [Z2]); retry: the load balancer sends
   * the retry to the owner, or the owner hands the workshop over first ([Z3]).
   */
  ELSEWHERE: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Whether the client should keep reconnecting after the server closed with this code. */
export function isRetryableClose(code: number): boolean {
  return !(
    code === CloseCode.UNAUTHORIZED ||
    code === CloseCode.FORBIDDEN ||
    code === CloseCode.NOT_FOUND ||
    code === CloseCode.TOO_LARGE ||
    code === CloseCode.MALFORMED
  );
}

/** @deprecated use DocNameString (text form) or DocName (parsed) from docName.ts */
export type DocName = DocNameString;

/** @deprecated import JOINT_MAP / partnerMapName from docName.ts */
export { JOINT_MAP, partnerMapName };

const WORKSHOP_ID = /^[a-z0-9]{20,40}$/;

export function isWorkshopId(value: string): value is WorkshopId {
  return WORKSHOP_ID.test(value);
}

/** The room of a document: `<workshopId>/<docName>`; either form of the name is accepted. */
export function roomName(workshop: WorkshopId | string, doc: ParsedDocName | DocNameString): string {
  return `${workshop}/${typeof doc === 'string' ? doc : formatDocName(doc)}`;
}

/** Parse `<workshopId>/<docName>`; null when it is not a valid room name. */
export function parseRoomName(room: string): { workshop: WorkshopId; doc: ParsedDocName } | null {
  const slash = room.indexOf('/');
  if (slash < 0) return null;
  const workshop = room.slice(0, slash);
  const doc = parseDocName(room.slice(slash + 1));
  if (!isWorkshopId(workshop) || !doc) return null;
  return { workshop, doc };
}

/** The awareness state every client publishes (presence scope: synced, never stored). */
export interface PresenceState {
  /** `id` is the participant id, so the console can match presence to the people list exactly. */
  user: { id?: string; name: string; color: string; partner: string; partnerName: string; role: string };
  /** The card this person is editing, if any. */
  editing: string | null;
}
