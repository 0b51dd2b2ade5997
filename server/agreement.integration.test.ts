import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { setPartnerAgreement, setStepFields, type Person } from '../shared/cardDetails.js';
import { getCards } from '../shared/cardSchema.js';
import { confirmTag, clearTag, GROUPS_KEY, proposeTag, readGroupTag } from '../shared/compare/groupTags.js';
import { setCardPlainText, updateCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { roomName } from '../shared/protocol.js';
import { readMap, type CardSnapshot } from '../shared/readModel.js';
import { setAgreementRule } from '../shared/session.js';
import type { CardId, ParticipantId, PartnerId } from '../shared/ids.js';
import { connectClient, synced, waitFor, type TestClient, mapJson } from './test/harness.js';
import {
  cardWriter,
  cleanupAfterEach,
  collectNotices,
  convergence,
  liveWorkshop,
  rawClient,
  sameUpdates,
} from './test/fixtures.js';

/**
 * Agreement that holds (issue 11, SPEC K1–K5): every refusal and every follow-up of the server, with
 * real y-websocket clients (and one hand-written client) against a real server and SQLite file.
 */
const scope = cleanupAfterEach();
const { track } = scope;
const collect = collectNotices;

const cardOf = (doc: Y.Doc, id: string): CardSnapshot | undefined =>
  Object.values(readMap(doc).columns)
    .flat()
    .find((c) => c.id === id);

async function workshop(partners = ['Gemeente', 'Wijkteam', 'Woningcorporatie']) {
  const { app, w, open, room: roomOf, participantId } = await liveWorkshop(scope, { partners });
  const me = async (name: string, partnerIndex: number) => {
    const token = await w.participant(name, partnerIndex);
    const id = await participantId(token);
    const client = open('map:joint', token);
    const person: Person = {
      id: id as ParticipantId,
      name,
      partner: w.partners[partnerIndex].id as PartnerId,
    };
    return { token, client, person, notices: collect(client) };
  };
  const session = open('session', w.facilitatorToken);
  const fac = open('map:joint', w.facilitatorToken);
  const facNotices = collect(fac);
  // Two of the three partners have someone here; the third never joined.
  const pia = await me('Pia', 0);
  const otto = await me('Otto', 1);
  await Promise.all([session, fac, pia.client, otto.client].map(synced));
  const all = [fac, pia.client, otto.client];
  const converged = convergence(all);
  const room = () => roomOf()!;
  const writeCard = cardWriter(all);
  const card = (text: string, column: 'values' | 'steps' = 'values') => writeCard(column, text);
  const useRule = async (rule: 'facilitator' | 'consensus') => {
    setAgreementRule(session.doc, rule, LOCAL_USER);
    await waitFor(() => roomOf('session')?.doc.getMap('session').get('agreementRule') === rule, 'rule on the server');
  };
  return { app, w, session, fac, facNotices, pia, otto, all, converged, room, card, useRule };
}

const everywhere = (t: { all: TestClient[] }, id: string, ok: (c: CardSnapshot | undefined) => boolean, what: string) =>
  waitFor(() => t.all.every((c) => ok(cardOf(c.doc, id))), what);

/** One person's "eens namens", awaited on every screen (two first "eens" at once race, see the report). */
async function sayEens(t: { all: TestClient[] }, p: { client: TestClient; person: Person }, id: string) {
  setPartnerAgreement(p.client.doc, id as CardId, p.person.partner, p.person, LOCAL_USER);
  await everywhere(t, id, (c) => !!c?.agreedBy[p.person.partner], 'eens arrives');
}

describe('who decides agreement', () => {
  it('[K1] by default only the facilitator sets a status: a participant agreeing or parking is reverted and told; "eens namens" stays', async () => {
    const t = await workshop();
    const id = await t.card('Samen één loket');
    updateCard(t.pia.client.doc, id as CardId, { status: 'agreed' }, LOCAL_USER);
    await waitFor(() => t.pia.notices.length === 1, 'notice');
    expect(t.pia.notices[0]).toEqual({ code: 'status-by-facilitator', rule: 'facilitator' });
    await everywhere(t, id, (c) => c?.status === 'open', 'reverted to open everywhere');
    updateCard(t.pia.client.doc, id as CardId, { status: 'parked' }, LOCAL_USER);
    await waitFor(() => t.pia.notices.length === 2, 'parking refused too');
    await everywhere(t, id, (c) => c?.status === 'open', 'still open');
    // Both partners say "eens namens": in this mode that is advice for the facilitator, not agreement.
    await sayEens(t, t.pia, id);
    await sayEens(t, t.otto, id);
    await everywhere(t, id, (c) => Object.keys(c?.agreedBy ?? {}).length === 2, 'both eens arrive');
    expect(cardOf(t.fac.doc, id)?.status).toBe('open');
    // The facilitator decides; the server keeps the version that was agreed.
    updateCard(t.fac.doc, id as CardId, { status: 'agreed' }, LOCAL_USER);
    await everywhere(t, id, (c) => c?.status === 'agreed' && c.agreedVersion?.text === 'Samen één loket', 'agreed');
    expect(t.pia.notices).toHaveLength(2);
    await t.converged();
  });

  it('[K1] a hand-written client writing status directly is reverted on the server and told', async () => {
    const t = await workshop();
    const id = await t.card('Samen één loket');
    const name = roomName(t.w.id as never, 'map:joint');
    const raw = await rawClient(scope, t.app.port, name, await t.w.participant('Mallory', 0));
    // Mallory's own document: the server's state, one field written, the difference sent as an update.
    raw.send((mine) => (mine.getMap('cards').get(id) as Y.Map<unknown>).set('status', 'agreed'));
    await waitFor(() => raw.notices().some((n) => n.code === 'status-by-facilitator'), 'notice');
    await waitFor(() => !t.room().hasPendingWrites, 'stored');
    expect((getCards(t.room().doc).get(id) as Y.Map<unknown>).get('status')).toBe('open');
    await everywhere(t, id, (c) => c?.status === 'open', 'nobody sees it agreed');
    await t.converged();
  });

  it('[K1] "eens namens" only for one\'s own partner and in one\'s own name', async () => {
    const t = await workshop();
    const id = await t.card('Samen één loket');
    // Pia says it for Otto's partner.
    setPartnerAgreement(t.pia.client.doc, id as CardId, t.otto.person.partner, t.pia.person, LOCAL_USER);
    await waitFor(() => t.pia.notices.length === 1, 'notice');
    expect(t.pia.notices[0]).toEqual({ code: 'agreement-own-partner' });
    // Once Pia has the revert (a write into the reverted list would land in a deleted type).
    await everywhere(t, id, (c) => Object.keys(c?.agreedBy ?? {}).length === 0, 'reverted everywhere');
    // Pia says it for her own partner, but in Otto's name.
    setPartnerAgreement(t.pia.client.doc, id as CardId, t.pia.person.partner, t.otto.person, LOCAL_USER);
    await waitFor(() => t.pia.notices.length === 2, 'second notice');
    await everywhere(t, id, (c) => Object.keys(c?.agreedBy ?? {}).length === 0, 'no eens anywhere');
    // Otto writes into the list Pia's forgeries created and their reverts deleted: once he holds them all
    // (without them his screen looks the same, and his write would be concurrent with the revert).
    await sameUpdates(t.all);
    // Otto's own "eens" cannot be withdrawn by Pia either.
    setPartnerAgreement(t.otto.client.doc, id as CardId, t.otto.person.partner, t.otto.person, LOCAL_USER);
    await everywhere(t, id, (c) => !!c?.agreedBy[t.otto.person.partner], "Otto's eens arrives");
    setPartnerAgreement(t.pia.client.doc, id as CardId, t.otto.person.partner, null, LOCAL_USER);
    await waitFor(() => t.pia.notices.length === 3, 'third notice');
    await everywhere(t, id, (c) => !!c?.agreedBy[t.otto.person.partner], "Otto's eens stays");
    await t.converged();
  });

  it('[K2] by consensus a card is agreed when every partner present said "eens namens", and open again when one withdraws', async () => {
    const t = await workshop();
    await t.useRule('consensus');
    const id = await t.card('Samen één loket');
    setPartnerAgreement(t.pia.client.doc, id as CardId, t.pia.person.partner, t.pia.person, LOCAL_USER);
    await everywhere(t, id, (c) => !!c?.agreedBy[t.pia.person.partner], "Pia's eens arrives");
    // One of the two partners present: not yet (the third partner has nobody here and does not count).
    expect(cardOf(t.fac.doc, id)?.status).toBe('open');
    // A participant still may not set the status directly, in this mode either.
    updateCard(t.pia.client.doc, id as CardId, { status: 'agreed' }, LOCAL_USER);
    await waitFor(() => t.pia.notices.some((n) => n.code === 'status-by-facilitator'), 'direct write refused');
    expect(t.pia.notices.at(-1)).toEqual({ code: 'status-by-facilitator', rule: 'consensus' });
    setPartnerAgreement(t.otto.client.doc, id as CardId, t.otto.person.partner, t.otto.person, LOCAL_USER);
    await everywhere(t, id, (c) => c?.status === 'agreed', 'agreed by consensus, on every screen');
    expect(cardOf(t.fac.doc, id)?.agreedVersion?.text).toBe('Samen één loket');
    setPartnerAgreement(t.otto.client.doc, id as CardId, t.otto.person.partner, null, LOCAL_USER);
    await everywhere(t, id, (c) => c?.status === 'open', 'open again after Otto withdraws');
    // A step card needs who, what and when before a consensus makes it agreed ([G5]).
    const step = await t.card('Wijkoverleg', 'steps');
    await sayEens(t, t.pia, step);
    await sayEens(t, t.otto, step);
    await everywhere(t, step, (c) => Object.keys(c?.agreedBy ?? {}).length === 2, 'both eens');
    expect(cardOf(t.fac.doc, step)?.status).toBe('open');
    await t.converged();
    // Stored: a fresh client (after the follow-ups were committed) reads the same.
    const fresh = track(connectClient(t.app.port, t.w.id, 'map:joint', t.w.facilitatorToken));
    await synced(fresh);
    await waitFor(() => mapJson(fresh.doc) === mapJson(t.fac.doc), 'fresh client identical', 30_000);
  }, 90_000);

  it('[K2] a partner counts as present once someone of it joined: a newcomer of the third partner is needed too', async () => {
    const t = await workshop();
    await t.useRule('consensus');
    const id = await t.card('Samen één loket');
    await t.w.participant('Willem', 2);
    await sayEens(t, t.pia, id);
    await sayEens(t, t.otto, id);
    await everywhere(t, id, (c) => Object.keys(c?.agreedBy ?? {}).length === 2, 'two eens');
    expect(cardOf(t.fac.doc, id)?.status).toBe('open');
  });
});

describe('agreed means this text', () => {
  it('[K3] editing an agreed card makes it open again, keeps the agreed text in its history, clears "eens", tells editor and facilitator; [K4] the facilitator re-agrees in one action', async () => {
    const t = await workshop();
    const id = await t.card('Samen één loket');
    setPartnerAgreement(t.pia.client.doc, id as CardId, t.pia.person.partner, t.pia.person, LOCAL_USER);
    updateCard(t.fac.doc, id as CardId, { status: 'agreed' }, LOCAL_USER);
    await everywhere(t, id, (c) => c?.status === 'agreed' && !!c.agreedBy[t.pia.person.partner], 'agreed');
    setCardPlainText(t.otto.client.doc, id as CardId, 'Samen één loket, alleen op werkdagen', LOCAL_USER);
    await everywhere(t, id, (c) => c?.status === 'open', 'open again everywhere');
    const now = cardOf(t.fac.doc, id)!;
    expect(now.plainText).toBe('Samen één loket, alleen op werkdagen');
    expect(now.history.at(-1)).toMatchObject({ text: 'Samen één loket', by: t.otto.person.id, name: 'Otto' });
    expect(now.agreedBy).toEqual({});
    expect(now.agreedVersion?.text).toBe('Samen één loket');
    await waitFor(() => t.otto.notices.length === 1 && t.facNotices.length === 1, 'editor and facilitator told');
    expect(t.otto.notices[0]).toEqual({ code: 'agreement-reopened', cards: [id] });
    expect(t.facNotices[0]).toEqual({ code: 'agreement-reopened', cards: [id] });
    expect(t.pia.notices).toEqual([]);
    // Re-agree: one status write by the facilitator; the new text becomes the agreed version.
    updateCard(t.fac.doc, id as CardId, { status: 'agreed' }, LOCAL_USER);
    await everywhere(
      t,
      id,
      (c) => c?.status === 'agreed' && c.agreedVersion?.text === 'Samen één loket, alleen op werkdagen',
      're-agreed with the new text',
    );
    await t.converged();
  });

  it('[K3] who, what or when of an agreed step changed by anyone, the facilitator too, opens it again', async () => {
    const t = await workshop();
    const id = await t.card('Wijkoverleg', 'steps');
    setStepFields(t.fac.doc, id as CardId, { who: 'Anna', what: 'overleg', when: 'april' }, LOCAL_USER);
    updateCard(t.fac.doc, id as CardId, { status: 'agreed' }, LOCAL_USER);
    await everywhere(t, id, (c) => c?.status === 'agreed' && c.agreedVersion?.when === 'april', 'agreed');
    setStepFields(t.pia.client.doc, id as CardId, { when: 'mei' }, LOCAL_USER);
    await everywhere(t, id, (c) => c?.status === 'open' && c.when === 'mei', 'open after Pia changed when');
    expect(cardOf(t.fac.doc, id)?.agreedVersion?.when).toBe('april');
    updateCard(t.fac.doc, id as CardId, { status: 'agreed' }, LOCAL_USER);
    await everywhere(t, id, (c) => c?.status === 'agreed' && c.agreedVersion?.when === 'mei', 're-agreed');
    setStepFields(t.fac.doc, id as CardId, { who: 'Bram' }, LOCAL_USER);
    await everywhere(t, id, (c) => c?.status === 'open', "the facilitator's own change opens it too");
  });

  it("[K3] the agreed version is the server's: nobody writes it over the wire", async () => {
    const t = await workshop();
    const id = await t.card('Samen één loket');
    updateCard(t.fac.doc, id as CardId, { status: 'agreed' }, LOCAL_USER);
    await everywhere(t, id, (c) => c?.agreedVersion?.text === 'Samen één loket', 'agreed version');
    const forged = { text: 'iets anders', who: '', what: '', when: '', at: 1 };
    for (const [client, notices] of [
      [t.pia.client, t.pia.notices],
      [t.fac, t.facNotices],
    ] as const) {
      // Forge only on top of the server's version: a write concurrent with the server's revert of the
      // previous forgery can lose the merge, change nothing, and rightly draw no notice.
      await everywhere(t, id, (c) => c?.agreedVersion?.text === 'Samen één loket', 'the real version is back');
      // The facilitator's screen shows the real version before Pia's forgery and its revert reached it too.
      await sameUpdates(t.all);
      client.doc.transact(
        () => (getCards(client.doc).get(id) as Y.Map<unknown>).set('agreedVersion', forged),
        LOCAL_USER,
      );
      await waitFor(() => notices.some((n) => n.code === 'invalid-card'), 'refused');
    }
    await everywhere(t, id, (c) => c?.agreedVersion?.text === 'Samen één loket', 'the real version stays');
    await t.converged();
  });
});

describe('group tags are confirmed by the facilitator', () => {
  it("[K5] a participant proposes a tag; confirming, clearing or replacing a confirmed tag is the facilitator's", async () => {
    const t = await workshop();
    const pia = t.pia.client.doc;
    const serverTag = (key: string) => readGroupTag(t.room().doc, key);
    proposeTag(pia, 'g1', 'shared', 'Pia', LOCAL_USER);
    await waitFor(() => serverTag('g1')?.tag === 'shared', 'proposal kept');
    confirmTag(pia, 'g1', LOCAL_USER);
    await waitFor(() => t.pia.notices.length === 1, 'confirm refused');
    expect(t.pia.notices[0]).toEqual({ code: 'tag-by-facilitator' });
    // Each next write waits for the server's revert, so it is not concurrent with it (a concurrent
    // write to the same key can lose the merge, change nothing and draw no notice).
    await waitFor(() => readGroupTag(pia, 'g1')?.confirmed === false, 'confirm reverted');
    proposeTag(pia, 'g2', 'tension', 'Pia', LOCAL_USER, { confirmed: true });
    await waitFor(() => t.pia.notices.length === 2, 'confirmed proposal refused');
    await waitFor(() => !readGroupTag(pia, 'g2'), 'confirmed proposal reverted');
    clearTag(pia, 'g1', LOCAL_USER);
    await waitFor(() => t.pia.notices.length === 3, 'clear refused');
    await waitFor(() => readGroupTag(pia, 'g1')?.confirmed === false && !readGroupTag(pia, 'g2'), 'reverted');
    await waitFor(() => readGroupTag(t.otto.client.doc, 'g1')?.tag === 'shared', 'Otto sees the proposal');
    // Otto's screen shows the proposal before Pia's clear and its revert reached it as well: he writes
    // once he holds them (a write concurrent with the revert of the same key can lose the merge).
    await sameUpdates(t.all);
    // Another participant's new proposal replaces an unconfirmed one.
    proposeTag(t.otto.client.doc, 'g1', 'complementary', 'Otto', LOCAL_USER);
    await waitFor(() => serverTag('g1')?.tag === 'complementary', 'new proposal kept');
    await waitFor(() => readGroupTag(t.fac.doc, 'g1')?.tag === 'complementary', 'the facilitator sees it');
    confirmTag(t.fac.doc, 'g1', LOCAL_USER);
    await waitFor(() => serverTag('g1')?.confirmed === true, 'the facilitator confirms');
    // Pia sees the confirmed tag and proposes another over it (a concurrent write could simply lose).
    await waitFor(() => readGroupTag(pia, 'g1')?.confirmed === true, 'Pia sees it confirmed');
    proposeTag(pia, 'g1', 'tension', 'Pia', LOCAL_USER);
    await waitFor(() => t.pia.notices.length === 4, 'a confirmed tag is closed to proposals');
    await waitFor(() => !t.room().hasPendingWrites, 'stored');
    expect(serverTag('g1')).toMatchObject({ tag: 'complementary', proposedBy: 'Otto', confirmed: true });
    await waitFor(
      () =>
        t.all.every(
          (c) =>
            JSON.stringify(c.doc.getMap(GROUPS_KEY).toJSON()) ===
            JSON.stringify(t.room().doc.getMap(GROUPS_KEY).toJSON()),
        ),
      'every client has the same tags',
    );
  });
});
