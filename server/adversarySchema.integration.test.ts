import { DOC_ROOTS } from '../shared/docSchema.js';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CreateWorkshopResponse, JoinResponse } from '../shared/api.js';
import { getCards } from '../shared/cardSchema.js';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { CloseCode, roomName } from '../shared/protocol.js';
import { readSession, requestReveal, setActiveColumns, setPhase, setSessionPlan } from '../shared/session.js';
import { serverStateFrom, step2Frame, syncFrame, writeAs } from './test/forge.js';
import { api, connectClient, startTestServer, synced, waitFor, type TestClient } from './test/harness.js';
import { rawSocket } from './test/rawSocket.js';

/** Issue 12, attacks 4 and 5: junk in documents, and drafts that try to land where their author may not write. */
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});
const track = (c: TestClient) => (cleanup.push(() => c.destroy()), c);

async function workshop(flow: 'joint' | 'partners-first') {
  const app = await startTestServer();
  cleanup.push(() => app.close());
  const w = (
    await api<CreateWorkshopResponse>(app.url, 'POST', '/api/workshops', {
      title: 'Trust',
      partners: ['Zorg', 'Gemeente'],
      flow,
    })
  ).body;
  const join = async (name: string, partner: string) =>
    (
      await api<JoinResponse>(app.url, 'POST', `/api/workshops/${w.id}/participants`, {
        name,
        partner,
        role: 'professional',
      })
    ).body;
  return { app, w, join };
}

async function attackerOn(app: { port: number }, room: string, token: string) {
  const raw = await rawSocket(app.port, room, token);
  cleanup.push(() => raw.ws.terminate());
  raw.ws.send(syncFrame(Y.encodeStateVector(new Y.Doc()), 0));
  await waitFor(() => serverStateFrom(raw.messages) !== null, 'state received');
  raw.ws.send(step2Frame(Y.encodeStateAsUpdate(new Y.Doc())));
  return Object.assign(raw, { state: serverStateFrom(raw.messages)! });
}

describe('documents hold only their layout', () => {
  it('[T6] attack 5: junk root types and a plain string in cards are refused with 4400, nothing stored', async () => {
    const { app, w, join } = await workshop('joint');
    const name = roomName(w.id, 'map:joint');
    const honest = track(connectClient(app.port, w.id, 'map:joint', (await join('Eva', 'zorg')).token));
    await synced(honest);
    const ok = createCard(honest.doc, { column: 'values', ...honest.me, text: 'echt' }, LOCAL_USER);
    await waitFor(() => getCards(app.registry.peek(name)!.doc).has(ok), 'honest card on the server');
    await waitFor(() => !app.registry.peek(name)!.hasPendingWrites, 'honest card stored');
    const rowsBefore = (await app.store.loadDoc(name)).updates.length;
    const forgeries: [string, (doc: Y.Doc) => void][] = [
      [
        '204 junk roots',
        (doc) =>
          doc.transact(() => {
            for (let i = 0; i < 204; i++) doc.getMap(`junk${i}`).set('x', i);
          }),
      ],
      ['a junk array root', (doc) => doc.getArray('junk').insert(0, [1, 2, 3])],
      ['a string in cards', (doc) => getCards(doc).set('plain', 'geen kaart' as never)],
      ['an array in cards', (doc) => getCards(doc).set('arr', new Y.Array() as never)],
      ['sequence content in the cards map', (doc) => (doc.get('cards', Y.Array) as Y.Array<number>).insert(0, [1])],
      ['a binary card field', (doc) => (getCards(doc).get(ok) as Y.Map<unknown>).set('author', new Uint8Array([1, 2]))],
      ['a number as a card status', (doc) => (getCards(doc).get(ok) as Y.Map<unknown>).set('status', 3)],
      [
        'a nested map inside a supporter',
        (doc) => {
          const card = getCards(doc).get(ok) as Y.Map<unknown>;
          const supporters = new Y.Map<unknown>();
          card.set('supporters', supporters);
          supporters.set('p1', new Y.Map());
        },
      ],
      [
        'a subdocument as a card field',
        (doc) => (getCards(doc).get(ok) as Y.Map<unknown>).set('buildsOn', new Y.Doc()),
      ],
      [
        'a NUL and a bidi override in card text [T10]',
        (doc) => {
          const text = (getCards(doc).get(ok) as Y.Map<unknown>).get('text') as Y.XmlFragment;
          const p = new Y.XmlElement('paragraph');
          p.insert(0, [new Y.XmlText('stiekem\u0000\u202Eomgekeerd')]);
          text.insert(0, [p]);
        },
      ],
      [
        'a BEL in the author name [T10]',
        (doc) => (getCards(doc).get(ok) as Y.Map<unknown>).set('authorName', 'Eva\u0007'),
      ],
      ['the server-only meta root', (doc) => doc.getMap('meta').set('schemaVersion', 99)],
    ];
    for (const [what, write] of forgeries) {
      const attacker = await attackerOn(
        app,
        name,
        (await join(`Mal ${forgeries.findIndex(([x]) => x === what)}`, 'zorg')).token,
      );
      attacker.ws.send(syncFrame(writeAs(attacker.state, 1000 + forgeries.findIndex(([x]) => x === what), write)));
      const closed = await attacker.closed;
      expect([CloseCode.MALFORMED, CloseCode.FORBIDDEN], what).toContain(closed.code);
    }
    const live = app.registry.peek(name)!.doc;
    // Only the layout's roots: the cards, the schema version the server itself writes, and the roots the
    // guard watches though they stay empty until written (`groups`, `groupMembers`, `mandates`, `signoffs`).
    expect([...live.share.keys()].sort()).toEqual(Object.keys(DOC_ROOTS.map).sort());
    expect(Object.keys(DOC_ROOTS.map).sort()).toEqual([
      'cards',
      'groupMembers',
      'groups',
      'mandates',
      'meta',
      'signoffs',
    ]);
    expect((await app.store.loadDoc(name)).updates.length).toBe(rowsBefore);
    expect(getCards(live).size).toBe(1);
    expect(honest.closes).toEqual([]);
    // Rich text itself is welcome: the honest client edits on.
    const later = createCard(
      honest.doc,
      { column: 'values', ...honest.me, text: 'nog een\nmet twee regels' },
      LOCAL_USER,
    );
    await waitFor(() => getCards(live).has(later), 'honest rich text accepted');
  });

  it("[T6] the workshop document's participant list is the server's: even the facilitator cannot write it", async () => {
    const { app, w } = await workshop('joint');
    const name = roomName(w.id, 'workshop');
    const attacker = await attackerOn(app, name, w.facilitatorToken);
    attacker.ws.send(
      syncFrame(writeAs(attacker.state, 4242, (doc) => doc.getMap('participants').set('fake', { id: 'fake' }))),
    );
    expect((await attacker.closed).code).toBe(CloseCode.FORBIDDEN);
  });
});

