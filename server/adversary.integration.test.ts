import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCards } from '../shared/cardSchema.js';
import { createCard, deleteCard, setCardPlainText } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { CloseCode, roomName } from '../shared/protocol.js';
import type { App } from './app.js';
import type { Config } from './config.js';
import {
  deleteFutureRange,
  gappedUpdate,
  childOfNonType,
  forwardSelfReference,
  gcClaim,
  pendingOnVictimsNextItem,
  serverStateFrom,
  skipStruct,
  stateOf,
  step2Frame,
  syncFrame,
  writeAs,
} from './test/forge.js';
import type { JoinResponse } from '../shared/api.js';
import {
  identityOf,
  api,
  connectClient,
  createWorkshop,
  heavy,
  startTestServer,
  synced,
  waitFor,
  type TestClient,
  mapJson,
} from './test/harness.js';
import { openTestStore } from './test/testStore.js';
import { rawSocket, type RawSocket } from './test/rawSocket.js';

/**
 * Issue 12: an attacker with a participant token speaks raw y-protocols frames. Every forged update
 * closes the sender with a clear code, and nothing of it is applied, stored or served; the honest
 * clients keep working.
 */
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const track = (c: TestClient) => (cleanup.push(() => c.destroy()), c);

async function room(overrides: Partial<Config> = {}) {
  const app = await startTestServer(overrides);
  cleanup.push(() => app.close());
  const w = await createWorkshop(app.url);
  const name = roomName(w.id as never, 'map:joint');
  const facilitator = track(connectClient(app.port, w.id, 'map:joint', w.facilitatorToken));
  const victim = track(connectClient(app.port, w.id, 'map:joint', await w.participant('Vera', 1)));
  await Promise.all([facilitator, victim].map(synced));
  const first = createCard(
    facilitator.doc,
    { column: 'values', author: '', authorName: 'F', partner: '', text: 'eerste' },
    LOCAL_USER,
  );
  createCard(victim.doc, { column: 'values', ...victim.me, text: 'van Vera' }, LOCAL_USER);
  const live = () => app.registry.peek(name)!;
  await waitFor(() => getCards(live().doc).size === 2, 'both first cards on the server');
  await waitFor(() => !live().hasPendingWrites, 'first cards stored');
  const malloryToken = await w.participant('Mallory');
  const attacker = await connectRaw(app, name, malloryToken);
  return { app, w, name, facilitator, victim, first, live, attacker, malloryToken };
}

async function connectRaw(app: App, name: string, token: string): Promise<RawSocket & { state: Uint8Array }> {
  const raw = await rawSocket(app.port, name, token);
  cleanup.push(() => raw.ws.terminate());
  // Ask for the state like a provider does (sync step 1 with an empty state vector).
  raw.ws.send(syncFrame(Y.encodeStateVector(new Y.Doc()), 0));
  await waitFor(() => serverStateFrom(raw.messages) !== null, 'attacker got the server state');
  // Like a provider: answer the server's sync step 1 (after that, nothing sent may be pending).
  raw.ws.send(step2Frame(Y.encodeStateAsUpdate(new Y.Doc())));
  return Object.assign(raw, { state: serverStateFrom(raw.messages)! });
}

/** Join on a (restarted) server. */
async function joinOn(app: App, workshopId: string, name: string): Promise<string> {
  const info = await api<{ partners: { id: string }[] }>(app.url, 'GET', `/api/workshops/${workshopId}`);
  const joined = await api<JoinResponse>(app.url, 'POST', `/api/workshops/${workshopId}/participants`, {
    name,
    partner: info.body.partners[0].id,
    role: 'professional',
  });
  return joined.body.token;
}

/** What the server holds and has stored for a room: compared before and after an attack. */
async function footprint(app: App, name: string) {
  const live = app.registry.peek(name)!;
  const stored = await app.store.loadDoc(name);
  return {
    state: Array.from(Y.encodeStateVector(live.doc)),
    bytes: Y.encodeStateAsUpdate(live.doc).length,
    rows: stored.updates.length + (stored.snapshot ? 1 : 0),
    pending: live.doc.store.pendingStructs !== null || live.doc.store.pendingDs !== null,
  };
}

/** Others are unaffected: both honest clients keep writing, and a fresh client sees exactly that. */
async function othersUnaffected(t: Awaited<ReturnType<typeof room>>) {
  const a = createCard(
    t.facilitator.doc,
    { column: 'values', author: '', authorName: 'F', partner: '', text: 'daarna F' },
    LOCAL_USER,
  );
  const b = createCard(t.victim.doc, { column: 'values', ...t.victim.me, text: 'daarna V' }, LOCAL_USER);
  const fresh = track(connectClient(t.app.port, t.w.id, 'map:joint', await t.w.participant('Fresh')));
  await waitFor(() => getCards(fresh.doc).has(a) && getCards(fresh.doc).has(b), 'fresh client sees both later cards');
  await waitFor(
    () => mapJson(t.facilitator.doc) === mapJson(fresh.doc) && mapJson(t.victim.doc) === mapJson(fresh.doc),
    'all identical',
  );
  expect(getCards(fresh.doc).get(a)).toBeInstanceOf(Y.Map);
  expect(getCards(fresh.doc).get(t.first)).toBeInstanceOf(Y.Map);
  expect(t.facilitator.closes).toEqual([]);
  expect(t.victim.closes).toEqual([]);
}

