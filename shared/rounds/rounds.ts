import type * as Y from 'yjs';
import type { ValueSpec } from '../card/fields.js';
import { COLUMN_IDS, isColumnId, type ColumnId } from '../columns.js';
import { randomId } from '../ids.js';
import type { Origin } from '../origins.js';
import { readProjectorShows } from '../projectorShows.js';

/**
 * Rounds of private input (ADR 0025): a vote with a budget on one column ([Q1]–[Q7]) and a check-in
 * or check-out with two scores ([Y1]–[Y5]). Two roots of the `session` document hold them:
 * - `roundRequests`: the facilitator's wishes (open a round with these settings, close it). Only the
 *   facilitator writes the session document ([G3]).
 * - `rounds`: what holds, written by the server only ([M14] server roots): the settings as they were
 *   when the round opened (later edits of the request change nothing), the time it opened and closed,
 *   and, once closed, the aggregate. A round is open while its record has no `closedAt`; a record that
 *   is closed stays closed, whatever the request says afterwards ([Q6]).
 * The individual inputs live in each participant's own `private:<participantId>` document
 * (privateInputs.ts), which nobody else can open.
 */
export const ROUND_REQUESTS_KEY = 'roundRequests';
export const ROUNDS_KEY = 'rounds';

export const ROUND_KINDS = ['votes', 'checkin', 'checkout'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];
export const BUDGET_PER = ['person', 'partner'] as const;
export type BudgetPer = (typeof BUDGET_PER)[number];

export const BUDGET_MAX = 50;
/** A score is a whole number from 1 to 10 ([Y2]). */
export const SCORE_MIN = 1;
export const SCORE_MAX = 10;
export const SCORE_WORD_MAX = 40;
/** Aggregates per partner (and the words) only from this many answers on ([Y3]). */
export const SCORE_THRESHOLD = 3;

export interface RoundRequest {
  kind: RoundKind;
  /** Votes: the column voted on ('' for check-in/out). */
  column: ColumnId | '';
  budget: number;
  per: BudgetPer;
  /** Votes: whether one may vote on one's own cards ([Q3]). */
  ownCards: boolean;
  closed: boolean;
}

/** Checked by the server's schema check before anything is applied (docSchema.ts). */
export const ROUND_REQUEST_SPEC: ValueSpec = {
  type: 'object',
  fields: {
    kind: { type: 'string', max: 8, oneOf: ROUND_KINDS },
    column: { type: 'string', max: 10, oneOf: ['', ...COLUMN_IDS] },
    budget: { type: 'number', min: 0, max: BUDGET_MAX },
    per: { type: 'string', max: 7, oneOf: BUDGET_PER },
    ownCards: { type: 'boolean' },
    closed: { type: 'boolean' },
  },
};

export interface VoteResult {
  kind: 'votes';
  /** Votes per card id (cards without votes are left out). */
  totals: Record<string, number>;
  /** How many people voted. */
  voters: number;
}

export interface PartnerScore {
  answered: number;
  klik: number;
  taak: number;
}

export interface ScoreResult {
  kind: 'scores';
  answered: number;
  /** Averages over everyone, only from SCORE_THRESHOLD answers on ([Y3]). */
  overall: { klik: number; taak: number } | null;
  /** Per partner id, only partners with at least SCORE_THRESHOLD answers. */
  perPartner: Record<string, PartnerScore>;
  /** The optional words, sorted (never in answer order), only from SCORE_THRESHOLD answers on. */
  words: string[];
}

