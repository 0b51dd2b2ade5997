import type * as Y from 'yjs';
import { matchesValue, type ValueSpec } from './card/fields.js';
import type { Origin } from './origins.js';

/**
 * Mandate and sign-off per partner (issue 14, SPEC N1–N4, docs/decisions/0024, 0032). Kept in the joint
 * map document (a mandate stated in the homogeneous stage first in the partner's own map, carried over), beside the cards the convenant is made of, in two roots (listed in docSchema.ts):
 *   mandates: participant id → { kind, date, at }   what a representative may do ("mag besluiten" /
 *             "legt het voor aan de achterban", with the date they do so); name and partner are not
 *             stored: they are the participant's, read from the workshop's people
 *   signoffs: partner id → { status, by, at }       how far the partner is: concept → besproken met
 *             achterban → akkoord, who set it and when
 * Who may write what is the server's rule (server/sync/rules/signoffRule.ts).
 */
export const MANDATES_KEY = 'mandates';
export const SIGNOFFS_KEY = 'signoffs';

export const MANDATE_KINDS = ['decide', 'consult'] as const;
export type MandateKind = (typeof MANDATE_KINDS)[number];
export const SIGNOFF_STATUSES = ['concept', 'discussed', 'agreed'] as const;
export type SignoffStatus = (typeof SIGNOFF_STATUSES)[number];

export interface Mandate {
  kind: MandateKind;
  /** YYYY-MM-DD when they take it to their achterban; '' when they may decide or gave no date. */
  date: string;
  at: number;
}

export interface Signoff {
  status: SignoffStatus;
  /** Participant id of who set it (the facilitator's when they recorded it). */
  by: string;
  at: number;
}

const time: ValueSpec = { type: 'number', min: 0, max: 8.64e15 };
export const MANDATE_SPEC: ValueSpec = {
  type: 'object',
  fields: {
    kind: { type: 'string', max: 7, oneOf: MANDATE_KINDS },
    date: { type: 'string', max: 10, pattern: /^(\d{4}-\d{2}-\d{2})?$/ },
    at: time,
  },
};
export const SIGNOFF_SPEC: ValueSpec = {
  type: 'object',
  fields: {
    status: { type: 'string', max: 9, oneOf: SIGNOFF_STATUSES },
    by: { type: 'string', max: 64 },
    at: time,
  },
};

const rootOf = (doc: Y.Doc, key: string) => doc.getMap<unknown>(key);

function readRoot<T>(doc: Y.Doc, key: string, spec: ValueSpec): Record<string, T> {
  const out: Record<string, T> = {};
  rootOf(doc, key).forEach((value, id) => {
    if (matchesValue(spec, value)) out[id] = value as T;
  });
  return out;
}

/** Every stated mandate, by participant id (entries that do not fit are left out). */
export const readMandates = (doc: Y.Doc): Record<string, Mandate> => readRoot(doc, MANDATES_KEY, MANDATE_SPEC);

/** Every partner's sign-off, by partner id; a partner without an entry is at `concept`. */
export const readSignoffs = (doc: Y.Doc): Record<string, Signoff> => readRoot(doc, SIGNOFFS_KEY, SIGNOFF_SPEC);

export function setMandate(doc: Y.Doc, participantId: string, kind: MandateKind, date: string, origin: Origin): void {
  const value: Mandate = { kind, date: kind === 'consult' ? date : '', at: Date.now() };
  doc.transact(() => rootOf(doc, MANDATES_KEY).set(participantId, value), origin);
}

/**
 * [N4] Partners first: the mandates stated in a partner's own map (the homogeneous stage) join the
 * joint map when the mixed stage opens, so the joint map stays the one place the console and the
 * convenant read. A statement is copied only when it is newer (`at`) than the joint map's entry for
 * that person, so a mandate changed later on the joint map is never overwritten. Returns how many.
 */
export function carryMandates(from: Y.Doc, joint: Y.Doc, origin: Origin): number {
  const there = readMandates(joint);
  const newer = Object.entries(readMandates(from)).filter(([id, m]) => !there[id] || there[id].at < m.at);
  if (newer.length === 0) return 0;
  joint.transact(() => {
    for (const [id, m] of newer) rootOf(joint, MANDATES_KEY).set(id, { kind: m.kind, date: m.date, at: m.at });
  }, origin);
  return newer.length;
}

export function setSignoff(doc: Y.Doc, partner: string, status: SignoffStatus, by: string, origin: Origin): void {
  const value: Signoff = { status, by, at: Date.now() };
  doc.transact(() => rootOf(doc, SIGNOFFS_KEY).set(partner, value), origin);
}

/** One row of the sign-off table (console, convenant): a partner, its representatives' mandates, its status. */
export interface SignoffRow {
  partner: { id: string; name: string };
  people: { name: string; mandate: Mandate | null }[];
  status: SignoffStatus;
  at: number | null;
}

/** The table for the given partners and people (those of a partner who were removed are left out by the caller). */
export function signoffTable(
  partners: readonly { id: string; name: string }[],
  people: readonly { id: string; name: string; partner: string }[],
  mandates: Readonly<Record<string, Mandate>>,
  signoffs: Readonly<Record<string, Signoff>>,
): SignoffRow[] {
  return partners.map((partner) => ({
    partner,
    people: people
      .filter((p) => p.partner === partner.id)
      .map((p) => ({ name: p.name, mandate: mandates[p.id] ?? null })),
    status: signoffs[partner.id]?.status ?? 'concept',
    at: signoffs[partner.id]?.at ?? null,
  }));
}
