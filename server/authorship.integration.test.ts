import { describe, expect, it } from 'vitest';
import { getCards } from '../shared/cardSchema.js';
import { readCardField } from '../shared/card/read.js';
import { createCard, deleteCard, setCardPlainText } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { CloseCode, roomName } from '../shared/protocol.js';
import { readMap } from '../shared/readModel.js';
import { readParticipants } from '../shared/workshopDoc.js';
import { setCardTextMax, setDraftsReadable } from '../shared/workshopSettings.js';
import type { Config } from './config.js';
import { api, connectClient, identityOf, synced, waitFor, waitForAsync } from './test/harness.js';
import { cleanupAfterEach, collectNotices, convergence, liveWorkshop, rawClient } from './test/fixtures.js';

/**
 * Authorship, removal proposals, the card text limit, people without a device and draft counts
 * ([H1]–[H6]), each refusal proven with real y-websocket clients and a hand-written raw Yjs client.
 */
const scope = cleanupAfterEach();
const { track } = scope;
const listen = collectNotices;

async function workshop(overrides: Partial<Config> = {}) {
  const { app, w, open: openDoc, room } = await liveWorkshop(scope, { overrides });
  const annaToken = await w.participant('Anna', 0);
  const bramToken = await w.participant('Bram', 1);
  const open = (token: string, doc: 'map:joint' | 'session' | 'workshop' = 'map:joint') => openDoc(doc, token);
  const facilitator = open(w.facilitatorToken);
  const session = open(w.facilitatorToken, 'session');
  const anna = open(annaToken);
  const bram = open(bramToken);
  await Promise.all([facilitator, session, anna, bram].map(synced));
  const all = [facilitator, anna, bram];
  const converged = convergence(all, 'all clients identical');
  const live = () => room()!;
  return { app, w, annaToken, bramToken, facilitator, session, anna, bram, converged, live, open };
}

describe('authorship is enforced by the server', () => {
  it("[H1] a raw client creating a card under another participant's name is reverted for everyone and told", async () => {
    const t = await workshop();
    const bram = identityOf(t.bramToken);
    const raw = await rawClient(scope, t.app.port, roomName(t.w.id as never, 'map:joint'), t.annaToken);
    let forged = '';
    raw.send((doc) => {
      forged = createCard(doc, { column: 'values', ...bram, text: 'Bram zegt dit (niet)' }, LOCAL_USER);
    });
    await waitFor(() => raw.notices().length > 0, 'notice to the forger');
    expect(raw.notices()[0]).toEqual({ code: 'authorship', fields: ['author', 'authorName', 'partner'] });
    await t.converged();
    expect(getCards(t.live().doc).has(forged)).toBe(false);
    expect(getCards(t.bram.doc).has(forged)).toBe(false);
    // The same client's honest card is accepted afterwards (no gap).
    let honest = '';
    raw.send((doc) => {
      honest = createCard(doc, { column: 'values', ...identityOf(t.annaToken), text: 'van Anna' }, LOCAL_USER);
    });
    await waitFor(() => getCards(t.bram.doc).has(honest), 'honest card arrives');
  });

  it('[H1] a name alone is forged too; writing for a known person is fine, for a stranger or as another typist it is not', async () => {
    const t = await workshop();
    const notices = listen(t.anna);
    const anna = identityOf(t.annaToken);
    const bram = identityOf(t.bramToken);
    const renamed = createCard(
      t.anna.doc,
      { column: 'values', ...anna, authorName: 'De Wethouder', text: 'x' },
      LOCAL_USER,
    );
    await waitFor(() => notices.length === 1, 'renamed refused');
    expect(notices[0]).toEqual({ code: 'authorship', fields: ['authorName'] });
    const forBram = createCard(
      t.anna.doc,
      { column: 'values', ...bram, writtenBy: anna.author as never, writtenByName: 'Anna', text: 'Bram zei dit' },
      LOCAL_USER,
    );
    await waitFor(() => getCards(t.bram.doc).has(forBram), 'card written for Bram arrives');
    createCard(
      t.anna.doc,
      {
        column: 'values',
        author: 'nobody-here' as never,
        authorName: 'Niemand',
        partner: '',
        writtenBy: anna.author as never,
        writtenByName: 'Anna',
        text: 'x',
      },
      LOCAL_USER,
    );
    await waitFor(() => notices.length === 2, 'stranger refused');
    expect(notices[1]).toEqual({ code: 'authorship', fields: ['author'] });
    createCard(
      t.anna.doc,
      {
        column: 'values',
        ...anna,
        author: 'someone' as never,
        writtenBy: bram.author as never,
        writtenByName: 'Bram',
        text: 'x',
      },
      LOCAL_USER,
    );
    await waitFor(() => notices.length === 3, 'other typist refused');
    expect(notices[2].code).toBe('authorship');
    await t.converged();
    expect(getCards(t.facilitator.doc).has(renamed)).toBe(false);
    expect(getCards(t.facilitator.doc).size).toBe(1);
  });

  it('[H2] who a card is by never changes afterwards: a participant writing author fields is reverted', async () => {
    const t = await workshop();
    const notices = listen(t.anna);
    const id = createCard(t.bram.doc, { column: 'values', ...identityOf(t.bramToken), text: 'van Bram' }, LOCAL_USER);
    await waitFor(() => getCards(t.anna.doc).has(id), 'card arrives');
    // Editing the text of someone else's card is collaboration, and allowed.
    setCardPlainText(t.anna.doc, id, 'van Bram, aangevuld door Anna', LOCAL_USER);
    await waitFor(
      () => readMap(t.bram.doc).columns.values[0]?.plainText === 'van Bram, aangevuld door Anna',
      'edit arrives',
    );
    t.anna.doc.transact(() => getCards(t.anna.doc).get(id)!.set('authorName', 'Anna'), LOCAL_USER);
    await waitFor(() => notices.length === 1, 'author change refused');
    expect(notices[0]).toEqual({ code: 'authorship', fields: ['authorName'] });
    await t.converged();
    expect(readCardField(getCards(t.live().doc).get(id)!, 'authorName')).toBe('Bram');
  });
});

