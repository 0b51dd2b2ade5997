import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCards } from '../shared/cardSchema.js';
import { createCard, deleteCard, setCardPlainText } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { CloseCode, MESSAGE_SYNC, roomName, SYNC_STEP2, SYNC_UPDATE } from '../shared/protocol.js';
import { readMap } from '../shared/readModel.js';
import {
  connectClient,
  createWorkshop,
  mapJson,
  startTestServer,
  synced,
  waitFor,
  waitForAsync,
} from './test/harness.js';
import { rawSocket } from './test/rawSocket.js';
import { syncFrame } from './test/forge.js';
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

/** A newcomer's frames after it asked for the whole document: sync updates and the step 2, in order of arrival. */
async function joinFrames(port: number, room: string, token: string) {
  const s = await rawSocket(port, room, token);
  const from = s.messages.length;
  s.ws.send(syncFrame(Y.encodeStateVector(new Y.Doc()), 0));
  const parsed = () =>
    s.messages.slice(from).flatMap((m) => {
      const d = decoding.createDecoder(m);
      if (decoding.readVarUint(d) !== MESSAGE_SYNC) return [];
      const sub = decoding.readVarUint(d);
      return sub === SYNC_STEP2 || sub === SYNC_UPDATE ? [{ sub, update: decoding.readVarUint8Array(d) }] : [];
    });
  await waitFor(() => parsed().some((f) => f.sub === SYNC_STEP2), 'the step 2 arrived');
  s.ws.close();
  return parsed();
}