describe('the reveal moves a draft only where its author may write', () => {
  it("[T7] attack 4: a draft aimed at another partner's map, in a locked column, agreed, under another name, does not land there", async () => {
    const { app, w, join } = await workshop('partners-first');
    const session = track(connectClient(app.port, w.id, 'session', w.facilitatorToken));
    await synced(session);
    setSessionPlan(session.doc, { mode: 'separate' }, LOCAL_USER);
    setActiveColumns(session.doc, ['values'], LOCAL_USER);
    setPhase(session.doc, 'private', LOCAL_USER);
    const sessionRoom = () => app.registry.peek(roomName(w.id, 'session'))!.doc;
    await waitFor(() => readSession(sessionRoom()).phase === 'private', 'private phase on the server');

    const mal = await join('Mallory', 'zorg');
    const drafts = track(connectClient(app.port, w.id, `drafts:${mal.participantId}`, mal.token));
    await synced(drafts);
    const base = { author: 'someone-else' as never, authorName: 'De Wethouder', partner: 'gemeente' as never };
    const foreign = createCard(
      drafts.doc,
      { ...base, column: 'values', text: 'in hun kaart', draftFor: 'map:gemeente', status: 'agreed' },
      LOCAL_USER,
    );
    const locked = createCard(
      drafts.doc,
      { ...base, column: 'actions', text: 'dichte kolom', draftFor: 'map:zorg' },
      LOCAL_USER,
    );
    const own = createCard(
      drafts.doc,
      { ...base, column: 'values', text: 'eigen kaart', draftFor: 'map:zorg', status: 'agreed' },
      LOCAL_USER,
    );
    const draftsRoom = () => app.registry.peek(roomName(w.id, `drafts:${mal.participantId}`))!.doc;
    await waitFor(() => getCards(draftsRoom()).size === 3, 'drafts stored');

    const zorg = track(connectClient(app.port, w.id, 'map:zorg', w.facilitatorToken));
    const gemeente = track(connectClient(app.port, w.id, 'map:gemeente', w.facilitatorToken));
    await Promise.all([zorg, gemeente].map(synced));
    requestReveal(session.doc, LOCAL_USER);
    await waitFor(() => getCards(zorg.doc).has(own), 'own card revealed into the own partner map');

    const revealed = getCards(zorg.doc).get(own)!;
    expect(revealed.get('status')).toBe('open');
    expect(revealed.get('author')).toBe(mal.participantId);
    expect(revealed.get('authorName')).toBe('Mallory');
    expect(revealed.get('partner')).toBe('zorg');
    expect(getCards(gemeente.doc).has(foreign)).toBe(false);
    expect(getCards(zorg.doc).has(locked)).toBe(false);
    // What may not be placed stays with its author.
    expect(getCards(draftsRoom()).has(foreign) && getCards(draftsRoom()).has(locked)).toBe(true);
  });
});
