import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCards } from '../shared/cardSchema.js';
import { createCard, deleteCard, moveCard, setCardPlainText } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { CloseCode, roomName } from '../shared/protocol.js';
import { readMap } from '../shared/readModel.js';
import { setActiveColumns, setSessionPlan } from '../shared/session.js';
import type { JoinResponse } from '../shared/api.js';
import { api, connectClient, synced, waitFor } from './test/harness.js';
import { cleanupAfterEach, collectNotices, convergence, liveWorkshop, sameUpdates } from './test/fixtures.js';

const scope = cleanupAfterEach();
const { cleanup } = scope;

async function guidedWorkshop() {
  const { app, w, open, room } = await liveWorkshop(scope);
  const session = open('session', w.facilitatorToken);
  const facilitator = open('map:joint', w.facilitatorToken);
  const participant = open('map:joint', await w.participant('Pia'));
  const observer = open('map:joint', await w.participant('Otto', 1));
  await Promise.all([session, facilitator, participant, observer].map(synced));
  const notices = collectNotices(participant);
  // Step 1 (values) is active: participants may only write there.
  setSessionPlan(session.doc, { mode: 'separate' }, LOCAL_USER);
  const sessionRoom = () => room('session');
  await waitFor(() => sessionRoom()?.doc.getMap('session').get('guided') === true, 'session plan on the server');
  const all = [facilitator, participant, observer];
  const converged = convergence(all, 'all clients identical');
  return { app, w, session, facilitator, participant, observer, all, notices, converged, sessionRoom };
}

