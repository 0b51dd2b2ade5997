import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_USER, SERVER } from './origins.js';
import { aggregateScores, settleRounds, type PrivateSource } from './rounds/aggregate.js';
import { setScores } from './rounds/privateInputs.js';
import { requestClose, requestScoreRound, type ScoreResult } from './rounds/rounds.js';
import { layoutScoreChart } from './scoreChart.js';
import { lineHasScores, momentScores, partnersOnLine, scoreLine, shownScores } from './scoreLine.js';
import { readScoreRounds, type ScoreRound } from './scores.js';
import { putMeeting, readMeetings, startMeeting, type Meeting } from './trajectory.js';

const meeting = (id: string, n: number, date: string): Meeting => ({ id, n, date, goal: '', steps: ['values'] });

function person(partner: string, round: string, klik: number, taak: number): PrivateSource {
  const doc = new Y.Doc();
  setScores(doc, round, { klik, taak, word: '' }, LOCAL_USER);
  return { partner, doc };
}

const result = (answered: number, over: ScoreResult['overall'], per: ScoreResult['perPartner'] = {}): ScoreResult => ({
  kind: 'scores',
  answered,
  overall: over,
  perPartner: per,
  words: [],
});

describe('the line of check-in and check-out scores over the meetings', () => {
  it('[Y6] the server records the meeting a round opened in; the line puts each check-in and check-out under its meeting', () => {
    const session = new Y.Doc();
    putMeeting(session, meeting('m1', 1, '2026-03-05'), LOCAL_USER);
    putMeeting(session, meeting('m2', 2, '2026-03-12'), LOCAL_USER);
    // Opened before any meeting: not on the line.
    const loose = requestScoreRound(session, 'checkin', LOCAL_USER);
    settleRounds(session, 1, () => [], SERVER);
    requestClose(session, loose, LOCAL_USER);
    settleRounds(
      session,
      2,
      () => [person('a', loose, 9, 9), person('a', loose, 9, 9), person('a', loose, 9, 9)],
      SERVER,
    );

    const rounds: Record<string, string> = {};
    let now = 10;
    for (const [m, kind, scores] of [
      ['m1', 'checkin', [5, 6, 7]],
      ['m1', 'checkout', [6, 7, 8]],
      ['m2', 'checkin', [8, 8, 8]],
    ] as const) {
      startMeeting(session, m, LOCAL_USER);
      const id = requestScoreRound(session, kind, LOCAL_USER);
      settleRounds(session, now++, () => [], SERVER);
      // The meeting may change while the round is open: it stays with the one it opened in.
      startMeeting(session, null, LOCAL_USER);
      requestClose(session, id, LOCAL_USER);
      const people = scores.map((s, i) => person(i < 2 ? 'gemeente' : 'wijkteam', id, s, 10 - s));
      settleRounds(session, now++, () => people, SERVER);
      rounds[`${m}.${kind}`] = id;
    }
    const all = readScoreRounds(session);
    expect(all.map((r) => r.meeting ?? null)).toEqual([null, 'm1', 'm1', 'm2']);

    const line = scoreLine(readMeetings(session), all);
    expect(line.map((m) => m.meeting.id)).toEqual(['m1', 'm2']);
    expect(line[0].checkin).toMatchObject({ roundId: rounds['m1.checkin'], overall: { klik: 6, taak: 4 } });
    expect(line[0].checkout).toMatchObject({ roundId: rounds['m1.checkout'], overall: { klik: 7, taak: 3 } });
    expect(line[1].checkin).toMatchObject({ roundId: rounds['m2.checkin'], overall: { klik: 8, taak: 2 } });
    expect(line[1].checkout).toBeNull();
    // Two answers of the gemeente and one of the wijkteam: no partner has averages.
    expect(
      line.flatMap((m) => [m.checkin, m.checkout]).every((x) => !x || Object.keys(x.perPartner).length === 0),
    ).toBe(true);
    expect(lineHasScores(line)).toBe(true);
  });

  it('[Y6] the last closed check-in of a meeting counts; open rounds are not on the line', () => {
    const base = { kind: 'checkin' as const, openedAt: 1, meeting: 'm1' };
    const rounds: ScoreRound[] = [
      { ...base, id: 'later', closedAt: 30, result: result(3, { klik: 9, taak: 9 }) },
      { ...base, id: 'earlier', closedAt: 20, result: result(3, { klik: 2, taak: 2 }) },
      { ...base, id: 'open', closedAt: null, result: null },
      { ...base, id: 'elsewhere', meeting: 'gone', closedAt: 40, result: result(3, { klik: 1, taak: 1 }) },
    ];
    const line = scoreLine([meeting('m1', 1, '2026-03-05')], rounds);
    expect(line).toHaveLength(1);
    expect(line[0].checkin?.roundId).toBe('later');
    expect(line[0].checkout).toBeNull();
  });

  it('[Y3][Y6] below three answers the line holds only the count, in all and per partner', () => {
    const tooFew = shownScores({
      ...result(2, { klik: 9, taak: 9 }, { a: { answered: 2, klik: 9, taak: 9 } }),
      words: ['zelf'],
    });
    expect(tooFew).toEqual({ answered: 2, overall: null, perPartner: {}, words: [] });
    const some = shownScores(
      result(5, { klik: 6, taak: 7 }, { a: { answered: 3, klik: 5, taak: 6 }, b: { answered: 2, klik: 8, taak: 8 } }),
    );
    expect(some.perPartner).toEqual({ a: { answered: 3, klik: 5, taak: 6 } });
    // The same rule as the server's aggregate: a partner of two gets no row.
    const agg = aggregateScores('r', [
      person('a', 'r', 5, 5),
      person('a', 'r', 6, 6),
      person('a', 'r', 7, 7),
      person('b', 'r', 1, 1),
      person('b', 'r', 1, 1),
    ]);
    expect(Object.keys(shownScores(agg).perPartner)).toEqual(['a']);

    const line = scoreLine(
      [meeting('m1', 1, '2026-03-05')],
      [{ id: 'x', kind: 'checkout', openedAt: 1, closedAt: 2, meeting: 'm1', result: result(2, null) }],
    );
    expect(line[0].checkout).toMatchObject({ answered: 2, overall: null });
    expect(lineHasScores(line)).toBe(false);
    expect(momentScores(line[0].checkout, { kind: 'overall' })).toBeNull();
  });

  it('[Y7] the chart places check-in left of check-out in each meeting, 1 at the bottom and 10 at the top', () => {
    const rounds: ScoreRound[] = [
      { id: 'i1', kind: 'checkin', openedAt: 1, closedAt: 2, meeting: 'm1', result: result(3, { klik: 1, taak: 10 }) },
      {
        id: 'o1',
        kind: 'checkout',
        openedAt: 3,
        closedAt: 4,
        meeting: 'm1',
        result: result(4, { klik: 5.5, taak: 7 }, { p: { answered: 3, klik: 4, taak: 6 } }),
      },
      { id: 'i2', kind: 'checkin', openedAt: 5, closedAt: 6, meeting: 'm2', result: result(2, null) },
      { id: 'o2', kind: 'checkout', openedAt: 7, closedAt: 8, meeting: 'm2', result: result(3, { klik: 10, taak: 1 }) },
    ];
    const line = scoreLine([meeting('m1', 1, '2026-03-05'), meeting('m2', 2, '2026-03-12')], rounds);
    const box = { width: 420, height: 220, margin: { left: 20, top: 10, right: 10, bottom: 30 } };
    const chart = layoutScoreChart(line, { kind: 'overall' }, box);
    expect(chart.plot).toEqual({ left: 20, top: 10, right: 410, bottom: 190 });
    expect(chart.meetings.map((m) => [m.left, m.right])).toEqual([
      [20, 215],
      [215, 410],
    ]);
    expect(chart.meetings[0].checkin).toBeLessThan(chart.meetings[0].checkout);
    // The check-in of meeting 2 had too few answers: three points, in time order.
    expect(chart.series.klik.map((p) => [p.meeting, p.kind, p.value, p.y])).toEqual([
      [0, 'checkin', 1, 190],
      [0, 'checkout', 5.5, 100],
      [1, 'checkout', 10, 10],
    ]);
    expect(chart.series.taak.map((p) => p.y)).toEqual([10, 70, 190]);
    expect(chart.yTicks.map((t) => t.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // One partner: only where it had three answers.
    expect(partnersOnLine(line, ['q', 'p'])).toEqual(['p']);
    const p = layoutScoreChart(line, { kind: 'partner', id: 'p' }, box);
    expect(p.series.klik.map((x) => [x.kind, x.value])).toEqual([['checkout', 4]]);
  });
});
