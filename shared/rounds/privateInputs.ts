import type * as Y from 'yjs';
import type { ValueSpec } from '../card/fields.js';
import type { ColumnId } from '../columns.js';
import type { Origin } from '../origins.js';
import type { PrivateRefusal } from './refusals.js';
import { BUDGET_MAX, SCORE_MAX, SCORE_MIN, SCORE_WORD_MAX, type RoundRecord } from './rounds.js';

/**
 * The inputs of one participant in their own `private:<participantId>` document (ADR 0025), which
 * only they and the server can open ([Q1]):
 * - `votes`: key `<roundId>/<cardId>`, value the number of votes (a whole number ≥ 1) on that card;
 * - `scores`: key `<roundId>`, value `{ klik, taak, word }` ([Y2]).
 * The server checks every change against the round records of the session document
 * (`checkPrivateChange`) and reverts what breaks a rule; it reads these documents only to aggregate.
 */
export const VOTES_KEY = 'votes';
export const SCORES_KEY = 'scores';
/**
 * Server-only root ([Q8]): key `<roundId>`, value the votes the other people of my partner spent in an
 * open round whose budget is per partner. Only a number, never on which cards: the server keeps it up to
 * date in every colleague's own document (RoundService), so a phone shows what the partner has left.
 */
export const PARTNER_SPENT_KEY = 'partnerSpent';

export const VOTE_COUNT_SPEC: ValueSpec = { type: 'number', min: 1, max: BUDGET_MAX };
export const SCORE_SPEC: ValueSpec = {
  type: 'object',
  fields: {
    klik: { type: 'number', min: SCORE_MIN, max: SCORE_MAX },
    taak: { type: 'number', min: SCORE_MIN, max: SCORE_MAX },
    word: { type: 'string', max: SCORE_WORD_MAX },
  },
};

export interface Scores {
  klik: number;
  taak: number;
  word: string;
}

const voteKey = (roundId: string, cardId: string) => `${roundId}/${cardId}`;

export function parseVoteKey(key: string): { roundId: string; cardId: string } | null {
  const slash = key.indexOf('/');
  if (slash <= 0 || slash === key.length - 1) return null;
  return { roundId: key.slice(0, slash), cardId: key.slice(slash + 1) };
}

export const getVotes = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(VOTES_KEY);
export const getScores = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(SCORES_KEY);

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= BUDGET_MAX;

/** My votes in one round: card id → count. */
export function readMyVotes(doc: Y.Doc, roundId: string): Record<string, number> {
  const out: Record<string, number> = {};
  getVotes(doc).forEach((value, key) => {
    const k = parseVoteKey(key);
    if (k && k.roundId === roundId && isCount(value)) out[k.cardId] = value;
  });
  return out;
}

export const spent = (votes: Record<string, number>) => Object.values(votes).reduce((a, b) => a + b, 0);

/** [Q8] What I spent in every round at once (round id → votes), in one pass over my votes. */
export function spentPerRound(doc: Y.Doc): Map<string, number> {
  const out = new Map<string, number>();
  getVotes(doc).forEach((value, key) => {
    const k = parseVoteKey(key);
    if (k && isCount(value)) out.set(k.roundId, (out.get(k.roundId) ?? 0) + value);
  });
  return out;
}

export const getPartnerSpent = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(PARTNER_SPENT_KEY);