describe('column locks are enforced by the server', () => {
  it('[G1] a card created in a closed column is reverted for everyone, and the author is told', async () => {
    const t = await guidedWorkshop();
    const ok = createCard(t.participant.doc, { column: 'values', ...t.participant.me, text: 'mag' }, LOCAL_USER);
    const bad = createCard(
      t.participant.doc,
      { column: 'relations', ...t.participant.me, text: 'mag niet' },
      LOCAL_USER,
    );
    await waitFor(() => t.notices.length > 0, 'notice received');
    expect(t.notices[0]).toEqual({ code: 'column-locked', columns: ['relations'] });
    await waitFor(() => !getCards(t.participant.doc).has(bad), "the author's copy is reverted too");
    await waitFor(() => getCards(t.observer.doc).has(ok), 'allowed card arrives');
    await t.converged();
    expect(getCards(t.observer.doc).has(bad)).toBe(false);
    // No gap: the participant keeps working normally after a refusal.
    const later = createCard(t.participant.doc, { column: 'values', ...t.participant.me, text: 'daarna' }, LOCAL_USER);
    await waitFor(() => getCards(t.observer.doc).has(later), 'later edit still arrives');
    await t.converged();
  });

  it('[G2] moves into or out of a closed column, edits and deletes there are reverted; the facilitator may do all', async () => {
    const t = await guidedWorkshop();
    const inValues = createCard(
      t.facilitator.doc,
      { column: 'values', author: '', authorName: 'F', partner: '', text: 'waarde' },
      LOCAL_USER,
    );
    const inSteps = createCard(
      t.facilitator.doc,
      { column: 'steps', author: '', authorName: 'F', partner: '', text: 'actie' },
      LOCAL_USER,
    );
    await waitFor(() => getCards(t.participant.doc).size === 2, 'participant has both');

    moveCard(t.participant.doc, inValues, 'relations', 0, LOCAL_USER);
    await waitFor(() => t.notices.length === 1, 'move refused');
    await waitFor(() => readMap(t.participant.doc).columns.values.some((c) => c.id === inValues), 'moved back');

    setCardPlainText(t.participant.doc, inSteps, 'veranderd', LOCAL_USER);
    await waitFor(() => t.notices.length === 2, 'edit refused');
    deleteCard(t.participant.doc, inSteps, LOCAL_USER);
    await waitFor(() => t.notices.length === 3, 'delete refused');
    await waitFor(() => readMap(t.participant.doc).columns.steps[0]?.plainText === 'actie', 'text and card restored');
    await t.converged();
    // The restored card is a new one under the same id: a screen without the deletion and its revert
    // looks the same, but an edit there would land in the deleted card. The facilitator edits it below.
    await sameUpdates(t.all);

    // The facilitator opens step 2: now the participant may move the card there.
    setActiveColumns(t.session.doc, ['values', 'relations'], LOCAL_USER);
    await waitFor(
      () => JSON.stringify(t.sessionRoom()?.doc.getMap('session').get('active')) === '["values","relations"]',
      'step 2 open',
    );
    moveCard(t.participant.doc, inValues, 'relations', 0, LOCAL_USER);
    await waitFor(
      () => readMap(t.observer.doc).columns.relations.some((c) => c.id === inValues),
      'allowed move arrives',
    );
    // The facilitator can always edit a closed column.
    setCardPlainText(t.facilitator.doc, inSteps, 'door begeleider', LOCAL_USER);
    await waitFor(
      () => readMap(t.observer.doc).columns.steps[0]?.plainText === 'door begeleider',
      'facilitator edit arrives',
    );
    await t.converged();
    expect(t.notices).toHaveLength(3);
  });

  it('[G3] a participant writing the session document is refused: nothing applied, stored or broadcast', async () => {
    const t = await guidedWorkshop();
    const sneaky = connectClient(t.app.port, t.w.id, 'session', await t.w.participant('Sneaky'));
    cleanup.push(() => sneaky.destroy());
    await synced(sneaky);
    setActiveColumns(sneaky.doc, ['values', 'relations', 'actions', 'conditions', 'steps'], LOCAL_USER);
    await waitFor(() => sneaky.closes.some((c) => c.code === CloseCode.FORBIDDEN), 'closed with FORBIDDEN');
    expect(t.sessionRoom()!.doc.getMap('session').get('active')).toEqual(['values']);
    expect(t.session.doc.getMap('session').get('active')).toEqual(['values']);
    const stored = await t.app.store.loadDoc(roomName(t.w.id as never, 'session'));
    const fromDisk = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(fromDisk, u);
    expect(fromDisk.getMap('session').get('active')).toEqual(['values']);
  });

  it('[M12][T6] a change that breaks the card table is refused before it is applied, in maps and in drafts', async () => {
    const t = await guidedWorkshop();
    const card = createCard(t.participant.doc, { column: 'values', ...t.participant.me, text: 'mag' }, LOCAL_USER);
    await waitFor(() => getCards(t.observer.doc).has(card), 'valid card arrives');
    const server = () => getCards(t.app.registry.peek(roomName(t.w.id as never, 'map:joint'))!.doc).get(card)!;
    // An unknown field, an order key over the limit and a plain string where the text type belongs:
    // each sender is closed with 4400 and nothing of the change reaches the server.
    const breakers: ((m: Y.Map<unknown>) => void)[] = [
      (m) => m.set('colour', 'red'),
      (m) => m.set('order', 'a'.repeat(201)),
      (m) => m.set('text', 'geen fragment'),
    ];
    for (const [i, breakCard] of breakers.entries()) {
      const c = connectClient(t.app.port, t.w.id, 'map:joint', await t.w.participant(`Breker ${i}`));
      cleanup.push(() => c.destroy());
      await synced(c);
      c.doc.transact(() => breakCard(getCards(c.doc).get(card)!), LOCAL_USER);
      await waitFor(() => c.closes.length > 0, 'refused');
      expect(c.closes[0].code).toBe(CloseCode.MALFORMED);
      c.destroy();
    }
    expect(server().has('colour')).toBe(false);
    expect(server().get('order')).not.toBe('a'.repeat(201));
    expect(server().get('text')).toBeInstanceOf(Y.XmlFragment);
    await t.converged();
    expect(readMap(t.observer.doc).columns.values.map((c) => c.plainText)).toEqual(['mag']);

    // Drafts are checked by the same table: a drafts-only field is fine there, an unknown one is not.
    const joined = await api<JoinResponse>(t.app.url, 'POST', `/api/workshops/${t.w.id}/participants`, {
      name: 'Dirk',
      partner: t.w.partners[0].id,
      role: 'professional',
    });
    const draftsName = `drafts:${joined.body.participantId}` as const;
    const drafts = connectClient(t.app.port, t.w.id, draftsName, joined.body.token);
    cleanup.push(() => drafts.destroy());
    await synced(drafts);
    const draft = createCard(
      drafts.doc,
      { column: 'values', ...drafts.me, text: 'concept', draftFor: 'map:joint' },
      LOCAL_USER,
    );
    const room = () => t.app.registry.peek(roomName(t.w.id as never, draftsName));
    await waitFor(() => getCards(room()!.doc).get(draft)?.has('map') === true, 'draft with its target map stored');
    drafts.doc.transact(() => getCards(drafts.doc).get(draft)!.set('secret', 1), LOCAL_USER);
    await waitFor(() => drafts.closes.length > 0, 'refusal in drafts');
    expect(drafts.closes[0].code).toBe(CloseCode.MALFORMED);
    expect(getCards(room()!.doc).get(draft)!.has('secret')).toBe(false);
  });
});