describe("removing someone else's card becomes a proposal", () => {
  it("[H3] a participant's removal of another's card is reverted, marked as a proposal the author sees; own cards go", async () => {
    const t = await workshop();
    const notices = listen(t.anna);
    const bramsCard = createCard(
      t.bram.doc,
      { column: 'values', ...identityOf(t.bramToken), text: 'van Bram' },
      LOCAL_USER,
    );
    const own = createCard(t.anna.doc, { column: 'values', ...identityOf(t.annaToken), text: 'van Anna' }, LOCAL_USER);
    await waitFor(() => getCards(t.anna.doc).size === 2 && getCards(t.bram.doc).size === 2, 'both cards everywhere');

    deleteCard(t.anna.doc, bramsCard, LOCAL_USER);
    await waitFor(() => notices.length === 1, 'removal refused');
    expect(notices[0]).toEqual({ code: 'removal-proposed' });
    // The author (and everyone) sees the card back, with the proposal on it.
    // On every screen: the revert and the proposal reach each socket on its own time.
    await waitFor(
      () =>
        [t.bram, t.facilitator, t.anna].every(
          (c) => readMap(c.doc).columns.values.find((card) => card.id === bramsCard)?.removal?.name === 'Anna',
        ),
      'author sees the proposal',
    );
    const proposal = readMap(t.facilitator.doc).columns.values.find((c) => c.id === bramsCard)!.removal!;
    expect(proposal.by).toBe(identityOf(t.annaToken).author);
    expect(readMap(t.anna.doc).columns.values.find((c) => c.id === bramsCard)?.plainText).toBe('van Bram');

    // Her own card she removes herself.
    deleteCard(t.anna.doc, own, LOCAL_USER);
    await waitFor(() => !getCards(t.bram.doc).has(own), 'own card removed');
    await t.converged();
    expect(notices).toHaveLength(1);
  });

  it("[H3] a raw client deleting another's card, or writing a proposal itself, is reverted", async () => {
    const t = await workshop();
    const bramsCard = createCard(
      t.bram.doc,
      { column: 'values', ...identityOf(t.bramToken), text: 'van Bram' },
      LOCAL_USER,
    );
    await waitFor(() => getCards(t.live().doc).has(bramsCard) && !t.live().hasPendingWrites, 'card stored');
    const raw = await rawClient(scope, t.app.port, roomName(t.w.id as never, 'map:joint'), t.annaToken);
    raw.send((doc) => getCards(doc).delete(bramsCard));
    await waitFor(() => raw.notices().length === 1, 'raw delete refused');
    expect(raw.notices()[0]).toEqual({ code: 'removal-proposed' });
    await waitFor(() => getCards(t.bram.doc).get(bramsCard)?.get('removal') !== undefined, 'proposal on the card');
    // Clearing or forging a proposal is the facilitator's (and the server's).
    const fresh = await rawClient(scope, t.app.port, roomName(t.w.id as never, 'map:joint'), t.annaToken);
    fresh.send((doc) => getCards(doc).get(bramsCard)!.delete('removal'));
    await waitFor(() => fresh.notices().length === 1, 'clearing refused');
    expect(fresh.notices()[0]).toEqual({ code: 'authorship', fields: ['removal'] });
    await t.converged();
    expect(getCards(t.live().doc).get(bramsCard)?.get('removal')).toBeDefined();
  });

  it('[H3] the facilitator decides: reject clears the proposal, accept removes the card', async () => {
    const t = await workshop();
    const a = createCard(t.bram.doc, { column: 'values', ...identityOf(t.bramToken), text: 'blijft' }, LOCAL_USER);
    const b = createCard(t.bram.doc, { column: 'values', ...identityOf(t.bramToken), text: 'gaat weg' }, LOCAL_USER);
    await waitFor(() => getCards(t.anna.doc).size === 2, 'cards arrive');
    deleteCard(t.anna.doc, a, LOCAL_USER);
    deleteCard(t.anna.doc, b, LOCAL_USER);
    await waitFor(
      () => [a, b].every((id) => getCards(t.facilitator.doc).get(id)?.get('removal') !== undefined),
      'two proposals',
    );
    t.facilitator.doc.transact(() => getCards(t.facilitator.doc).get(a)!.delete('removal'), LOCAL_USER);
    deleteCard(t.facilitator.doc, b, LOCAL_USER);
    await waitFor(() => !getCards(t.bram.doc).has(b), 'accepted removal arrives');
    await waitFor(() => getCards(t.bram.doc).get(a)?.get('removal') === undefined, 'rejected proposal cleared');
    await t.converged();
  });
});