describe('forged Yjs updates are refused per sender', () => {
  it("[T2] attack 1: a struct pending on the facilitator's next item is refused, never integrated in their transaction", async () => {
    const t = await room();
    const fac = t.facilitator.doc.clientID;
    const before = await footprint(t.app, t.name);
    const forged = pendingOnVictimsNextItem(t.attacker.state, fac, 424242, 'planted');
    t.attacker.ws.send(syncFrame(forged));
    expect((await t.attacker.closed).code).toBe(CloseCode.MALFORMED);
    expect(await footprint(t.app, t.name)).toEqual(before);
    // The facilitator's next transaction is the one the forged card waited for.
    await othersUnaffected(t);
    expect(getCards(t.live().doc).has('planted')).toBe(false);
  });

  it("[T3] attack 2: a delete set over someone's future clocks is refused; their later cards survive", async () => {
    const t = await room();
    const fac = t.facilitator.doc.clientID;
    const before = await footprint(t.app, t.name);
    const forged = deleteFutureRange(fac, stateOf(t.attacker.state).get(fac)!);
    expect(forged.length).toBeLessThanOrEqual(14);
    t.attacker.ws.send(syncFrame(forged));
    expect((await t.attacker.closed).code).toBe(CloseCode.MALFORMED);
    expect(await footprint(t.app, t.name)).toEqual(before);
    await othersUnaffected(t);
  });

  it("[T4] attack 3: a GC struct over another participant's clock range is refused; their card still arrives", async () => {
    const t = await room();
    const victim = t.victim.doc.clientID;
    const before = await footprint(t.app, t.name);
    const forged = gcClaim(victim, stateOf(t.attacker.state).get(victim)!);
    expect(forged.length).toBeLessThanOrEqual(13);
    t.attacker.ws.send(syncFrame(forged));
    expect((await t.attacker.closed).code).toBe(CloseCode.FORBIDDEN);
    expect(await footprint(t.app, t.name)).toEqual(before);
    await othersUnaffected(t);
  });

  it("[T1] a well-formed change under another participant's client id is refused with 4403", async () => {
    const t = await room();
    const before = await footprint(t.app, t.name);
    const forged = writeAs(t.attacker.state, t.victim.doc.clientID, (doc) => {
      createCard(
        doc,
        { column: 'values', author: '', authorName: 'V', partner: '', text: 'niet van Vera' },
        LOCAL_USER,
      );
    });
    t.attacker.ws.send(syncFrame(forged));
    expect((await t.attacker.closed).code).toBe(CloseCode.FORBIDDEN);
    expect(await footprint(t.app, t.name)).toEqual(before);
    await othersUnaffected(t);
  });

  it('[T1] a client id is bound to its participant: after a restart, another participant still cannot use it', async () => {
    const t = await room();
    const dataDir = t.app.config.dataDir;
    const clientId = 777001;
    // Mallory's own first write binds 777001 to Mallory.
    const own = writeAs(t.attacker.state, clientId, (doc) => {
      createCard(doc, { column: 'values', ...identityOf(t.malloryToken), text: 'van M' }, LOCAL_USER);
    });
    t.attacker.ws.send(syncFrame(own));
    await waitFor(() => getCards(t.facilitator.doc).size === 3, "Mallory's own card accepted");
    t.facilitator.destroy();
    t.victim.destroy();
    await t.app.close();
    const again = await startTestServer({ dataDir });
    cleanup.push(() => again.close());
    const other = await connectRaw(again, t.name, await joinOn(again, t.w.id, 'Otto'));
    const stolen = writeAs(other.state, clientId, (doc) => {
      createCard(doc, { column: 'values', author: '', authorName: 'O', partner: '', text: 'als M' }, LOCAL_USER);
    });
    other.ws.send(syncFrame(stolen));
    expect((await other.closed).code).toBe(CloseCode.FORBIDDEN);
    expect(getCards(again.registry.peek(t.name)!.doc).size).toBe(3);
    // The binding was stored with the update: Mallory herself goes on under the same id after the restart.
    const mallory = await connectRaw(again, t.name, t.malloryToken);
    const more = writeAs(mallory.state, clientId, (doc) => {
      createCard(doc, { column: 'values', ...identityOf(t.malloryToken), text: 'nog een van M' }, LOCAL_USER);
    });
    mallory.ws.send(syncFrame(more));
    await waitFor(() => getCards(again.registry.peek(t.name)!.doc).size === 4, 'Mallory continues under her own id');
  });

  it('[T2][T9] attack 7: a gapped update is refused, and never served to a joiner', async () => {
    const t = await room();
    const before = await footprint(t.app, t.name);
    const forged = gappedUpdate(515151, (doc) => getCards(doc).set('ghost', 'x'.repeat(50_000) as never));
    t.attacker.ws.send(syncFrame(forged));
    expect((await t.attacker.closed).code).toBe(CloseCode.MALFORMED);
    expect(await footprint(t.app, t.name)).toEqual(before);
    const joiner = await connectRaw(t.app, t.name, await t.w.participant('Jo'));
    expect(stateOf(joiner.state).has(515151)).toBe(false);
    expect(joiner.state.length).toBeLessThan(10_000);
  });

  it("[T2] before its sync step 2 a connection's pending update is dropped whole; after it, refused with 4400", async () => {
    const t = await room();
    const before = await footprint(t.app, t.name);
    const raw = await rawSocket(t.app.port, t.name, await t.w.participant('Early'));
    cleanup.push(() => raw.ws.terminate());
    const gapped = gappedUpdate(525252, (doc) => getCards(doc).set('early', 'x' as never));
    raw.ws.send(syncFrame(gapped));
    raw.ws.send(step2Frame(Y.encodeStateAsUpdate(new Y.Doc())));
    // The step 2 is answered in order: once the room has handled it, the gapped update was dropped.
    raw.ws.send(syncFrame(Y.encodeStateVector(new Y.Doc()), 0));
    await waitFor(
      () => raw.messages.filter((m) => m[0] === 0 && m[1] === 1).length >= 1,
      'state received after step 2',
    );
    expect(await footprint(t.app, t.name)).toEqual(before);
    raw.ws.send(syncFrame(gapped));
    expect((await raw.closed).code).toBe(CloseCode.MALFORMED);
    expect(await footprint(t.app, t.name)).toEqual(before);
  });

  it('[T9] pending content left in the store by an older server is neither served nor integrated later', async () => {
    const t = await room();
    const forged = gappedUpdate(616161, (doc) => getCards(doc).set('ghost', 'old junk' as never));
    t.facilitator.destroy();
    t.victim.destroy();
    t.attacker.ws.terminate();
    const dataDir = t.app.config.dataDir;
    await t.app.close();
    const raw = await openTestStore(dataDir);
    await raw.appendUpdates([{ room: t.name, workshopId: t.w.id, data: forged }]);
    await raw.close();
    const again = await startTestServer({ dataDir });
    cleanup.push(() => again.close());
    const joiner = await connectRaw(again, t.name, await joinOn(again, t.w.id, 'Jo'));
    expect(stateOf(joiner.state).has(616161)).toBe(false);
    expect(again.registry.peek(t.name)!.doc.store.pendingStructs).toBeNull();
  });

  it('[T4] Skip structs, and references to positions that do not exist, are refused with 4400', async () => {
    const t = await room();
    const before = await footprint(t.app, t.name);
    t.attacker.ws.send(syncFrame(skipStruct(888, 0)));
    expect((await t.attacker.closed).code).toBe(CloseCode.MALFORMED);
    const second = await connectRaw(t.app, t.name, await t.w.participant('Mal2'));
    // An item whose left origin is a later clock of its own client: Yjs would throw halfway through applying it.
    second.ws.send(syncFrame(forwardSelfReference(999)));
    expect((await second.closed).code).toBe(CloseCode.MALFORMED);
    const third = await connectRaw(t.app, t.name, await t.w.participant('Mal3'));
    // An item whose parent is an existing item that is not a type.
    third.ws.send(syncFrame(childOfNonType(998, t.attacker.state)));
    expect((await third.closed).code).toBe(CloseCode.MALFORMED);
    expect(await footprint(t.app, t.name)).toEqual(before);
    await othersUnaffected(t);
  });

  it('[T5] an update with more structs than PKL_MAX_STRUCTS_PER_UPDATE closes with 4413', async () => {
    const t = await room({ maxStructsPerUpdate: 100 });
    const before = await footprint(t.app, t.name);
    const doc = new Y.Doc();
    doc.clientID = 3131;
    Y.applyUpdate(doc, t.attacker.state);
    const sv = Y.encodeStateVector(doc);
    doc.transact(() => {
      for (let i = 0; i < 200; i++) getCards(doc).set(`k${i}`, i as never);
    });
    t.attacker.ws.send(syncFrame(Y.encodeStateAsUpdate(doc, sv)));
    expect((await t.attacker.closed).code).toBe(CloseCode.TOO_LARGE);
    expect(await footprint(t.app, t.name)).toEqual(before);
  });
});

