import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCards } from '../shared/cardSchema.js';
import type { ColumnId } from '../shared/columns.js';
import type { CardId } from '../shared/ids.js';
import { addLink, removeLink } from '../shared/links.js';
import { decodeNotice, MESSAGE_NOTICE, readNotice, type Notice } from '../shared/notices.js';
import { createCard, deleteCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { roomName } from '../shared/protocol.js';
import { setSessionPlan } from '../shared/session.js';
import { serverStateFrom, step2Frame, syncFrame } from './test/forge.js';
import {
  api,
  connectClient,
  createWorkshop,
  mapJson,
  startTestServer,
  synced,
  waitFor,
  type TestClient,
} from './test/harness.js';
import { rawSocket } from './test/rawSocket.js';

/**
 * "Hoort bij…" links between cards (issue 14, SPEC L2, docs/decisions/0023): every refusal of the
 * server, with real y-websocket clients and hand-written updates against a real server and SQLite.
 */
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});
const track = (c: TestClient) => (cleanup.push(() => c.destroy()), c);

function collect(c: TestClient): Notice[] {
  const notices: Notice[] = [];
  c.provider.messageHandlers[MESSAGE_NOTICE] = (_e, d) => void notices.push(readNotice(d)!);
  return notices;
}

const linksOf = (doc: Y.Doc, id: string): string[] => {
  const links = (getCards(doc).get(id) as Y.Map<unknown> | undefined)?.get('links');
  return links instanceof Y.Map ? [...links.keys()].sort() : [];
};

async function workshop() {
  const app = await startTestServer();
  cleanup.push(() => app.close());
  const w = await createWorkshop(app.url);
  const session = track(connectClient(app.port, w.id, 'session', w.facilitatorToken));
  const fac = track(connectClient(app.port, w.id, 'map:joint', w.facilitatorToken));
  const piaToken = await w.participant('Pia', 0);
  const pia = track(connectClient(app.port, w.id, 'map:joint', piaToken));
  const otto = track(connectClient(app.port, w.id, 'map:joint', await w.participant('Otto', 1)));
  await Promise.all([session, fac, pia, otto].map(synced));
  const notices = collect(pia);
  const me = await api<{ participantId: string }>(app.url, 'GET', `/api/workshops/${w.id}/me`, undefined, {
    authorization: `Bearer ${piaToken}`,
  });
  const all = [fac, pia, otto];
  const converged = () => waitFor(() => all.every((c) => mapJson(c.doc) === mapJson(fac.doc)), 'all identical');
  const room = () => app.registry.peek(roomName(w.id as never, 'map:joint'))!;
  const card = async (column: ColumnId, text: string) => {
    const id = createCard(fac.doc, { column, author: '', authorName: 'F', partner: '', text }, LOCAL_USER);
    await waitFor(() => all.every((c) => getCards(c.doc).has(id)), 'card everywhere');
    return id;
  };
  return { app, w, session, fac, pia, otto, piaId: me.body.participantId, piaToken, notices, converged, room, card };
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
    const raw = await rawSocket(t.app.port, name, t.piaToken);
    cleanup.push(() => raw.ws.terminate());
    raw.ws.send(syncFrame(Y.encodeStateVector(new Y.Doc()), 0));
    await waitFor(() => serverStateFrom(raw.messages) !== null, 'server state');
    raw.ws.send(step2Frame(Y.encodeStateAsUpdate(new Y.Doc())));
    const mine = new Y.Doc();
    Y.applyUpdate(mine, serverStateFrom(raw.messages)!);
    const before = Y.encodeStateVector(mine);
    const links = new Y.Map<unknown>();
    (getCards(mine).get(action) as Y.Map<unknown>).set('links', links);
    links.set(elsewhere, { by: t.piaId, at: 1 });
    raw.ws.send(syncFrame(Y.encodeStateAsUpdate(mine, before)));
    await waitFor(
      () => raw.messages.some((m) => JSON.stringify(decodeNotice(m)) === '{"code":"link-refused","reason":"missing"}'),
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
