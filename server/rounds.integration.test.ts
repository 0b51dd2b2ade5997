import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../shared/api.js';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { CloseCode, MESSAGE_NOTICE, roomName, type Notice } from '../shared/protocol.js';
import {
  readMyVotes,
  readPartnerSpent,
  setScores,
  setVote,
  writePartnerSpent,
} from '../shared/rounds/privateInputs.js';
import {
  getRequests,
  readRound,
  requestClose,
  requestScoreRound,
  requestVoteRound,
  type ScoreResult,
  type VoteResult,
} from '../shared/rounds/rounds.js';
import { readScoreRounds } from '../shared/scores.js';
import { serverStateFrom, step2Frame, syncFrame, writeAs } from './test/forge.js';
import { rawSocket } from './test/rawSocket.js';
import { api, connectClient, identityOf, startTestServer, synced, waitFor, type TestClient } from './test/harness.js';
import { seededRandom } from './test/seededRandom.js';
import { testSeed } from './test/testSeed.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function setup(overrides: Parameters<typeof startTestServer>[0] = {}) {
  const app = await startTestServer(overrides);
  cleanup.push(() => app.close());
  const created = await api<CreateWorkshopResponse>(app.url, 'POST', '/api/workshops', {
    title: 'Stemmen',
    partners: ['Gemeente', 'Buurt'],
  });
  const w = created.body;
  const open = (doc: Parameters<typeof connectClient>[2], token: string) => {
    const c = connectClient(app.port, w.id, doc, token);
    cleanup.push(() => c.destroy());
    return c;
  };
  const join = async (name: string, partner = 'gemeente') => {
    const joined = await api<{ participantId: string; token: string }>(
      app.url,
      'POST',
      `/api/workshops/${w.id}/participants`,
      { name, partner, role: 'citizen' },
    );
    const { participantId, token } = joined.body;
    const map = open('map:joint', token);
    const inputs = open(`private:${participantId}`, token);
    await Promise.all([synced(map), synced(inputs)]);
    return { id: participantId, token, map, inputs, notices: collectNotices(inputs) };
  };
  const session = open('session', w.facilitatorToken);
  await synced(session);
  const serverDoc = (doc: string) => app.registry.peek(roomName(w.id, doc as never))!.doc;
  return { app, w, open, join, session, serverDoc, projectorToken: w.projectorPath.split('#')[1] };
}

function collectNotices(c: TestClient): Notice[] {
  const notices: Notice[] = [];
  c.provider.messageHandlers[MESSAGE_NOTICE] = (_e, d) => {
    notices.push(JSON.parse(decoding.readVarString(d)));
  };
  return notices;
}

type Person = Awaited<ReturnType<Awaited<ReturnType<typeof setup>>['join']>>;

function card(p: Person, column: 'values' | 'relations', text: string): string {
  return createCard(p.map.doc, { column, ...identityOf(p.token), text }, LOCAL_USER);
}

/** A vote as the server stored it (after the check), or undefined. */
const stored = (t: Awaited<ReturnType<typeof setup>>, p: Person, roundId: string) =>
  readMyVotes(t.serverDoc(`private:${p.id}`), roundId);

async function openVoteRound(
  t: Awaited<ReturnType<typeof setup>>,
  settings: Parameters<typeof requestVoteRound>[1],
): Promise<string> {
  const id = requestVoteRound(t.session.doc, settings, LOCAL_USER);
  await waitFor(() => readRound(t.session.doc, id) !== null, 'the server opened the round');
  return id;
}

describe('private inputs are their owner alone', () => {
  it("[Q1] another participant, the facilitator and the projector cannot open someone's private document", async () => {
    const t = await setup();
    const anna = await t.join('Anna');
    const bram = await t.join('Bram', 'buurt');
    for (const token of [bram.token, t.w.facilitatorToken, t.projectorToken]) {
      const raw = await rawSocket(t.app.port, roomName(t.w.id, `private:${anna.id}`), token);
      cleanup.push(() => raw.ws.terminate());
      expect((await raw.closed).code).toBe(CloseCode.FORBIDDEN);
    }
    // A private document of nobody in this workshop is never loaded.
    const stranger = await rawSocket(t.app.port, roomName(t.w.id, 'private:nobody'), anna.token);
    expect((await stranger.closed).code).toBe(CloseCode.NOT_FOUND);
    // Anna herself reads and writes hers.
    expect(anna.inputs.closes).toEqual([]);
  });
});