describe('rooms and persistence', () => {
  it('[P10] a newcomer gets the document encoded once plus what changed since, the updates first', async () => {
    const app = await server();
    const w = await createWorkshop(app.url);
    const writer = connectClient(app.port, w.id, 'map:joint', await w.participant('W'));
    cleanup.push(() => writer.destroy());
    await synced(writer);
    const name = roomName(w.id as never, 'map:joint');
    const room = app.registry.peek(name)!;
    // Each change stored (and broadcast) on its own, as in a live room.
    const stored = () =>
      waitFor(() => !room.hasPendingWrites && mapJson(room.doc) === mapJson(writer.doc), 'change stored');
    const first = createCard(writer.doc, { column: 'values', ...writer.me, text: 'een' }, LOCAL_USER);
    await stored();
    // A's step 2 may follow updates: the writer's own join had the document encoded before the card.
    const a = await joinFrames(app.port, name, await w.participant('A'));
    const step2 = a.at(-1)!;
    expect(step2.sub).toBe(SYNC_STEP2);
    /** Frames a newcomer got hold the whole document, applied in the order they arrived. */
    const whole = (frames: { update: Uint8Array }[]) => {
      const fresh = new Y.Doc();
      for (const f of frames) Y.applyUpdate(fresh, f.update);
      expect(fresh.store.pendingStructs).toBeNull();
      expect(mapJson(fresh)).toBe(mapJson(room.doc));
    };
    const same = (x: Uint8Array, y: Uint8Array) => Buffer.from(x).equals(Buffer.from(y));
    // A few changes: the newcomer gets the frames that were broadcast, then the same step 2 as A.
    const second = createCard(writer.doc, { column: 'values', ...writer.me, text: 'twee' }, LOCAL_USER);
    await stored();
    setCardPlainText(writer.doc, first, 'een, bewerkt', LOCAL_USER);
    await stored();
    deleteCard(writer.doc, second, LOCAL_USER);
    await stored();
    const b = await joinFrames(app.port, name, await w.participant('B'));
    expect(b.length).toBeGreaterThanOrEqual(4);
    expect(b.slice(0, -1).every((f) => f.sub === SYNC_UPDATE)).toBe(true);
    expect(same(b.at(-1)!.update, step2.update)).toBe(true);
    whole(b);
    expect(getCards(room.doc).has(second)).toBe(false);
    // Many small changes: what changed since the step 2 is encoded as one update.
    for (let i = 0; i < 20; i++) {
      setCardPlainText(writer.doc, first, `een, versie ${i}`, LOCAL_USER);
      await stored();
    }
    const c = await joinFrames(app.port, name, await w.participant('C'));
    expect(c.map((f) => f.sub)).toEqual([SYNC_UPDATE, SYNC_STEP2]);
    expect(same(c[1].update, step2.update)).toBe(true);
    whole(c);
    // Once what changed passes half the document's size (and 16 KB), the document is encoded afresh.
    for (let i = 0; i < 40; i++) {
      createCard(writer.doc, { column: 'actions', ...writer.me, text: `${i} ${'x'.repeat(550)}` }, LOCAL_USER);
      await stored();
    }
    const d = await joinFrames(app.port, name, await w.participant('D'));
    expect(d.map((f) => f.sub)).toEqual([SYNC_STEP2]);
    expect(same(d[0].update, step2.update)).toBe(false);
    whole(d);
  });

  it('[P3][P10] what changed since the step 2, encoded while a batch is on its way to disk, waits for it', async () => {
    const app = await server();
    const w = await createWorkshop(app.url);
    const writer = connectClient(app.port, w.id, 'map:joint', await w.participant('W'));
    cleanup.push(() => writer.destroy());
    await synced(writer);
    const name = roomName(w.id as never, 'map:joint');
    const room = app.registry.peek(name)!;
    const id = createCard(writer.doc, { column: 'values', ...writer.me, text: 'v0' }, LOCAL_USER);
    // Enough stored changes that the next newcomer's update is encoded from the document, not kept frames.
    for (let i = 1; i <= 20; i++) {
      setCardPlainText(writer.doc, id, `v${i}`, LOCAL_USER);
      await waitFor(() => !room.hasPendingWrites && mapJson(room.doc) === mapJson(writer.doc), 'stored');
    }
    const real = app.writer.appendUpdates.bind(app.writer);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    app.writer.appendUpdates = async (updates, owners) => {
      if (++calls === 1) await gate;
      await real(updates, owners);
    };
    const held = createCard(writer.doc, { column: 'values', ...writer.me, text: 'onderweg' }, LOCAL_USER);
    await waitFor(() => calls === 1, 'the batch with the new card is on its way');
    const s = await rawSocket(app.port, name, await w.participant('N'));
    cleanup.push(() => s.ws.close());
    s.ws.send(syncFrame(Y.encodeStateVector(new Y.Doc()), 0));
    const waiting = () => (room as unknown as { afterCommit: unknown[] }).afterCommit.length;
    await waitFor(() => waiting() > 0, "the newcomer's frames are waiting");
    // Nothing but the server's step 1 (and presence) has reached the newcomer while the card is not stored.
    const syncFrames = () => s.messages.filter((m) => m[0] === MESSAGE_SYNC && m[1] !== 0);
    expect(syncFrames()).toEqual([]);
    release();
    await waitFor(() => syncFrames().some((m) => m[1] === SYNC_STEP2), 'the step 2 arrived');
    const fresh = new Y.Doc();
    for (const m of syncFrames()) {
      const d = decoding.createDecoder(m);
      decoding.readVarUint(d);
      decoding.readVarUint(d);
      Y.applyUpdate(fresh, decoding.readVarUint8Array(d));
    }
    expect(getCards(fresh).has(held)).toBe(true);
    expect(mapJson(fresh)).toBe(mapJson(room.doc));
  });

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
    const reads: Promise<void>[] = [];
    observer.doc.on('update', () => {
      // At the moment an update arrives, a document rebuilt from the store alone must already contain
      // it. The state seen is taken now; the store is read now (SQLite) or a moment later (Postgres),
      // when it may be further ahead, never behind what was seen.
      const seen = Y.encodeStateAsUpdate(observer.doc);
      const at = checks++;
      reads.push(
        app.store.loadDoc(room).then((stored) => {
          const fromDisk = new Y.Doc();
          if (stored.snapshot) Y.applyUpdate(fromDisk, stored.snapshot);
          for (const u of stored.updates) Y.applyUpdate(fromDisk, u);
          if (!addsNothingNew(fromDisk, seen)) notStored.push(`after ${at} updates`);
        }),
      );
    });
    for (let i = 0; i < 30; i++) {
      const id = createCard(writer.doc, { column: 'actions', ...writer.me, text: `k${i}` }, LOCAL_USER);
      setCardPlainText(writer.doc, id, `k${i} bewerkt`, LOCAL_USER);
      if (i % 5 === 0) await new Promise((r) => setImmediate(r));
    }
    await waitFor(() => getCards(observer.doc).size === 30, 'observer has 30 cards');
    await Promise.all(reads);
    expect(checks).toBeGreaterThan(0);
    expect(notStored).toEqual([]);
  });

  it('[P3][P8] a change made while a commit is on its way to disk waits for its own commit', async () => {
    const app = await server();
    const w = await createWorkshop(app.url);
    const writer = connectClient(app.port, w.id, 'map:joint', await w.participant('W'));
    const observer = connectClient(app.port, w.id, 'map:joint', await w.participant('O'));
    cleanup.push(
      () => writer.destroy(),
      () => observer.destroy(),
    );
    await Promise.all([synced(writer), synced(observer)]);
    // Hold the first batch on its way to disk until the second change has been applied.
    const real = app.writer.appendUpdates.bind(app.writer);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const batches: number[] = [];
    const stored = new Set<number>();
    app.writer.appendUpdates = async (updates, owners) => {
      const n = batches.push(updates.length);
      if (n === 1) await gate;
      await real(updates, owners);
      stored.add(n);
    };
    const seenWith: { card: string; storedBatches: number[] }[] = [];
    observer.doc.on('update', () => {
      for (const id of getCards(observer.doc).keys())
        if (!seenWith.some((s) => s.card === id)) seenWith.push({ card: id, storedBatches: [...stored] });
    });
    const first = createCard(writer.doc, { column: 'values', ...writer.me, text: 'een' }, LOCAL_USER);
    await waitFor(() => batches.length === 1, 'first batch on its way');
    const room = app.registry.peek(roomName(w.id as never, 'map:joint'))!;
    const second = createCard(writer.doc, { column: 'values', ...writer.me, text: 'twee' }, LOCAL_USER);
    await waitFor(() => room.doc.getMap('cards').has(second), 'second change applied while the first is in flight');
    release();
    await waitFor(() => getCards(observer.doc).size === 2, 'observer has both');
    // The second card travelled in a batch of its own and was seen only once that batch was stored.
    expect(batches.length).toBeGreaterThanOrEqual(2);
    expect(seenWith.find((s) => s.card === first)?.storedBatches).toContain(1);
    expect(seenWith.find((s) => s.card === second)?.storedBatches).toContain(2);
  });

  it('[P3][P8] a sync step 2 asked for while a batch is in flight holds nothing of a later batch', async () => {
    const app = await server();
    const w = await createWorkshop(app.url);
    const writer = connectClient(app.port, w.id, 'map:joint', await w.participant('W'));
    cleanup.push(() => writer.destroy());
    await synced(writer);
    const real = app.writer.appendUpdates.bind(app.writer);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    const stored = new Set<number>();
    app.writer.appendUpdates = async (updates, owners) => {
      const n = ++calls;
      if (n === 1) await gate;
      await real(updates, owners);
      stored.add(n);
    };
    const room = app.registry.peek(roomName(w.id as never, 'map:joint'))!;
    const waiting = () => (room as unknown as { afterCommit: unknown[] }).afterCommit.length;
    createCard(writer.doc, { column: 'values', ...writer.me, text: 'een' }, LOCAL_USER);
    await waitFor(() => calls === 1, 'first batch on its way');
    // A newcomer asks for the state now; its answer waits for the first batch.
    const late = connectClient(app.port, w.id, 'map:joint', await w.participant('L'));
    cleanup.push(() => late.destroy());
    await waitFor(() => waiting() > 0, "the newcomer's step 2 is waiting");
    const second = createCard(writer.doc, { column: 'values', ...writer.me, text: 'twee' }, LOCAL_USER);
    await waitFor(() => room.doc.getMap('cards').has(second), 'second change applied');
    let secondSeenWith: number[] | null = null;
    late.doc.on('update', () => {
      if (secondSeenWith === null && getCards(late.doc).has(second)) secondSeenWith = [...stored];
    });
    release();
    await waitFor(() => getCards(late.doc).size === 2, 'newcomer has both');
    expect(secondSeenWith).toContain(2);
  });

  it('[P4] the update log is compacted into a snapshot, and the state survives it', async () => {
    const app = await server({ compactAfterRows: 10 });
    const w = await createWorkshop(app.url);
    const a = connectClient(app.port, w.id, 'map:joint', await w.participant());
    cleanup.push(() => a.destroy());
    await synced(a);
    for (let i = 0; i < 40; i++) createCard(a.doc, { column: 'values', ...a.me, text: `v${i}` }, LOCAL_USER);
    const room = roomName(w.id as never, 'map:joint');
    await waitForAsync(async () => {
      const s = await app.store.loadDoc(room);
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
    // The snapshot taken on unload is written by the writer thread; wait for what it has been given.
    await app.writer.drain();
    expect((await app.store.loadDoc(room)).snapshot).not.toBeNull();
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
    const real = app.writer.appendUpdates.bind(app.writer);
    let failures = 0;
    let retryStored = false;
    app.writer.appendUpdates = async (updates, owners) => {
      if (failures++ === 0) throw new Error('SQLITE_FULL: database or disk is full');
      await real(updates, owners);
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
    // Nothing of the failed batch reached the watcher: no update frame it received holds the card
    // (the room's own schema-version write, committed when the room loaded, may be among them).
    const seen = new Y.Doc();
    for (const m of watcher.messages.filter((m) => m[0] === 0 && m[1] === 2)) {
      const d = decoding.createDecoder(m);
      decoding.readVarUint(d);
      decoding.readVarUint(d);
      Y.applyUpdate(seen, decoding.readVarUint8Array(d));
    }
    expect(getCards(seen).has(id)).toBe(false);
    await waitFor(() => getCards(b.doc).has(id), 'after reconnecting, the edit arrives at B');
    expect(storedWhenBSawIt).toBe(true);
    expect(b.closes.some((c) => c.code === CloseCode.SERVER_ERROR)).toBe(true);
    const room = roomName(w.id as never, 'map:joint');
    await waitFor(() => !app.registry.peek(room)?.hasPendingWrites, 'stored');
    const stored = await app.store.loadDoc(room);
    const fromDisk = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(fromDisk, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(fromDisk, u);
    expect(getCards(fromDisk).has(id)).toBe(true);
  });
});