export interface RoundRecord {
  id: string;
  kind: RoundKind;
  column: ColumnId | null;
  budget: number;
  per: BudgetPer;
  ownCards: boolean;
  openedAt: number;
  closedAt: number | null;
  result: VoteResult | ScoreResult | null;
  /** The meeting of the trajectory going on when the round opened ([J1]); absent when none was. */
  meeting?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const num = (v: unknown, fallback = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

export function readRequest(value: unknown): RoundRequest | null {
  if (!isRecord(value) || !(ROUND_KINDS as readonly unknown[]).includes(value.kind)) return null;
  return {
    kind: value.kind as RoundKind,
    column: isColumnId(value.column) ? value.column : '',
    budget: Math.max(0, Math.min(BUDGET_MAX, Math.floor(num(value.budget)))),
    per: value.per === 'partner' ? 'partner' : 'person',
    ownCards: value.ownCards !== false,
    closed: value.closed === true,
  };
}

function readCounts(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!isRecord(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'number' && v > 0) out[k] = v;
  return out;
}

function readResult(value: unknown): VoteResult | ScoreResult | null {
  if (!isRecord(value)) return null;
  if (value.kind === 'votes') return { kind: 'votes', totals: readCounts(value.totals), voters: num(value.voters) };
  if (value.kind !== 'scores') return null;
  const overall = isRecord(value.overall) ? { klik: num(value.overall.klik), taak: num(value.overall.taak) } : null;
  const perPartner: Record<string, PartnerScore> = {};
  if (isRecord(value.perPartner))
    for (const [id, p] of Object.entries(value.perPartner))
      if (isRecord(p)) perPartner[id] = { answered: num(p.answered), klik: num(p.klik), taak: num(p.taak) };
  const words = Array.isArray(value.words) ? value.words.filter((w): w is string => typeof w === 'string') : [];
  return { kind: 'scores', answered: num(value.answered), overall, perPartner, words };
}

function readRecord(id: string, value: unknown): RoundRecord | null {
  if (!isRecord(value) || !(ROUND_KINDS as readonly unknown[]).includes(value.kind)) return null;
  return {
    id,
    kind: value.kind as RoundKind,
    column: isColumnId(value.column) ? value.column : null,
    budget: num(value.budget),
    per: value.per === 'partner' ? 'partner' : 'person',
    ownCards: value.ownCards !== false,
    openedAt: num(value.openedAt),
    closedAt: typeof value.closedAt === 'number' ? value.closedAt : null,
    result: readResult(value.result),
    ...(typeof value.meeting === 'string' && value.meeting ? { meeting: value.meeting } : {}),
  };
}

export const getRequests = (sessionDoc: Y.Doc): Y.Map<unknown> => sessionDoc.getMap(ROUND_REQUESTS_KEY);
export const getRoundRecords = (sessionDoc: Y.Doc): Y.Map<unknown> => sessionDoc.getMap(ROUNDS_KEY);

/** Every round the server opened, oldest first (ties by id). */
export function readRounds(sessionDoc: Y.Doc): RoundRecord[] {
  const out: RoundRecord[] = [];
  getRoundRecords(sessionDoc).forEach((value, id) => {
    const r = readRecord(id, value);
    if (r) out.push(r);
  });
  return out.sort((a, b) => a.openedAt - b.openedAt || (a.id < b.id ? -1 : 1));
}

export function readRound(sessionDoc: Y.Doc, id: string): RoundRecord | null {
  return readRecord(id, getRoundRecords(sessionDoc).get(id));
}

/** The open round of a family (votes, or check-in/out), newest first; null when none is open. */
export function openRound(rounds: readonly RoundRecord[], family: 'votes' | 'scores'): RoundRecord | null {
  for (let i = rounds.length - 1; i >= 0; i--) {
    const r = rounds[i];
    if (r.closedAt === null && (family === 'votes') === (r.kind === 'votes')) return r;
  }
  return null;
}

/** The newest closed vote round on a column (for "sorteer op stemmen", [Q5]). */
export function lastVoteResult(rounds: readonly RoundRecord[], column: ColumnId): VoteResult | null {
  for (let i = rounds.length - 1; i >= 0; i--) {
    const r = rounds[i];
    if (r.kind === 'votes' && r.column === column && r.result?.kind === 'votes') return r.result;
  }
  return null;
}

/* ---- The facilitator's writes (session document) ---- */

export type VoteSettings = { column: ColumnId; budget: number; per: BudgetPer; ownCards: boolean };

/** Ask the server to open a vote round ([Q1]); returns its id. */
export function requestVoteRound(sessionDoc: Y.Doc, settings: VoteSettings, origin: Origin): string {
  const id = randomId(12);
  const budget = Math.max(1, Math.min(BUDGET_MAX, Math.floor(settings.budget)));
  const request: RoundRequest = { kind: 'votes', ...settings, budget, closed: false };
  sessionDoc.transact(() => getRequests(sessionDoc).set(id, request), origin);
  return id;
}

/** Ask the server to open a check-in or check-out ([Y1]); returns its id. */
export function requestScoreRound(sessionDoc: Y.Doc, kind: 'checkin' | 'checkout', origin: Origin): string {
  const id = randomId(12);
  const request: RoundRequest = { kind, column: '', budget: 0, per: 'person', ownCards: true, closed: false };
  sessionDoc.transact(() => getRequests(sessionDoc).set(id, request), origin);
  return id;
}

/** Ask the server to close a round: it then aggregates and writes the result ([Q4], [Y3]). */
export function requestClose(sessionDoc: Y.Doc, id: string, origin: Origin): void {
  const request = readRequest(getRequests(sessionDoc).get(id));
  if (!request || request.closed) return;
  sessionDoc.transact(() => getRequests(sessionDoc).set(id, { ...request, closed: true }), origin);
}

/** The closed round whose result the projector shows ([Q5], [Y4], [Y9]); null when it shows something else. */
export function readShownRound(sessionDoc: Y.Doc): RoundRecord | null {
  const shows = readProjectorShows(sessionDoc);
  if (shows.kind !== 'round') return null;
  const round = readRound(sessionDoc, shows.roundId);
  return round?.result ? round : null;
}