describe('every resource is bounded with a clear code', () => {
  it('[T5] item 9: a document that would grow past PKL_MAX_DOC_BYTES refuses the change with 4413; the room lives on', async () => {
    const t = await room({ maxDocBytes: 200_000, maxBytesPerSecond: 100_000_000 });
    const before = await footprint(t.app, t.name);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, t.attacker.state);
    const sv = Y.encodeStateVector(doc);
    const id = createCard(
      doc,
      { column: 'values', author: '', authorName: 'M', partner: '', text: 'x'.repeat(250_000) },
      LOCAL_USER,
    );
    t.attacker.ws.send(syncFrame(Y.encodeStateAsUpdate(doc, sv)));
    expect((await t.attacker.closed).code).toBe(CloseCode.TOO_LARGE);
    expect(await footprint(t.app, t.name)).toEqual(before);
    expect(getCards(t.live().doc).has(id)).toBe(false);
    await othersUnaffected(t);
  });

  it(
    '[T5] item 9: more update bytes per participant per second than PKL_MAX_BYTES_PER_SECOND closes with 4429',
    heavy,
    async () => {
      // Cards within the text limit ([H4]): five of 10,000 characters make one 50 kB frame.
      const t = await room({ maxBytesPerSecond: 10_000, maxFrameBytes: 64 * 1024, cardTextMax: 10_000 });
      const doc = new Y.Doc();
      Y.applyUpdate(doc, t.attacker.state);
      const storedBefore = (await t.app.store.loadDoc(t.name)).updates.length;
      let sent = 0;
      for (let i = 0; i < 200 && t.attacker.ws.readyState === t.attacker.ws.OPEN; i++) {
        const sv = Y.encodeStateVector(doc);
        for (let j = 0; j < 5; j++)
          createCard(doc, { column: 'values', ...identityOf(t.malloryToken), text: 'y'.repeat(10_000) }, LOCAL_USER);
        t.attacker.ws.send(syncFrame(Y.encodeStateAsUpdate(doc, sv)));
        sent++;
      }
      expect((await t.attacker.closed).code).toBe(CloseCode.SLOW_DOWN);
      // The burst (4 MiB) passes, then nothing more: at most ~82 frames of 50 kB were stored.
      expect((await t.app.store.loadDoc(t.name)).updates.length - storedBefore).toBeLessThan(90);
      expect(sent).toBeGreaterThan(82);
      await othersUnaffected(t);
    },
  );
});