describe('the card text limit', () => {
  it('[H4] a text over the limit (default 600) is reverted with a notice; a long card may shrink but not grow', async () => {
    const t = await workshop();
    const notices = listen(t.anna);
    const me = identityOf(t.annaToken);
    const ok = createCard(t.anna.doc, { column: 'values', ...me, text: 'a'.repeat(600) }, LOCAL_USER);
    await waitFor(() => getCards(t.bram.doc).has(ok), '600 characters accepted');
    const long = createCard(t.anna.doc, { column: 'values', ...me, text: 'b'.repeat(601) }, LOCAL_USER);
    await waitFor(() => notices.length === 1, '601 refused');
    expect(notices[0]).toEqual({ code: 'text-too-long', max: 600 });
    setCardPlainText(t.anna.doc, ok, 'a'.repeat(700), LOCAL_USER);
    await waitFor(() => notices.length === 2, 'growing edit refused');
    await t.converged();
    expect(getCards(t.facilitator.doc).has(long)).toBe(false);
    expect(readMap(t.facilitator.doc).columns.values[0].plainText).toBe('a'.repeat(600));

    // The facilitator lowers the limit for this workshop: the 600-character card may shrink, not grow.
    setCardTextMax(t.session.doc, 100, LOCAL_USER);
    await waitFor(
      () =>
        t.app.registry
          .peek(roomName(t.w.id as never, 'session'))
          ?.doc.getMap('session')
          .get('cardTextMax') === 100,
      'limit on the server',
    );
    setCardPlainText(t.anna.doc, ok, 'a'.repeat(300), LOCAL_USER);
    await waitFor(() => readMap(t.bram.doc).columns.values[0]?.plainText === 'a'.repeat(300), 'shrinking accepted');
    createCard(t.anna.doc, { column: 'values', ...me, text: 'c'.repeat(101) }, LOCAL_USER);
    await waitFor(() => notices.length === 3, '101 refused under the workshop limit');
    expect(notices[2]).toEqual({ code: 'text-too-long', max: 100 });
    await t.converged();
  });

  it('[H4] PKL_CARD_TEXT_MAX sets the default of the server', async () => {
    const t = await workshop({ cardTextMax: 80 });
    const notices = listen(t.bram);
    createCard(t.bram.doc, { column: 'values', ...identityOf(t.bramToken), text: 'd'.repeat(81) }, LOCAL_USER);
    await waitFor(() => notices.length === 1, 'refused');
    expect(notices[0]).toEqual({ code: 'text-too-long', max: 80 });
  });
});