/** [Q8] The votes my colleagues of the same partner spent in a round, as the server last wrote it (0 when none). */
export function readPartnerSpent(doc: Y.Doc, roundId: string): number {
  const v = getPartnerSpent(doc).get(roundId);
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

/** Server only: write what my colleagues spent, when it changed (a write that changes nothing is not sent). */
export function writePartnerSpent(doc: Y.Doc, roundId: string, others: number, origin: Origin): void {
  if (getPartnerSpent(doc).get(roundId) === others) return;
  doc.transact(() => getPartnerSpent(doc).set(roundId, others), origin);
}

/** [Q2], [Q8] Votes left: of my own budget, or of my partner's (my votes and my colleagues' together). */
export function votesLeft(round: RoundRecord, mine: number, partnerOthers: number): number {
  return Math.max(0, round.budget - mine - (round.per === 'partner' ? partnerOthers : 0));
}

/** Set my votes on a card (0 takes them away). The server decides whether it holds ([Q2]). */
export function setVote(doc: Y.Doc, roundId: string, cardId: string, count: number, origin: Origin): void {
  doc.transact(() => {
    if (count <= 0) getVotes(doc).delete(voteKey(roundId, cardId));
    else getVotes(doc).set(voteKey(roundId, cardId), Math.floor(count));
  }, origin);
}

export function isScores(v: unknown): v is Scores {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  const score = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= SCORE_MIN && x <= SCORE_MAX;
  return score(s.klik) && score(s.taak) && typeof s.word === 'string' && s.word.length <= SCORE_WORD_MAX;
}

export function readMyScores(doc: Y.Doc, roundId: string): Scores | null {
  const v = getScores(doc).get(roundId);
  return isScores(v) ? v : null;
}

/** Give (or change) my scores in an open check-in or check-out ([Y2]). */
export function setScores(doc: Y.Doc, roundId: string, scores: Scores, origin: Origin): void {
  const word = scores.word.trim().slice(0, SCORE_WORD_MAX);
  doc.transact(() => getScores(doc).set(roundId, { klik: scores.klik, taak: scores.taak, word }), origin);
}

/** What the server knows when it checks a change (the session's rounds, the joint map's cards). */
export interface PrivateCheckContext {
  participantId: string;
  round(id: string): RoundRecord | null;
  card(id: string): { column: ColumnId; author: string } | null;
  /** Votes the other participants of my partner spent in a round whose budget is per partner ([Q2]). */
  partnerSpentByOthers(roundId: string): number;
}

/**
 * [Q2]–[Q4], [Q6], [Y2]: a change of `doc` (already applied; `voteKeys` and `scoreKeys` are the keys it
 * wrote) holds only when every round it touches is open and of the right kind, every vote is on an
 * existing card of the round's column (not one's own when the round says so), and the votes stay within
 * the budget. Returns the first reason to revert, or null.
 */
export function checkPrivateChange(
  doc: Y.Doc,
  voteKeys: ReadonlySet<string>,
  scoreKeys: ReadonlySet<string>,
  ctx: PrivateCheckContext,
): PrivateRefusal | null {
  const rounds = new Map<string, RoundRecord>();
  for (const key of voteKeys) {
    const k = parseVoteKey(key);
    if (!k) return 'invalid';
    const round = ctx.round(k.roundId);
    if (round?.kind !== 'votes') return 'invalid';
    if (round.closedAt !== null) return 'round-closed';
    rounds.set(round.id, round);
    const value = getVotes(doc).get(key);
    // Taking votes away is always allowed in an open round, also from a card that is gone since.
    if (value === undefined) continue;
    if (!isCount(value)) return 'invalid';
    const card = ctx.card(k.cardId);
    if (!card) return 'unknown-card';
    if (card.column !== round.column) return 'wrong-column';
    if (!round.ownCards && card.author === ctx.participantId) return 'own-card';
  }
  for (const round of rounds.values()) {
    const mine = spent(readMyVotes(doc, round.id));
    const others = round.per === 'partner' ? ctx.partnerSpentByOthers(round.id) : 0;
    if (mine + others > round.budget) return 'over-budget';
  }
  for (const key of scoreKeys) {
    const round = ctx.round(key);
    if (!round || round.kind === 'votes') return 'invalid';
    if (round.closedAt !== null) return 'round-closed';
    const value = getScores(doc).get(key);
    if (value !== undefined && !isScores(value)) return 'invalid';
  }
  return null;
}