describe('honest clients are never refused', () => {
  it('[T2] a provider that wrote, deleted and edited offline resyncs on reconnect without a refusal', async () => {
    const t = await room();
    const v = t.victim;
    v.provider.disconnect();
    const kept = createCard(v.doc, { column: 'values', ...v.me, text: 'offline geschreven' }, LOCAL_USER);
    const gone = createCard(v.doc, { column: 'values', ...v.me, text: 'weer weg' }, LOCAL_USER);
    deleteCard(v.doc, gone, LOCAL_USER);
    setCardPlainText(v.doc, kept, 'offline herschreven', LOCAL_USER);
    // Meanwhile the facilitator writes online.
    const online = createCard(
      t.facilitator.doc,
      { column: 'values', author: '', authorName: 'F', partner: '', text: 'online' },
      LOCAL_USER,
    );
    await waitFor(() => getCards(t.live().doc).has(online), 'online card on the server');
    // The offline step 2 carries GC structs of the deleted card: they are the sender's own.
    const offline = Y.decodeUpdate(Y.encodeStateAsUpdate(v.doc, Y.encodeStateVector(t.live().doc)));
    expect(offline.structs.some((s) => s instanceof Y.GC)).toBe(true);
    v.provider.connect();
    await synced(v);
    await waitFor(() => getCards(t.facilitator.doc).has(kept) && getCards(v.doc).has(online), 'both directions merged');
    await waitFor(() => mapJson(t.facilitator.doc) === mapJson(v.doc), 'identical');
    expect(v.closes).toEqual([]);
    expect(getCards(t.live().doc).has(gone)).toBe(false);
  });

  it('[T1] a whole document sent as sync step 2 by a new client (resend of everything) is accepted', async () => {
    const t = await room();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, t.attacker.state);
    t.attacker.ws.send(step2Frame(Y.encodeStateAsUpdate(copy)));
    const id = createCard(copy, { column: 'values', ...identityOf(t.malloryToken), text: 'nieuw' }, LOCAL_USER);
    t.attacker.ws.send(syncFrame(Y.encodeStateAsUpdate(copy, Y.encodeStateVector(t.live().doc))));
    await waitFor(() => getCards(t.facilitator.doc).has(id), 'the new card arrives');
    await othersUnaffected(t);
  });
});
