import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCards } from '../shared/cardSchema.js';
import type { CardId } from '../shared/ids.js';
import { addLink, removeLink } from '../shared/links.js';
import { deleteCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { roomName } from '../shared/protocol.js';
import { setSessionPlan } from '../shared/session.js';
import { synced, waitFor } from './test/harness.js';
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
 * "Hoort bij…" links between cards (issue 14, SPEC L2, docs/decisions/0023): every refusal of the
 * server, with real y-websocket clients and hand-written updates against a real server and SQLite.
 */
const scope = cleanupAfterEach();

const linksOf = (doc: Y.Doc, id: string): string[] => {
  const links = (getCards(doc).get(id) as Y.Map<unknown> | undefined)?.get('links');
  return links instanceof Y.Map ? [...links.keys()].sort() : [];
};

async function workshop() {
  const { app, w, open, room: roomOf, participantId } = await liveWorkshop(scope);
  const session = open('session', w.facilitatorToken);
  const fac = open('map:joint', w.facilitatorToken);
  const piaToken = await w.participant('Pia', 0);
  const pia = open('map:joint', piaToken);
  const otto = open('map:joint', await w.participant('Otto', 1));
  await Promise.all([session, fac, pia, otto].map(synced));
  const notices = collectNotices(pia);
  const piaId = await participantId(piaToken);
  const all = [fac, pia, otto];
  const converged = convergence(all);
  const room = () => roomOf()!;
  const card = cardWriter(all);
  return { app, w, session, fac, pia, otto, piaId, piaToken, notices, converged, room, card };
}

describe('links between cards, on the server', () => {
  it('[L2] a participant links an action to a value and a condition; everyone sees it; anyone may remove it', async () => {
    const t = await workshop();
    const value = await t.card('values', 'Thuis wonen');
    const condition = await t.card('conditions', 'Budget');
    const action = await t.card('steps', 'Wandelclub');
    addLink(t.pia.doc, action, value, t.piaId, LOCAL_USER);
    addLink(t.pia.doc, action, condition, t.piaId, LOCAL_USER);
    await waitFor(() => linksOf(t.otto.doc, action).length === 2, 'links arrive');
    await waitFor(() => !t.room().hasPendingWrites, 'stored');
    expect(linksOf(t.room().doc, action)).toEqual([condition, value].sort());
    removeLink(t.otto.doc, action, condition, LOCAL_USER);
    await waitFor(() => linksOf(t.pia.doc, action).length === 1, 'removal arrives');
    await t.converged();
    expect(t.notices).toEqual([]);
  });

  it('[L2] a link to itself or to a column the card may not serve is reverted for everyone, with a notice', async () => {
    const t = await workshop();
    const value = await t.card('values', 'Thuis wonen');
    const action = await t.card('steps', 'Wandelclub');
    // The shared helper refuses these, so they are written the way a modified client would.
    const write = (from: string, to: string) =>
      t.pia.doc.transact(() => {
        const card = getCards(t.pia.doc).get(from) as Y.Map<unknown>;
        const links = new Y.Map<unknown>();
        card.set('links', links);
        links.set(to, { by: t.piaId, at: 1 });
      }, LOCAL_USER);
    write(value, action);
    await waitFor(() => t.notices.length === 1, 'notice');
    expect(t.notices[0]).toEqual({ code: 'link-refused', reason: 'column' });
    write(action, action);
    await waitFor(() => t.notices.length === 2, 'second notice');
    expect(t.notices[1]).toEqual({ code: 'link-refused', reason: 'self' });
    await waitFor(() => linksOf(t.pia.doc, value).length === 0 && linksOf(t.pia.doc, action).length === 0, 'reverted');
    await t.converged();
    expect(linksOf(t.otto.doc, value)).toEqual([]);
    expect(linksOf(t.room().doc, action)).toEqual([]);
  });

  it("[L2] a link in someone else's name is reverted; the facilitator's links are trusted", async () => {
    const t = await workshop();
    const value = await t.card('values', 'Thuis wonen');
    const action = await t.card('steps', 'Wandelclub');
    addLink(t.pia.doc, action, value, 'someone-else', LOCAL_USER);
    await waitFor(() => t.notices.length === 1, 'notice');
    expect(t.notices[0]).toEqual({ code: 'link-refused', reason: 'by' });
    await waitFor(() => linksOf(t.pia.doc, action).length === 0, 'reverted');
    // The revert deletes the links map the forged write created. A facilitator who writes before
    // both the forgery and its revert reached their device writes concurrently with them, and Yjs
    // may rightly let the deleted map win; so the facilitator writes once every device holds the
    // same updates (same state vector, not only the same visible map).
    await sameUpdates([t.fac, t.pia, t.otto]);
    expect(linksOf(t.fac.doc, action)).toEqual([]);
    addLink(t.fac.doc, action, value, 'namens-pia', LOCAL_USER);
    await waitFor(() => linksOf(t.otto.doc, action).length === 1, 'facilitator link arrives');
    await t.converged();
  });

  it('[L2] a hand-written update linking to a card that is not on this map is reverted and never stored', async () => {
    const t = await workshop();
    const action = await t.card('steps', 'Wandelclub');
    // A card that lives on a partner map, not on the joint map.
    const elsewhere = 'card-on-another-map';
    const name = roomName(t.w.id as never, 'map:joint');
    const raw = await rawClient(scope, t.app.port, name, t.piaToken);
    raw.send((mine) => {
      const links = new Y.Map<unknown>();
      (getCards(mine).get(action) as Y.Map<unknown>).set('links', links);
      links.set(elsewhere, { by: t.piaId, at: 1 });
    });
    await waitFor(
      () => raw.notices().some((n) => JSON.stringify(n) === '{"code":"link-refused","reason":"missing"}'),
      'notice',
    );
    await waitFor(() => !t.room().hasPendingWrites, 'stored');
    expect(linksOf(t.room().doc, action)).toEqual([]);
    await t.converged();
    expect(linksOf(t.otto.doc, action)).toEqual([]);
  });

  it('[L2] a link together with the deletion of its target in one change is reverted (no dangling link)', async () => {
    const t = await workshop();
    const value = await t.card('values', 'Thuis wonen');
    const action = await t.card('steps', 'Wandelclub');
    t.fac.doc.transact(() => {
      addLink(t.fac.doc, action, value, 'x', LOCAL_USER);
      deleteCard(t.fac.doc, value as CardId, LOCAL_USER);
    }, LOCAL_USER);
    await waitFor(() => getCards(t.fac.doc).has(value) && linksOf(t.fac.doc, action).length === 0, 'reverted');
    await t.converged();
  });

  it('[L2] [G1] no link changes from a card in a closed column: adding and removing are reverted; to a closed column is fine', async () => {
    const t = await workshop();
    const value = await t.card('values', 'Thuis wonen');
    const action = await t.card('steps', 'Wandelclub');
    const relation = await t.card('relations', 'Korte lijnen');
    addLink(t.fac.doc, action, value, 'f', LOCAL_USER);
    await waitFor(() => linksOf(t.pia.doc, action).length === 1, 'facilitator link arrives');
    // Step 2 (relations) only is open for participants.
    setSessionPlan(t.session.doc, { mode: 'free', active: ['relations'] }, LOCAL_USER);
    const sessionRoom = () => t.app.registry.peek(roomName(t.w.id as never, 'session'));
    await waitFor(() => sessionRoom()?.doc.getMap('session').get('guided') === true, 'plan on the server');
    removeLink(t.pia.doc, action, value, LOCAL_USER);
    await waitFor(() => t.notices.length === 1, 'notice');
    expect(t.notices[0]).toEqual({ code: 'column-locked', columns: ['steps'] });
    await waitFor(() => linksOf(t.pia.doc, action).length === 1, 'removal reverted');
    addLink(t.pia.doc, action, relation, t.piaId, LOCAL_USER);
    await waitFor(() => t.notices.length === 2, 'second notice');
    expect(t.notices[1]).toEqual({ code: 'column-locked', columns: ['steps'] });
    // From the open column to the closed values column: the link is the relation's field.
    addLink(t.pia.doc, relation, value, t.piaId, LOCAL_USER);
    await waitFor(() => linksOf(t.otto.doc, relation).length === 1, 'link from an open column arrives');
    await t.converged();
    expect(linksOf(t.room().doc, action)).toEqual([value]);
    expect(t.notices).toHaveLength(2);
  });
});
