import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCards } from '../shared/cardSchema.js';
import { createCard, moveCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { readMap } from '../shared/readModel.js';
import { setCardPlainText } from '../shared/ops.js';
import { roomName } from '../shared/protocol.js';
import {
  identityOf,
  connectClient,
  createWorkshop,
  startTestServer,
  synced,
  waitFor,
  type TestClient,
  mapJson,
} from './test/harness.js';
import { rawSocket } from './test/rawSocket.js';
import type { App } from './app.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function server(overrides = {}) {
  const app = await startTestServer(overrides);
  cleanup.push(() => app.close());
  return app;
}

function client(app: App, workshopId: string, token: string, doc: 'map:joint' = 'map:joint'): TestClient {
  const c = connectClient(app.port, workshopId, doc, token);
  cleanup.push(() => c.destroy());
  return c;
}

describe('sync', () => {
  it('[S1] two real y-websocket clients converge on the same map', async () => {
    const app = await server();
    const w = await createWorkshop(app.url);
    const a = client(app, w.id, await w.participant('Anna', 0));
    const b = client(app, w.id, await w.participant('Bram', 1));
    await Promise.all([synced(a), synced(b)]);
    const id = createCard(a.doc, { column: 'values', ...a.me, text: 'Samen sterk' }, LOCAL_USER);
    const id2 = createCard(b.doc, { column: 'steps', ...b.me, text: 'Eerste overleg' }, LOCAL_USER);
    await waitFor(() => readMap(b.doc).cardCount === 2, 'b sees both cards');
    moveCard(b.doc, id2, 'values', 0, LOCAL_USER);
    await waitFor(() => readMap(a.doc).cardCount === 2 && readMap(b.doc).cardCount === 2, 'both cards on both clients');
    await waitFor(() => mapJson(a.doc) === mapJson(b.doc), 'identical maps');
    expect(readMap(a.doc).columns.values.map((c) => c.id)).toEqual([id2, id]);
    expect(readMap(b.doc).columns.values[1].plainText).toBe('Samen sterk');
  });

  it('[S2] a late joiner gets the full state', async () => {
    const app = await server();
    const w = await createWorkshop(app.url);
    const a = client(app, w.id, await w.participant());
    await synced(a);
    for (let i = 0; i < 20; i++) {
      createCard(a.doc, { column: 'relations', ...a.me, text: `kaart ${i}` }, LOCAL_USER);
    }
    const late = client(app, w.id, await w.participant('Late'));
    await waitFor(() => readMap(late.doc).cardCount === 20, 'late joiner has all 20 cards');
    expect(mapJson(late.doc)).toBe(mapJson(a.doc));
  });

  it('[S3] the sender gets its own update back as its acknowledgement, and so does every other connection; what is acknowledged is in SQLite', async () => {
    const app = await server();
    const w = await createWorkshop(app.url);
    const room = roomName(w.id as never, 'map:joint');
    const senderToken = await w.participant('Sender');
    const sender = await rawSocket(app.port, room, senderToken);
    const other = client(app, w.id, await w.participant('Other', 1));
    cleanup.push(() => sender.ws.close());
    await Promise.all([synced(other), waitFor(() => sender.messages.length > 0, 'sender got sync step 1')]);
    // What a document rebuilt from SQLite alone holds, and whether a sync-update frame adds a card.
    // The store is read at once (SQLite) or a moment later (Postgres): never behind what was sent.
    const storedCards = async () => {
      const stored = await app.store.loadDoc(room);
      const fromDisk = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(fromDisk, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(fromDisk, u);
      return getCards(fromDisk);
    };
    const cardsIn = (frame: Uint8Array) => {
      const d = decoding.createDecoder(frame);
      if (decoding.readVarUint(d) !== 0 || decoding.readVarUint(d) !== 2) return null;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, decoding.readVarUint8Array(d));
      return getCards(doc);
    };
    // The sender writes one card as a plain update frame, the way the provider does.
    const local = new Y.Doc();
    const id = createCard(local, { column: 'values', ...identityOf(senderToken), text: 'echo' }, LOCAL_USER);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(local));
    let storedAtEcho: Promise<boolean> | null = null;
    sender.ws.on('message', (data: Buffer) => {
      if (storedAtEcho === null && cardsIn(new Uint8Array(data))?.has(id))
        storedAtEcho = storedCards().then((cards) => cards.has(id));
    });
    let storedAtOther: Promise<boolean> | null = null;
    other.doc.on('update', () => {
      if (storedAtOther === null && getCards(other.doc).has(id))
        storedAtOther = storedCards().then((cards) => cards.has(id));
    });
    // (That nothing is sent before the commit succeeds is what P3 and P7 check: in one process the order of a
    // send and a synchronous commit in the same turn cannot be observed from the receiving end.)
    sender.ws.send(encoding.toUint8Array(e));
    await waitFor(
      () => storedAtEcho !== null && storedAtOther !== null,
      'the update reached the sender and the other client',
    );
    expect({ storedAtEcho: await storedAtEcho, storedAtOther: await storedAtOther }).toEqual({
      storedAtEcho: true,
      storedAtOther: true,
    });
  });

  it('[P1] a restart keeps everything', async () => {
    const first = await startTestServer();
    const w = await createWorkshop(first.url);
    const token = await w.participant();
    const a = connectClient(first.port, w.id, 'map:joint', token);
    await synced(a);
    const id = createCard(a.doc, { column: 'conditions', ...a.me, text: 'Een ruimte' }, LOCAL_USER);
    setCardPlainText(a.doc, id, 'Een ruimte in het buurthuis', LOCAL_USER);
    // The echo of our own write is the acknowledgement; wait until the server has everything.
    const room = () => first.registry.peek(roomName(w.id as never, 'map:joint'));
    await waitFor(
      () => !!room() && mapJson(room()!.doc) === mapJson(a.doc) && !room()!.hasPendingWrites,
      'server has it stored',
    );
    const before = mapJson(a.doc);
    a.destroy();
    await first.close();

    const second = await server({ dataDir: first.config.dataDir, port: 0 });
    const b = client(second, w.id, token);
    await synced(b);
    await waitFor(() => readMap(b.doc).cardCount === 1, 'card back after restart');
    expect(mapJson(b.doc)).toBe(before);
  });
});
