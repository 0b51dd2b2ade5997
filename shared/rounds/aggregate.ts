import type * as Y from 'yjs';
import { readMyScores, readMyVotes, spent } from './privateInputs.js';
import {
  getRoundRecords,
  readRequest,
  getRequests,
  readRound,
  SCORE_THRESHOLD,
  type PartnerScore,
  type RoundRecord,
  type ScoreResult,
  type VoteResult,
} from './rounds.js';
import type { Origin } from '../origins.js';
import { readCurrentMeetingId } from '../trajectory.js';

/** One participant's private document, as the server reads it to aggregate. */
export interface PrivateSource {
  partner: string;
  doc: Y.Doc;
}

/** [Q4] The totals per card of a vote round; individual votes are not kept in the result. */
export function tallyVotes(roundId: string, sources: readonly PrivateSource[]): VoteResult {
  const totals: Record<string, number> = {};
  let voters = 0;
  for (const { doc } of sources) {
    const mine = readMyVotes(doc, roundId);
    if (spent(mine) === 0) continue;
    voters++;
    for (const [card, n] of Object.entries(mine)) totals[card] = (totals[card] ?? 0) + n;
  }
  return { kind: 'votes', totals, voters };
}

const average = (xs: readonly number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;

/**
 * [Y3] The aggregate of a check-in or check-out: averages per partner only for partners with at least
 * SCORE_THRESHOLD answers, the overall averages and the words only from SCORE_THRESHOLD answers in all;
 * below that only how many answered. Words are sorted, so their order tells nothing about who.
 */
export function aggregateScores(roundId: string, sources: readonly PrivateSource[]): ScoreResult {
  const all: { partner: string; klik: number; taak: number; word: string }[] = [];
  for (const { doc, partner } of sources) {
    const s = readMyScores(doc, roundId);
    if (s) all.push({ partner, ...s });
  }
  const enough = all.length >= SCORE_THRESHOLD;
  const byPartner = new Map<string, typeof all>();
  for (const a of all) byPartner.set(a.partner, [...(byPartner.get(a.partner) ?? []), a]);
  const perPartner: Record<string, PartnerScore> = {};
  for (const [partner, list] of byPartner) {
    if (!partner || list.length < SCORE_THRESHOLD) continue;
    perPartner[partner] = {
      answered: list.length,
      klik: average(list.map((a) => a.klik)),
      taak: average(list.map((a) => a.taak)),
    };
  }
  return {
    kind: 'scores',
    answered: all.length,
    overall: enough ? { klik: average(all.map((a) => a.klik)), taak: average(all.map((a) => a.taak)) } : null,
    perPartner,
    words: enough
      ? all
          .map((a) => a.word)
          .filter((w) => w !== '')
          .sort((a, b) => a.localeCompare(b))
      : [],
  };
}

/** A record as stored: its id is the key. */
function stored(record: RoundRecord): Omit<RoundRecord, 'id'> {
  const { id: _key, ...rest } = record;
  return rest;
}

/**
 * The server's bookkeeping of the session's rounds, run after every change of the requests (and once
 * when the session is loaded): a new request becomes an open round with its settings frozen at `now`
 * ([Q1], [Y1]); a request to close an open round closes it with the aggregate of `sources` ([Q4], [Y3]).
 * A closed round is never opened again ([Q6]). Returns the ids of the rounds it closed.
 */
export function settleRounds(
  sessionDoc: Y.Doc,
  now: number,
  sources: () => readonly PrivateSource[],
  origin: Origin,
): string[] {
  const closed: string[] = [];
  const records = getRoundRecords(sessionDoc);
  // [Y6] A round belongs to the meeting going on when it opened, so a line over the trajectory can
  // place it; the server reads it here, once, and nobody can move the round afterwards.
  const meeting = readCurrentMeetingId(sessionDoc);
  sessionDoc.transact(() => {
    getRequests(sessionDoc).forEach((value, id) => {
      const request = readRequest(value);
      if (!request) return;
      let record: RoundRecord | null = readRound(sessionDoc, id);
      if (!record) {
        if (request.kind === 'votes' && (request.column === '' || request.budget < 1)) return;
        record = {
          id,
          kind: request.kind,
          column: request.kind === 'votes' && request.column !== '' ? request.column : null,
          budget: request.kind === 'votes' ? request.budget : 0,
          per: request.per,
          ownCards: request.ownCards,
          openedAt: now,
          closedAt: null,
          result: null,
          ...(meeting ? { meeting } : {}),
        };
        records.set(id, stored(record));
      }
      if (request.closed && record.closedAt === null) {
        const result = record.kind === 'votes' ? tallyVotes(id, sources()) : aggregateScores(id, sources());
        records.set(id, stored({ ...record, closedAt: now, result }));
        closed.push(id);
      }
    });
  }, origin);
  return closed;
}
