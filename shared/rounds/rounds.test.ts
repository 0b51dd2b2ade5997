import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_USER, SERVER } from '../origins.js';
import { aggregateScores, settleRounds, tallyVotes, type PrivateSource } from './aggregate.js';
import { checkPrivateChange, setScores, setVote, type PrivateCheckContext } from './privateInputs.js';
import { getRequests, readRound, readRounds, requestClose, requestScoreRound, requestVoteRound } from './rounds.js';

function person(partner: string, write: (doc: Y.Doc) => void): PrivateSource {
  const doc = new Y.Doc();
  write(doc);
  return { partner, doc };
}

describe('the server settles the rounds the facilitator asks for', () => {
  it('[Q2][Q6] settings are frozen when the round opens; a closed round keeps its result whatever the request says', () => {
    const session = new Y.Doc();
    const id = requestVoteRound(session, { column: 'values', budget: 3, per: 'person', ownCards: false }, LOCAL_USER);
    settleRounds(session, 100, () => [], SERVER);
    expect(readRound(session, id)).toMatchObject({ budget: 3, openedAt: 100, closedAt: null, result: null });
    // A later edit of the request changes nothing.
    getRequests(session).set(id, { ...(getRequests(session).get(id) as object), budget: 50 });
    settleRounds(session, 110, () => [], SERVER);
    expect(readRound(session, id)?.budget).toBe(3);

    const votes = [
      person('a', (d) => setVote(d, id, 'c1', 2, LOCAL_USER)),
      person('b', (d) => setVote(d, id, 'c1', 1, LOCAL_USER)),
    ];
    requestClose(session, id, LOCAL_USER);
    expect(settleRounds(session, 120, () => votes, SERVER)).toEqual([id]);
    expect(readRound(session, id)).toMatchObject({
      closedAt: 120,
      result: { kind: 'votes', totals: { c1: 3 }, voters: 2 },
    });
    getRequests(session).set(id, { ...(getRequests(session).get(id) as object), closed: false });
    expect(settleRounds(session, 130, () => [], SERVER)).toEqual([]);
    expect(readRound(session, id)).toMatchObject({ closedAt: 120, result: { totals: { c1: 3 } } });
  });

  it('[Y5] check-ins and check-outs are kept in order with their times', () => {
    const session = new Y.Doc();
    const a = requestScoreRound(session, 'checkin', LOCAL_USER);
    settleRounds(session, 1, () => [], SERVER);
    const b = requestScoreRound(session, 'checkout', LOCAL_USER);
    settleRounds(session, 2, () => [], SERVER);
    expect(readRounds(session).map((r) => [r.id, r.kind, r.openedAt])).toEqual([
      [a, 'checkin', 1],
      [b, 'checkout', 2],
    ]);
  });
});

describe('aggregates', () => {
  it('[Q4] a tally keeps only totals per card and the number of voters', () => {
    const result = tallyVotes('r', [
      person('a', (d) => (setVote(d, 'r', 'x', 2, LOCAL_USER), setVote(d, 'other', 'x', 9, LOCAL_USER))),
      person('a', () => {}),
      person('b', (d) => setVote(d, 'r', 'y', 1, LOCAL_USER)),
    ]);
    expect(result).toEqual({ kind: 'votes', totals: { x: 2, y: 1 }, voters: 2 });
  });

  it('[Y3] averages per partner only from three answers; overall and words only from three in all', () => {
    const s = (partner: string, klik: number, taak: number, word = '') =>
      person(partner, (d) => setScores(d, 'c', { klik, taak, word }, LOCAL_USER));
    expect(aggregateScores('c', [s('a', 8, 8, 'zon'), s('b', 2, 2, 'regen')])).toEqual({
      kind: 'scores',
      answered: 2,
      overall: null,
      perPartner: {},
      words: [],
    });
    const r = aggregateScores('c', [s('a', 8, 7, 'zon'), s('a', 6, 6), s('a', 7, 5, 'aarde'), s('b', 1, 2, 'regen')]);
    expect(r.perPartner).toEqual({ a: { answered: 3, klik: 7, taak: 6 } });
    expect(r.overall).toEqual({ klik: 5.5, taak: 5 });
    expect(r.words).toEqual(['aarde', 'regen', 'zon']);
  });
});

describe('the check of a change to private inputs', () => {
  const round = (over: Partial<ReturnType<typeof readRound> & object> = {}) => ({
    id: 'r',
    kind: 'votes' as const,
    column: 'values' as const,
    budget: 3,
    per: 'person' as const,
    ownCards: false,
    openedAt: 1,
    closedAt: null,
    result: null,
    ...over,
  });
  const ctx = (over: Partial<PrivateCheckContext> = {}): PrivateCheckContext => ({
    participantId: 'me',
    round: (id) => (id === 'r' ? round() : null),
    card: (id) =>
      ({
        mine: { column: 'values' as const, author: 'me' },
        x: { column: 'values' as const, author: 'o' },
        rel: { column: 'relations' as const, author: 'o' },
      })[id] ?? null,
    partnerSpentByOthers: () => 0,
    ...over,
  });
  const check = (write: (d: Y.Doc) => void, c = ctx()) => {
    const doc = new Y.Doc();
    write(doc);
    return checkPrivateChange(doc, new Set(doc.getMap('votes').keys()), new Set(doc.getMap('scores').keys()), c);
  };
  it('[Q2][Q3] budget, column, existing card and own card', () => {
    expect(check((d) => setVote(d, 'r', 'x', 3, LOCAL_USER))).toBeNull();
    expect(check((d) => setVote(d, 'r', 'x', 4, LOCAL_USER))).toBe('over-budget');
    expect(
      check(
        (d) => setVote(d, 'r', 'x', 2, LOCAL_USER),
        ctx({ round: () => round({ per: 'partner' }), partnerSpentByOthers: () => 2 }),
      ),
    ).toBe('over-budget');
    expect(check((d) => setVote(d, 'r', 'mine', 1, LOCAL_USER))).toBe('own-card');
    expect(
      check((d) => setVote(d, 'r', 'mine', 1, LOCAL_USER), ctx({ round: () => round({ ownCards: true }) })),
    ).toBeNull();
    expect(check((d) => setVote(d, 'r', 'rel', 1, LOCAL_USER))).toBe('wrong-column');
    expect(check((d) => setVote(d, 'r', 'gone', 1, LOCAL_USER))).toBe('unknown-card');
    expect(check((d) => d.getMap('votes').set('r/x', 1.5))).toBe('invalid');
  });
  it('[Q6][Y2] nothing changes in a closed round; scores only in a check round', () => {
    expect(check((d) => setVote(d, 'r', 'x', 1, LOCAL_USER), ctx({ round: () => round({ closedAt: 5 }) }))).toBe(
      'round-closed',
    );
    expect(check((d) => setScores(d, 'r', { klik: 5, taak: 5, word: '' }, LOCAL_USER))).toBe('invalid');
    const checkin = ctx({ round: () => round({ kind: 'checkin' }) });
    expect(check((d) => setScores(d, 'r', { klik: 5, taak: 5, word: '' }, LOCAL_USER), checkin)).toBeNull();
    expect(check((d) => d.getMap('scores').set('r', { klik: 5.5, taak: 5, word: '' }), checkin)).toBe('invalid');
  });
});