describe('people without a device', () => {
  it('[H5] the facilitator or a participant adds someone without a device, who can be credited; others cannot', async () => {
    const t = await workshop();
    const people = `/api/workshops/${t.w.id}/people`;
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const body = { name: 'Oma Jansen', partner: t.w.partners[1].id, role: 'citizen' };
    expect((await api(t.app.url, 'POST', people, body)).status).toBe(401);
    const byParticipant = await api<{ participantId: string }>(t.app.url, 'POST', people, body, bearer(t.annaToken));
    expect(byParticipant.status).toBe(201);
    const byFacilitator = await api<{ participantId: string }>(
      t.app.url,
      'POST',
      people,
      { name: 'Kees', partner: t.w.partners[0].id, role: 'volunteer' },
      bearer(t.w.facilitatorToken),
    );
    expect(byFacilitator.status).toBe(201);
    expect(
      (await api(t.app.url, 'POST', people, { name: '', partner: 'nope', role: 'x' }, bearer(t.annaToken))).status,
    ).toBe(400);
    const projector = await api<{ projectorPath: string }>(
      t.app.url,
      'POST',
      `/api/workshops/${t.w.id}/projector`,
      undefined,
      bearer(t.w.facilitatorToken),
    );
    const projectorToken = projector.body.projectorPath.split('#')[1];
    expect((await api(t.app.url, 'POST', people, body, bearer(projectorToken))).status).toBe(403);

    // They are in the workshop document, marked as without a device.
    const workshopDoc = t.open(t.w.facilitatorToken, 'workshop');
    await synced(workshopDoc);
    await waitFor(() => readParticipants(workshopDoc.doc).some((p) => p.name === 'Oma Jansen'), 'listed');
    const oma = readParticipants(workshopDoc.doc).find((p) => p.name === 'Oma Jansen')!;
    expect(oma).toMatchObject({ access: 'participant', noDevice: true, partner: t.w.partners[1].id, role: 'citizen' });

    // Bram writes a card for her: accepted, and credited to her.
    const me = identityOf(t.bramToken);
    const id = createCard(
      t.bram.doc,
      {
        column: 'values',
        author: oma.id as never,
        authorName: 'Oma Jansen',
        partner: oma.partner as never,
        writtenBy: me.author as never,
        writtenByName: me.authorName,
        text: 'Buren helpen elkaar',
      },
      LOCAL_USER,
    );
    await waitFor(() => getCards(t.anna.doc).has(id), 'card for her arrives');
    expect(readMap(t.anna.doc).columns.values[0]).toMatchObject({ author: oma.id, writtenBy: me.author });
  });
});

describe('private drafts: counts for the facilitator, reading only when allowed', () => {
  it('[H6] the facilitator gets counts per person; with reading off, the drafts themselves are refused', async () => {
    const t = await workshop();
    const annaId = identityOf(t.annaToken).author;
    const drafts = track(connectClient(t.app.port, t.w.id, `drafts:${annaId}`, t.annaToken));
    await synced(drafts);
    createCard(drafts.doc, { column: 'values', ...identityOf(t.annaToken), text: 'geheim 1' }, LOCAL_USER);
    createCard(drafts.doc, { column: 'values', ...identityOf(t.annaToken), text: 'geheim 2' }, LOCAL_USER);
    const countsUrl = `/api/workshops/${t.w.id}/drafts`;
    const asFacilitator = { authorization: `Bearer ${t.w.facilitatorToken}` };
    await waitFor(
      () => getCards(t.app.registry.peek(roomName(t.w.id as never, `drafts:${annaId}`))!.doc).size === 2,
      'drafts on the server',
    );
    const counts = await api<{ counts: Record<string, number> }>(t.app.url, 'GET', countsUrl, undefined, asFacilitator);
    expect(counts.status).toBe(200);
    expect(counts.body.counts[annaId]).toBe(2);
    expect(counts.body.counts[identityOf(t.bramToken).author]).toBe(0);
    expect((await api(t.app.url, 'GET', countsUrl, undefined, { authorization: `Bearer ${t.annaToken}` })).status).toBe(
      403,
    );

    // Reading allowed (the default): the facilitator opens Anna's drafts.
    const look = track(connectClient(t.app.port, t.w.id, `drafts:${annaId}`, t.w.facilitatorToken));
    await waitFor(() => getCards(look.doc).size === 2, 'facilitator reads the drafts');
    // Reading switched off: the open connection closes, a new one is refused, counts still work.
    setDraftsReadable(t.session.doc, false, LOCAL_USER);
    await waitFor(() => look.closes.some((c) => c.code === CloseCode.FORBIDDEN), 'open reader closed');
    look.destroy();
    const again = track(connectClient(t.app.port, t.w.id, `drafts:${annaId}`, t.w.facilitatorToken));
    await waitFor(() => again.closes.some((c) => c.code === CloseCode.FORBIDDEN), 'new reader refused');
    expect(getCards(again.doc).size).toBe(0);
    const still = await api<{ counts: Record<string, number> }>(t.app.url, 'GET', countsUrl, undefined, asFacilitator);
    expect(still.body.counts[annaId]).toBe(2);
    // The author keeps writing her own drafts, and the count follows.
    createCard(drafts.doc, { column: 'values', ...identityOf(t.annaToken), text: 'geheim 3' }, LOCAL_USER);
    await waitForAsync(
      async () =>
        (await api<{ counts: Record<string, number> }>(t.app.url, 'GET', countsUrl, undefined, asFacilitator)).body
          .counts[annaId] === 3,
      'count follows',
    );
  });
});
