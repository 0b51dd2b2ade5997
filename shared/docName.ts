import type { ParticipantId, PartnerId } from './ids.js';

/**
 * The documents of one workshop, by name. Each is its own y-websocket room `<workshopId>/<name>`.
 * The text form (`map:joint`, `map:<partnerId>`, `drafts:<participantId>`, `workshop`, `session`) is
 * what travels in URLs, room names, SQLite rows and backups; everything that decides something about
 * a document parses it once into `DocName` and switches on `kind`, instead of testing prefixes.
 */
export type DocName =
  | { readonly kind: 'map'; readonly map: 'joint' | PartnerId }
  | { readonly kind: 'workshop' }
  | { readonly kind: 'session' }
  | { readonly kind: 'drafts'; readonly participant: ParticipantId }
  /** One participant's private inputs (votes, check-in scores), readable by nobody else (ADR 0025). */
  | { readonly kind: 'private'; readonly participant: ParticipantId };

export type DocKind = DocName['kind'];
export type MapDocName = Extract<DocName, { kind: 'map' }>;
export type DraftsDocName = Extract<DocName, { kind: 'drafts' }>;
export type PrivateDocName = Extract<DocName, { kind: 'private' }>;

/** The text form of a document name. */
export type DocNameString = 'workshop' | 'session' | `map:${string}` | `drafts:${string}` | `private:${string}`;

export const DOC_KINDS: readonly DocKind[] = ['map', 'workshop', 'session', 'drafts', 'private'];

/**
 * Kinds whose documents leave the server in a backup. Private inputs never do: a backup is the
 * facilitator's file, and only aggregates may reach the facilitator (ADR 0025).
 */
export const BACKED_UP_KINDS: readonly DocKind[] = DOC_KINDS.filter((k) => k !== 'private');

/** Partner ids are slugs (partners.ts `partnerIdFrom`); participant ids are random base-36 (ids.ts). */
const MAP_PART = /^[a-z0-9-]{1,40}$/;
const PARTICIPANT_PART = /^[a-z0-9]{1,40}$/;

export const JOINT_MAP_DOC: MapDocName = Object.freeze({ kind: 'map', map: 'joint' });

export function mapDoc(map: 'joint' | PartnerId): MapDocName {
  return { kind: 'map', map };
}

export function draftsDoc(participant: ParticipantId): DraftsDocName {
  return { kind: 'drafts', participant };
}

export function privateDoc(participant: ParticipantId): PrivateDocName {
  return { kind: 'private', participant };
}

/** The parsed name, or null for anything that is not a document of a workshop. */
export function parseDocName(s: string): DocName | null {
  if (s === 'workshop' || s === 'session') return { kind: s };
  const colon = s.indexOf(':');
  if (colon < 0) return null;
  const prefix = s.slice(0, colon);
  const rest = s.slice(colon + 1);
  if (prefix === 'map' && MAP_PART.test(rest)) return { kind: 'map', map: rest as 'joint' | PartnerId };
  if (prefix === 'drafts' && PARTICIPANT_PART.test(rest)) return { kind: 'drafts', participant: rest as ParticipantId };
  if (prefix === 'private' && PARTICIPANT_PART.test(rest))
    return { kind: 'private', participant: rest as ParticipantId };
  return null;
}

export function formatDocName(d: DocName): DocNameString {
  switch (d.kind) {
    case 'map':
      return `map:${d.map}`;
    case 'drafts':
      return `drafts:${d.participant}`;
    case 'private':
      return `private:${d.participant}`;
    default:
      return d.kind;
  }
}

/** A partner's own map (not the joint map). */
export function isPartnerMap(d: DocName): d is { kind: 'map'; map: PartnerId } {
  return d.kind === 'map' && d.map !== 'joint';
}

/** The partner whose own map this is, or null for every other document. */
export function partnerOfMap(d: DocName): PartnerId | null {
  return isPartnerMap(d) ? d.map : null;
}

/** Documents that hold cards (the card table applies to them): maps and drafts. */
export function holdsCards(d: DocName): d is MapDocName | DraftsDocName {
  return d.kind === 'map' || d.kind === 'drafts';
}

/** The text form of the joint map (the client's default document). */
export const JOINT_MAP = 'map:joint' satisfies DocNameString as DocNameString;

/** The text form of a partner's own map. */
export function partnerMapName(partner: PartnerId): DocNameString {
  return formatDocName(mapDoc(partner));
}

/** The text form of a participant's drafts document. */
export function draftsName(participant: ParticipantId): DocNameString {
  return formatDocName(draftsDoc(participant));
}

/** The text form of a participant's private inputs document. */
export function privateName(participant: ParticipantId): DocNameString {
  return formatDocName(privateDoc(participant));
}