describe('a vote round', () => {
  it('[Q2][Q3] votes within the budget, on existing cards of the column, not on one own card: the rest is reverted', async () => {
    const t = await setup();
    const anna = await t.join('Anna');
    const bram = await t.join('Bram', 'buurt');
    const own = card(anna, 'values', 'Anna haar waarde');
    const other = card(bram, 'values', 'Bram zijn waarde');
    const third = card(bram, 'values', 'Nog een waarde');
    const relation = card(bram, 'relations', 'Een relatie');
    await waitFor(() => t.serverDoc('map:joint').getMap('cards').size === 4, 'cards on the server');
    const round = await openVoteRound(t, { column: 'values', budget: 3, per: 'person', ownCards: false });

    setVote(anna.inputs.doc, round, other, 2, LOCAL_USER);
    await waitFor(() => stored(t, anna, round)[other] === 2, 'two votes on one card held');

    const attempts: [string, () => void, string][] = [
      ['over budget', () => setVote(anna.inputs.doc, round, third, 2, LOCAL_USER), 'over-budget'],
      ['own card', () => setVote(anna.inputs.doc, round, own, 1, LOCAL_USER), 'own-card'],
      ['other column', () => setVote(anna.inputs.doc, round, relation, 1, LOCAL_USER), 'wrong-column'],
      ['no such card', () => setVote(anna.inputs.doc, round, 'nocard', 1, LOCAL_USER), 'unknown-card'],
      ['no such round', () => setVote(anna.inputs.doc, 'noround', other, 1, LOCAL_USER), 'invalid'],
    ];
    for (const [what, attempt, reason] of attempts) {
      const before = anna.notices.length;
      attempt();
      await waitFor(() => anna.notices.length > before, `notice for ${what}`);
      expect(anna.notices.at(-1), what).toEqual({ code: 'private-refused', reason });
    }
    // Reverted on the server and, through the echo, in Anna's own copy; the honest vote stands.
    await waitFor(
      () => JSON.stringify(readMyVotes(anna.inputs.doc, round)) === JSON.stringify({ [other]: 2 }),
      'reverted',
    );
    expect(stored(t, anna, round)).toEqual({ [other]: 2 });
    setVote(anna.inputs.doc, round, third, 1, LOCAL_USER);
    await waitFor(() => stored(t, anna, round)[third] === 1, 'the last vote of the budget held');
    expect(anna.inputs.closes).toEqual([]);
  });

  it('[Q2] a budget per partner is shared by the people of that partner', async () => {
    const t = await setup();
    const anna = await t.join('Anna');
    const carla = await t.join('Carla');
    const bram = await t.join('Bram', 'buurt');
    const c1 = card(bram, 'values', 'Een');
    await waitFor(() => t.serverDoc('map:joint').getMap('cards').size === 1, 'card on the server');
    const round = await openVoteRound(t, { column: 'values', budget: 3, per: 'partner', ownCards: true });
    setVote(anna.inputs.doc, round, c1, 2, LOCAL_USER);
    await waitFor(() => stored(t, anna, round)[c1] === 2, 'Anna spent two');
    setVote(carla.inputs.doc, round, c1, 2, LOCAL_USER);
    await waitFor(() => carla.notices.length > 0, 'Carla told');
    expect(carla.notices[0]).toEqual({ code: 'private-refused', reason: 'over-budget' });
    setVote(carla.inputs.doc, round, c1, 1, LOCAL_USER);
    await waitFor(() => stored(t, carla, round)[c1] === 1, 'the partner budget’s last vote');
    // Bram's partner has its own budget of three.
    setVote(bram.inputs.doc, round, c1, 3, LOCAL_USER);
    await waitFor(() => stored(t, bram, round)[c1] === 3, 'another partner spends its own');
  });

  it('[Q8] a budget per partner: each colleague sees live what the others of the partner spent, a number and nothing more', async () => {
    const t = await setup();
    const anna = await t.join('Anna');
    const carla = await t.join('Carla');
    const bram = await t.join('Bram', 'buurt');
    const c1 = card(bram, 'values', 'Een');
    const c2 = card(bram, 'values', 'Twee');
    await waitFor(() => t.serverDoc('map:joint').getMap('cards').size === 2, 'cards on the server');
    const round = await openVoteRound(t, { column: 'values', budget: 5, per: 'partner', ownCards: true });
    const others = (p: Person) => readPartnerSpent(p.inputs.doc, round);

    setVote(anna.inputs.doc, round, c1, 2, LOCAL_USER);
    await waitFor(() => others(carla) === 2, 'Carla sees that her partner spent two');
    setVote(carla.inputs.doc, round, c2, 1, LOCAL_USER);
    await waitFor(() => others(anna) === 1, 'Anna sees that Carla spent one');
    expect(others(carla)).toBe(2);
    // Another partner learns nothing of it, and has its own budget.
    expect(bram.inputs.doc.getMap('partnerSpent').size).toBe(0);
    // What reaches a colleague is a count per round: no card, no vote of anyone.
    const carlaSees = JSON.stringify(carla.inputs.doc.getMap('partnerSpent').toJSON());
    expect(carlaSees).toBe(JSON.stringify({ [round]: 2 }));

    // A vote the server reverts (over the partner's budget) changes nothing for the colleague.
    setVote(carla.inputs.doc, round, c2, 4, LOCAL_USER);
    await waitFor(() => carla.notices.length > 0, 'Carla told');
    expect(carla.notices[0]).toEqual({ code: 'private-refused', reason: 'over-budget' });
    await waitFor(() => stored(t, carla, round)[c2] === 1, 'the vote stands as it was');
    setVote(anna.inputs.doc, round, c1, 1, LOCAL_USER);
    await waitFor(() => others(carla) === 1, 'taking a vote back shows too');
    expect(others(anna)).toBe(1);

    // A colleague who opens their phone later gets the count at once.
    const joined = await api<{ participantId: string; token: string }>(
      t.app.url,
      'POST',
      `/api/workshops/${t.w.id}/participants`,
      { name: 'Dirk', partner: 'gemeente', role: 'citizen' },
    );
    const dirk = t.open(`private:${joined.body.participantId}`, joined.body.token);
    await synced(dirk);
    await waitFor(() => readPartnerSpent(dirk.doc, round) === 2, 'Dirk sees what Anna and Carla spent');

    // The count is the server's: a participant who writes it is refused (4403) and it stays as it was.
    writePartnerSpent(anna.inputs.doc, round, 0, LOCAL_USER);
    await waitFor(() => anna.inputs.closes.length > 0, 'the forger is closed');
    expect(anna.inputs.closes[0].code).toBe(CloseCode.FORBIDDEN);
    expect(readPartnerSpent(t.serverDoc(`private:${anna.id}`), round)).toBe(1);
  });

  it("[Q8] many people over many rounds: every colleague's count stays the sum of what the others of the partner spent", async () => {
    // The server keeps each person's spending per document and round, and walks only the voter's partner
    // (RoundService, SpentByDoc); this checks those numbers against a plain model of every vote.
    const random = seededRandom(testSeed(8));
    const t = await setup();
    const people: Person[] = [];
    for (let i = 0; i < 10; i++) people.push(await t.join(`P${i}`, i < 6 ? 'gemeente' : 'buurt'));
    const partnerOf = (p: Person) => (people.indexOf(p) < 6 ? 'gemeente' : 'buurt');
    const cards = ['Een', 'Twee', 'Drie'].map((text) => card(people[0], 'values', text));
    await waitFor(() => t.serverDoc('map:joint').getMap('cards').size === 3, 'cards on the server');
    const finalCounts: { round: string; expected: Map<Person, number> }[] = [];
    for (let r = 0; r < 4; r++) {
      // A round per person in between: its votes are in the same documents and must not count.
      const per = r === 2 ? 'person' : 'partner';
      const round = await openVoteRound(t, { column: 'values', budget: 50, per, ownCards: true });
      const votes = new Map<Person, Map<string, number>>(people.map((p) => [p, new Map()]));
      for (let step = 0; step < 25; step++) {
        const p = people[Math.floor(random() * people.length)];
        const c = cards[Math.floor(random() * cards.length)];
        const n = Math.floor(random() * 3);
        setVote(p.inputs.doc, round, c, n, LOCAL_USER);
        votes.get(p)!.set(c, n);
      }
      const spentBy = (p: Person) => [...votes.get(p)!.values()].reduce((a, b) => a + b, 0);
      await waitFor(
        () => people.every((p) => Object.values(stored(t, p, round)).reduce((a, b) => a + b, 0) === spentBy(p)),
        'every vote on the server',
      );
      if (per === 'person') {
        expect(people.every((p) => readPartnerSpent(p.inputs.doc, round) === 0)).toBe(true);
      } else {
        const expected = new Map(
          people.map((p) => [
            p,
            people.filter((o) => o !== p && partnerOf(o) === partnerOf(p)).reduce((sum, o) => sum + spentBy(o), 0),
          ]),
        );
        await waitFor(
          () => people.every((p) => readPartnerSpent(p.inputs.doc, round) === expected.get(p)),
          'every colleague sees the sum of the others',
        );
        finalCounts.push({ round, expected });
      }
      expect(people.every((p) => p.notices.length === 0)).toBe(true);
      requestClose(t.session.doc, round, LOCAL_USER);
      await waitFor(() => readRound(t.session.doc, round)?.closedAt != null, 'closed');
    }
    // The counts of the closed rounds stay as they were when they closed.
    for (const { round, expected } of finalCounts)
      for (const p of people) expect(readPartnerSpent(p.inputs.doc, round)).toBe(expected.get(p));
  });

  it('[Q2] a colleague whose phone left still counts: after their document unloaded, and after a restart', async () => {
    // The guard checks a vote synchronously; the colleagues' documents are read ahead from the store.
    const t = await setup({ idleUnloadMs: 20 });
    const anna = await t.join('Anna');
    const carla = await t.join('Carla');
    const bram = await t.join('Bram', 'buurt');
    const c1 = card(bram, 'values', 'Een');
    await waitFor(() => t.serverDoc('map:joint').getMap('cards').size === 1, 'card on the server');
    const round = await openVoteRound(t, { column: 'values', budget: 3, per: 'partner', ownCards: true });
    setVote(anna.inputs.doc, round, c1, 2, LOCAL_USER);
    await waitFor(() => stored(t, anna, round)[c1] === 2, 'Anna spent two');
    anna.inputs.destroy();
    const annaRoom = roomName(t.w.id, `private:${anna.id}`);
    await waitFor(() => !t.app.registry.has(annaRoom), "Anna's document unloaded");
    setVote(carla.inputs.doc, round, c1, 2, LOCAL_USER);
    await waitFor(() => carla.notices.length > 0, 'Carla told');
    expect(carla.notices[0]).toEqual({ code: 'private-refused', reason: 'over-budget' });
    setVote(carla.inputs.doc, round, c1, 1, LOCAL_USER);
    await waitFor(() => stored(t, carla, round)[c1] === 1, "the partner budget's last vote");

    // A restart: nothing of the workshop is in memory; Carla's next vote is checked against the store.
    carla.inputs.destroy();
    await t.app.close();
    const again = await startTestServer({ dataDir: t.app.config.dataDir });
    cleanup.push(() => again.close());
    const carlaAgain = connectClient(again.port, t.w.id, `private:${carla.id}`, carla.token);
    cleanup.push(() => carlaAgain.destroy());
    const notices = collectNotices(carlaAgain);
    await synced(carlaAgain);
    setVote(carlaAgain.doc, round, c1, 2, LOCAL_USER);
    await waitFor(() => notices.length > 0, 'Carla told after the restart');
    expect(notices[0]).toEqual({ code: 'private-refused', reason: 'over-budget' });
    await waitFor(() => readMyVotes(carlaAgain.doc, round)[c1] === 1, 'reverted to her one vote');
  });

  it('[Q4][Q6] votes stay hidden until the facilitator closes; then only totals, and a closed round stays closed', async () => {
    const t = await setup();
    const people = [await t.join('Anna'), await t.join('Bram', 'buurt'), await t.join('Carla')];
    const a = card(people[1], 'values', 'A');
    const b = card(people[1], 'values', 'B');
    await waitFor(() => t.serverDoc('map:joint').getMap('cards').size === 2, 'cards on the server');
    const round = await openVoteRound(t, { column: 'values', budget: 3, per: 'person', ownCards: true });
    setVote(people[0].inputs.doc, round, a, 3, LOCAL_USER);
    setVote(people[1].inputs.doc, round, a, 1, LOCAL_USER);
    setVote(people[1].inputs.doc, round, b, 2, LOCAL_USER);
    setVote(people[2].inputs.doc, round, b, 1, LOCAL_USER);
    await waitFor(() => stored(t, people[2], round)[b] === 1, 'all votes on the server');
    // Nothing of the votes is in the session document before the close.
    expect(JSON.stringify(t.session.doc.toJSON())).not.toContain(a);

    requestClose(t.session.doc, round, LOCAL_USER);
    await waitFor(() => readRound(t.session.doc, round)?.result !== null, 'the result reaches the facilitator');
    const closed = readRound(t.session.doc, round)!;
    expect(closed.closedAt).toBeGreaterThanOrEqual(closed.openedAt);
    expect(closed.result as VoteResult).toEqual({ kind: 'votes', totals: { [a]: 4, [b]: 3 }, voters: 3 });

    // A vote after the close is reverted, also taking one back.
    setVote(people[0].inputs.doc, round, a, 1, LOCAL_USER);
    await waitFor(() => people[0].notices.length > 0, 'told the round is closed');
    expect(people[0].notices[0]).toEqual({ code: 'private-refused', reason: 'round-closed' });
    await waitFor(() => stored(t, people[0], round)[a] === 3, 'the vote stands as it was');

    // The facilitator cannot open it again through the request.
    t.session.doc.transact(() => {
      const r = getRequests(t.session.doc).get(round) as Record<string, unknown>;
      getRequests(t.session.doc).set(round, { ...r, closed: false, budget: 50 });
    }, LOCAL_USER);
    const again = requestVoteRound(
      t.session.doc,
      { column: 'values', budget: 1, per: 'person', ownCards: true },
      LOCAL_USER,
    );
    await waitFor(() => readRound(t.session.doc, again) !== null, 'the next request is handled');
    expect(readRound(t.session.doc, round)!.closedAt).toBe(closed.closedAt);
    expect(readRound(t.session.doc, round)!.budget).toBe(3);
  });

  it("[Q6] a hand-written update to the session's result root is refused, also from the facilitator", async () => {
    const t = await setup();
    for (const token of [t.w.facilitatorToken]) {
      const raw = await rawSocket(t.app.port, roomName(t.w.id, 'session'), token);
      cleanup.push(() => raw.ws.terminate());
      raw.ws.send(syncFrame(Y.encodeStateVector(new Y.Doc()), 0));
      await waitFor(() => serverStateFrom(raw.messages) !== null, 'state received');
      raw.ws.send(step2Frame(Y.encodeStateAsUpdate(new Y.Doc())));
      const state = serverStateFrom(raw.messages)!;
      raw.ws.send(
        syncFrame(
          writeAs(state, 4242, (doc) =>
            doc.getMap('rounds').set('forged', {
              kind: 'votes',
              column: 'values',
              budget: 3,
              per: 'person',
              ownCards: true,
              openedAt: 1,
              closedAt: 2,
              result: { kind: 'votes', totals: { x: 99 }, voters: 1 },
            }),
          ),
        ),
      );
      expect((await raw.closed).code).toBe(CloseCode.FORBIDDEN);
    }
    expect(t.serverDoc('session').getMap('rounds').size).toBe(0);
  });
});

