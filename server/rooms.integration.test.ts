import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCards } from '../shared/cardSchema.js';
import { createCard, setCardPlainText } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { CloseCode, roomName } from '../shared/protocol.js';
import { readMap } from '../shared/readModel.js';
import { connectClient, createWorkshop, startTestServer, synced, waitFor } from './test/harness.js';
import { rawSocket } from './test/rawSocket.js';
import { addsNothingNew } from './sync/updateInspection.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function server(overrides = {}) {
  const app = await startTestServer(overrides);
  cleanup.push(() => app.close());
  return app;
}

describe('rooms and persistence', () => {
  it('[P3] every update is in SQLite before any other client receives it', async () => {
    const app = await server();
    const w = await createWorkshop(app.url);
    const writer = connectClient(app.port, w.id, 'map:joint', await w.participant('W'));
    const observer = connectClient(app.port, w.id, 'map:joint', await w.participant('O', 1));
    cleanup.push(
      () => writer.destroy(),
      () => observer.destroy(),
    );
    await Promise.all([synced(writer), synced(observer)]);
    const room = roomName(w.id as never, 'map:joint');
    let checks = 0;
    const notStored: string[] = [];
    observer.doc.on('update', () => {
      // At the moment an update arrives, a document rebuilt from SQLite alone must already contain it.
      const stored = app.store.loadDoc(room);
      const fromDisk = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(fromDisk, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(fromDisk, u);
      // Disk may be ahead of the observer (a batch is broadcast message by message), never behind.
      if (!addsNothingNew(fromDisk, Y.encodeStateAsUpdate(observer.doc))) notStored.push(`after ${checks} updates`);
      checks++;
    });
    for (let i = 0; i < 30; i++) {
      const id = createCard(writer.doc, { column: 'actions', ...writer.me, text: `k${i}` }, LOCAL_USER);
      setCardPlainText(writer.doc, id, `k${i} bewerkt`, LOCAL_USER);
      if (i % 5 === 0) await new Promise((r) => setImmediate(r));
    }
    await waitFor(() => getCards(observer.doc).size === 30, 'observer has 30 cards');
    expect(checks).toBeGreaterThan(0);
    expect(notStored).toEqual([]);
  });

  it('[P4] the update log is compacted into a snapshot, and the state survives it', async () => {
    const app = await server({ compactAfterRows: 10 });
    const w = await createWorkshop(app.url);
    const a = connectClient(app.port, w.id, 'map:joint', await w.participant());
    cleanup.push(() => a.destroy());
    await synced(a);
    for (let i = 0; i < 40; i++) createCard(a.doc, { column: 'values', ...a.me, text: `v${i}` }, LOCAL_USER);
    const room = roomName(w.id as never, 'map:joint');
    await waitFor(() => {
      const s = app.store.loadDoc(room);
      return s.snapshot !== null && s.logRows < 10;
    }, 'log compacted');
    await waitFor(() => readMap(app.registry.peek(room)!.doc).cardCount === 40, 'server has 40');
    const b = connectClient(app.port, w.id, 'map:joint', await w.participant('B'));
    cleanup.push(() => b.destroy());
    await waitFor(() => readMap(b.doc).cardCount === 40, 'new client has all 40');
  });

  it('[P5] idle rooms are unloaded and load again from SQLite', async () => {
    const app = await server({ idleUnloadMs: 50 });
    const w = await createWorkshop(app.url);
    const token = await w.participant();
    const a = connectClient(app.port, w.id, 'map:joint', token);
    await synced(a);
    createCard(a.doc, { column: 'steps', ...a.me, text: 'eerste stap' }, LOCAL_USER);
    const room = roomName(w.id as never, 'map:joint');
    await waitFor(() => readMap(app.registry.peek(room)?.doc ?? new Y.Doc()).cardCount === 1, 'server has the card');
    a.destroy();
    await waitFor(() => !app.registry.has(room), 'room unloaded');
    expect(app.store.loadDoc(room).snapshot).not.toBeNull();
    const b = connectClient(app.port, w.id, 'map:joint', token);
    cleanup.push(() => b.destroy());
    await waitFor(() => readMap(b.doc).columns.steps[0]?.plainText === 'eerste stap', 'card back after reload');
  });

  it("[S10] a participant cannot open another partner's map; unknown maps are not found", async () => {
    const app = await server();
    const w = await createWorkshop(app.url);
    const tokenA = await w.participant('A', 0);
    const own = await rawSocket(app.port, roomName(w.id as never, `map:${w.partners[0].id}`), tokenA);
    const other = await rawSocket(app.port, roomName(w.id as never, `map:${w.partners[1].id}`), tokenA);
    expect((await other.closed).code).toBe(CloseCode.FORBIDDEN);
    const unknown = await rawSocket(app.port, roomName(w.id as never, 'map:nobody'), tokenA);
    expect((await unknown.closed).code).toBe(CloseCode.NOT_FOUND);
    await waitFor(() => own.messages.length > 0, 'own map answers with sync step 1');
    own.ws.close();
  });

  it('[P6] graceful shutdown flushes everything queued', async () => {
    const app = await startTestServer();
    const w = await createWorkshop(app.url);
    const token = await w.participant();
    const a = connectClient(app.port, w.id, 'map:joint', token);
    await synced(a);
    const room = roomName(w.id as never, 'map:joint');
    createCard(a.doc, { column: 'relations', ...a.me, text: 'laatste' }, LOCAL_USER);
    await waitFor(() => (app.registry.peek(room)?.doc.getMap('cards').size ?? 0) === 1, 'server applied it');
    await app.close();
    a.destroy();
    const again = await server({ dataDir: app.config.dataDir });
    const b = connectClient(again.port, w.id, 'map:joint', token);
    cleanup.push(() => b.destroy());
    await waitFor(() => readMap(b.doc).columns.relations[0]?.plainText === 'laatste', 'card kept');
  });

  it('[P7] a failed commit broadcasts nothing; the client reconnects and its edit is stored after all', async () => {
    const app = await server();
    const w = await createWorkshop(app.url);
    const a = connectClient(app.port, w.id, 'map:joint', await w.participant('A'));
    const b = connectClient(app.port, w.id, 'map:joint', await w.participant('B'));
    // A bare socket does not reconnect: every frame it gets until its 4500 is what the failed batch sent.
    const watcher = await rawSocket(app.port, roomName(w.id as never, 'map:joint'), await w.participant('C'));
    cleanup.push(
      () => a.destroy(),
      () => b.destroy(),
      () => watcher.ws.close(),
    );
    await Promise.all([synced(a), synced(b), waitFor(() => watcher.messages.length > 0, 'watcher got sync step 1')]);
    // Simulate a full disk for exactly one commit; remember when the retry is stored.
    const real = app.store.appendUpdates;
    let failures = 0;
    let retryStored = false;
    app.store.appendUpdates = (updates) => {
      if (failures++ === 0) throw new Error('SQLITE_FULL: database or disk is full');
      real(updates);
      retryStored = true;
    };
    // The moment B first holds the card, the retry must already be in SQLite.
    let storedWhenBSawIt: boolean | null = null;
    b.doc.on('update', () => {
      if (storedWhenBSawIt === null && getCards(b.doc).has(id)) storedWhenBSawIt = retryStored;
    });
    const id = createCard(a.doc, { column: 'values', ...a.me, text: 'na de storing' }, LOCAL_USER);
    await waitFor(() => a.closes.some((c) => c.code === CloseCode.SERVER_ERROR), 'author disconnected with 4500');
    expect((await watcher.closed).code).toBe(CloseCode.SERVER_ERROR);
    // Nothing of the failed batch reached the watcher: no sync update frame in all it received.
    const updates = watcher.messages.filter((m) => m[0] === 0 && m[1] === 2);
    expect(updates).toEqual([]);
    await waitFor(() => getCards(b.doc).has(id), 'after reconnecting, the edit arrives at B');
    expect(storedWhenBSawIt).toBe(true);
    expect(b.closes.some((c) => c.code === CloseCode.SERVER_ERROR)).toBe(true);
    const room = roomName(w.id as never, 'map:joint');
    await waitFor(() => !app.registry.peek(room)?.hasPendingWrites, 'stored');
    const stored = app.store.loadDoc(room);
    const fromDisk = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(fromDisk, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(fromDisk, u);
    expect(getCards(fromDisk).has(id)).toBe(true);
  });
});