describe('check-in and check-out', () => {
  it('[Y1][Y3][Y5] scores are aggregated per partner only from three answers; below that only a count', async () => {
    const t = await setup();
    const gemeente = [await t.join('Anna'), await t.join('Carla'), await t.join('Dirk')];
    const buurt = [await t.join('Bram', 'buurt'), await t.join('Eva', 'buurt')];
    const round = requestScoreRound(t.session.doc, 'checkin', LOCAL_USER);
    await waitFor(() => readRound(t.session.doc, round) !== null, 'opened');
    const scores = [
      [gemeente[0], 8, 6, 'hoopvol'],
      [gemeente[1], 6, 5, ''],
      [gemeente[2], 7, 7, 'benieuwd'],
      [buurt[0], 4, 3, 'afwachtend'],
      [buurt[1], 5, 5, ''],
    ] as const;
    for (const [p, klik, taak, word] of scores) setScores(p.inputs.doc, round, { klik, taak, word }, LOCAL_USER);
    await waitFor(
      () => scores.every(([p]) => t.serverDoc(`private:${p.id}`).getMap('scores').has(round)),
      'scores on the server',
    );
    requestClose(t.session.doc, round, LOCAL_USER);
    await waitFor(() => readRound(t.session.doc, round)?.result !== null, 'closed');
    const result = readRound(t.session.doc, round)!.result as ScoreResult;
    expect(result.answered).toBe(5);
    expect(result.perPartner).toEqual({ gemeente: { answered: 3, klik: 7, taak: 6 } });
    expect(result.overall).toEqual({ klik: 6, taak: 5.2 });
    expect(result.words).toEqual(['afwachtend', 'benieuwd', 'hoopvol']);

    // A check-out with two answers: only the count.
    const out = requestScoreRound(t.session.doc, 'checkout', LOCAL_USER);
    await waitFor(() => readRound(t.session.doc, out) !== null, 'opened');
    setScores(gemeente[0].inputs.doc, out, { klik: 9, taak: 9, word: 'top' }, LOCAL_USER);
    setScores(buurt[0].inputs.doc, out, { klik: 2, taak: 2, word: 'moe' }, LOCAL_USER);
    await waitFor(() => t.serverDoc(`private:${buurt[0].id}`).getMap('scores').has(out), 'on the server');
    requestClose(t.session.doc, out, LOCAL_USER);
    await waitFor(() => readRound(t.session.doc, out)?.result !== null, 'closed');
    expect(readRound(t.session.doc, out)!.result).toEqual({
      kind: 'scores',
      answered: 2,
      overall: null,
      perPartner: {},
      words: [],
    });
    // The trajectory reads both, in order, with their ids and times.
    expect(readScoreRounds(t.session.doc).map((r) => [r.id, r.kind])).toEqual([
      [round, 'checkin'],
      [out, 'checkout'],
    ]);
  });

  it('[Y2] a score outside 1–10 is refused before it is applied; a score in a closed round is reverted', async () => {
    const t = await setup();
    const anna = await t.join('Anna');
    const round = requestScoreRound(t.session.doc, 'checkin', LOCAL_USER);
    await waitFor(() => readRound(t.session.doc, round) !== null, 'opened');
    setScores(anna.inputs.doc, round, { klik: 7, taak: 8, word: '' }, LOCAL_USER);
    await waitFor(() => t.serverDoc(`private:${anna.id}`).getMap('scores').has(round), 'held');
    requestClose(t.session.doc, round, LOCAL_USER);
    await waitFor(() => readRound(t.session.doc, round)?.result !== null, 'closed');
    setScores(anna.inputs.doc, round, { klik: 1, taak: 1, word: 'toch' }, LOCAL_USER);
    await waitFor(() => anna.notices.length > 0, 'told');
    expect(anna.notices[0]).toEqual({ code: 'private-refused', reason: 'round-closed' });
    await waitFor(
      () => (t.serverDoc(`private:${anna.id}`).getMap('scores').get(round) as { klik: number }).klik === 7,
      'kept',
    );

    const raw = await rawSocket(t.app.port, roomName(t.w.id, `private:${anna.id}`), anna.token);
    cleanup.push(() => raw.ws.terminate());
    raw.ws.send(syncFrame(Y.encodeStateVector(new Y.Doc()), 0));
    await waitFor(() => serverStateFrom(raw.messages) !== null, 'state received');
    raw.ws.send(step2Frame(Y.encodeStateAsUpdate(new Y.Doc())));
    const state = serverStateFrom(raw.messages)!;
    raw.ws.send(
      syncFrame(writeAs(state, 5151, (doc) => doc.getMap('scores').set(round, { klik: 11, taak: 5, word: '' }))),
    );
    expect((await raw.closed).code).toBe(CloseCode.MALFORMED);
  });
});
