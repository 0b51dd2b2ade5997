import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { CloseCode, MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_UPDATE, roomName } from '../shared/protocol.js';
import { readMap } from '../shared/readModel.js';
import { connectClient, createWorkshop, startTestServer, synced, waitFor, type TestClient } from './test/harness.js';
import { rawSocket } from './test/rawSocket.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, SYNC_UPDATE);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

async function setup(overrides = {}) {
  const app = await startTestServer(overrides);
  cleanup.push(() => app.close());
  const w = await createWorkshop(app.url);
  const token = await w.participant();
  const room = roomName(w.id as never, 'map:joint');
  const good: TestClient = connectClient(app.port, w.id, 'map:joint', await w.participant('Good', 1));
  cleanup.push(() => good.destroy());
  await synced(good);
  return { app, w, token, room, good };
}

/** After the bad connection is gone, the good client still writes, and a fresh client sees it. */
async function stillWorks(
  app: Awaited<ReturnType<typeof setup>>['app'],
  w: { id: string; participant: (n?: string) => Promise<string> },
  good: TestClient,
) {
  const id = createCard(good.doc, { column: 'values', ...good.me, text: 'nog steeds goed' }, LOCAL_USER);
  const check = connectClient(app.port, w.id, 'map:joint', await w.participant('Check'));
  cleanup.push(() => check.destroy());
  await waitFor(() => readMap(check.doc).columns.values.some((c) => c.id === id), 'fresh client sees the good edit');
  expect(JSON.stringify(readMap(check.doc))).toBe(JSON.stringify(readMap(good.doc)));
}

describe('bad input on the sync endpoint', () => {
  it('[S5] a malformed frame closes only that connection with MALFORMED', async () => {
    const { app, w, token, room, good } = await setup();
    const bad = await rawSocket(app.port, room, token);
    bad.ws.send(new Uint8Array([0, 2, 200, 1, 2, 3]));
    expect((await bad.closed).code).toBe(CloseCode.MALFORMED);
    await stillWorks(app, w, good);
  });

  it('[S5] a truncated Yjs update is refused before it touches the document', async () => {
    const { app, w, token, room, good } = await setup();
    const doc = new Y.Doc();
    createCard(doc, { column: 'values', author: '', authorName: 'X', partner: '', text: 'half' }, LOCAL_USER);
    const full = Y.encodeStateAsUpdate(doc);
    const bad = await rawSocket(app.port, room, token);
    bad.ws.send(syncUpdateFrame(full.slice(0, Math.floor(full.length / 2))));
    const closed = await bad.closed;
    expect(closed.code).toBe(CloseCode.MALFORMED);
    expect(closed.reason).toMatch(/malformed/);
    const serverDoc = app.registry.peek(room)!.doc;
    expect(readMap(serverDoc).cardCount).toBe(0);
    await stillWorks(app, w, good);
  });

  it('[S5] unknown message types, text frames and trailing bytes are refused', async () => {
    const { app, w, token, room, good } = await setup();
    for (const frame of [new Uint8Array([9]), 'hello', new Uint8Array([3, 0])]) {
      const bad = await rawSocket(app.port, room, token);
      bad.ws.send(frame);
      expect((await bad.closed).code).toBe(CloseCode.MALFORMED);
    }
    await stillWorks(app, w, good);
  });

  it('[S6] an oversized frame closes with TOO_LARGE and stores nothing', async () => {
    const { app, w, token, room, good } = await setup({ maxFrameBytes: 4096 });
    const doc = new Y.Doc();
    createCard(doc, { column: 'values', author: '', authorName: 'X', partner: '', text: 'x'.repeat(6000) }, LOCAL_USER);
    const bad = await rawSocket(app.port, room, token);
    bad.ws.send(syncUpdateFrame(Y.encodeStateAsUpdate(doc)));
    expect((await bad.closed).code).toBe(CloseCode.TOO_LARGE);
    expect(readMap(app.registry.peek(room)!.doc).cardCount).toBe(0);
    await stillWorks(app, w, good);
  });

  it('[S7] a missing, wrong or unknown-workshop token is refused with a clear code', async () => {
    const { app, w, room } = await setup();
    expect((await (await rawSocket(app.port, room, null)).closed).code).toBe(CloseCode.UNAUTHORIZED);
    expect((await (await rawSocket(app.port, room, 'x'.repeat(43))).closed).code).toBe(CloseCode.UNAUTHORIZED);
    // A token of another workshop does not open this one.
    const other = await createWorkshop(app.url);
    const foreign = await other.participant();
    const refused = await (await rawSocket(app.port, room, foreign)).closed;
    expect(refused).toEqual({ code: CloseCode.UNAUTHORIZED, reason: 'invalid or revoked token' });
    const unknown = await (await rawSocket(app.port, `${'a'.repeat(26)}/map:joint`, await w.participant())).closed;
    expect(unknown.code).toBe(CloseCode.NOT_FOUND);
    const badDoc = await (await rawSocket(app.port, `${w.id}/nonsense`, await w.participant())).closed;
    expect(badDoc.code).toBe(CloseCode.NOT_FOUND);
  });

  it('[S7] the upstream provider stops retrying after UNAUTHORIZED', async () => {
    const { app, w } = await setup();
    const c = connectClient(app.port, w.id, 'map:joint', 'y'.repeat(43));
    cleanup.push(() => c.destroy());
    await waitFor(() => c.closes.length > 0, 'closed');
    expect(c.closes[0].code).toBe(CloseCode.UNAUTHORIZED);
    expect(c.provider.shouldConnect).toBe(false);
  });

  it('[S8] a connection may only set its own presence', async () => {
    const { app, w, token, room, good } = await setup();
    good.provider.awareness.setLocalStateField('user', { name: 'Good' });
    await waitFor(() => app.registry.peek(room)!.awareness.getStates().has(good.doc.clientID), 'good presence known');
    const bad = await rawSocket(app.port, room, token);
    // Claim the good client's awareness id.
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, good.doc.clientID);
    encoding.writeVarUint(e, 999);
    encoding.writeVarString(e, JSON.stringify({ user: { name: 'Imposter' } }));
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(frame, encoding.toUint8Array(e));
    bad.ws.send(encoding.toUint8Array(frame));
    expect((await bad.closed).code).toBe(CloseCode.FORBIDDEN);
    const state = app.registry.peek(room)!.awareness.getStates().get(good.doc.clientID);
    expect(JSON.stringify(state)).not.toContain('Imposter');
    await stillWorks(app, w, good);
  });

  it("[S8] upstream providers echo each other's presence; that is not refused", async () => {
    const { app, w, good } = await setup();
    const others = await Promise.all(
      ['A', 'B', 'C', 'D', 'E'].map(async (n) => connectClient(app.port, w.id, 'map:joint', await w.participant(n))),
    );
    cleanup.push(() => others.forEach((o) => o.destroy()));
    const everyone = [good, ...others];
    everyone.forEach((c, i) => c.provider.awareness.setLocalStateField('user', { name: `P${i}` }));
    await waitFor(
      () => everyone.every((c) => c.provider.awareness.getStates().size === everyone.length),
      'everyone sees everyone',
    );
    // People leave and come back: removals and re-adds are echoed around as well.
    others[0].destroy();
    others[1].provider.disconnect();
    await waitFor(() => good.provider.awareness.getStates().size === everyone.length - 2, 'two gone');
    others[1].provider.connect();
    await waitFor(() => good.provider.awareness.getStates().size === everyone.length - 1, 'one back');
    everyone.forEach((c, i) => c.provider.awareness.setLocalStateField('editing', `card${i}`));
    await waitFor(
      () => good.provider.awareness.getStates().get(others[4].doc.clientID)?.editing === 'card5',
      'latest presence arrives',
    );
    const refused = everyone.flatMap((c) => c.closes).filter((c) => c.code !== 1000 && c.code !== 1005);
    expect(refused).toEqual([]);
  });

  it('[S9] too many messages close with SLOW_DOWN, a retryable code', async () => {
    const { app, token, room } = await setup({ maxMessagesPerSecond: 5 });
    const bad = await rawSocket(app.port, room, token);
    const step1 = new Uint8Array([0, 0, 1, 0]);
    for (let i = 0; i < 100; i++) bad.ws.send(step1);
    expect((await bad.closed).code).toBe(CloseCode.SLOW_DOWN);
  });

  it('[S9] too many connections from one address, or too many presence updates, close with SLOW_DOWN', async () => {
    const { app, w, room } = await setup({ maxConnectionsPerAddress: 3, maxAwarenessPerSecond: 2 });
    // The good client already holds one connection from 127.0.0.1.
    const second = await rawSocket(app.port, room, await w.participant('B'));
    const third = await rawSocket(app.port, room, await w.participant('C'));
    const fourth = await rawSocket(app.port, room, await w.participant('D'));
    expect(await fourth.closed).toEqual({
      code: CloseCode.SLOW_DOWN,
      reason: 'too many connections from this address',
    });
    third.ws.close();
    await third.closed;
    // Until the server has counted that close, a newcomer would still be refused for the address.
    await waitFor(() => app.sync.connectionCount === 2, 'the server counted the close');
    const chatty = connectClient(app.port, w.id, 'map:joint', await w.participant('E'));
    cleanup.push(() => chatty.destroy());
    await synced(chatty);
    for (let i = 0; i < 10; i++) chatty.provider.awareness.setLocalStateField('cursor', i);
    // The close must be the presence limit's, not a refusal for the address.
    await waitFor(
      () =>
        chatty.closes.some(
          (c) => c.code === CloseCode.SLOW_DOWN && c.reason === 'too many presence updates, slow down',
        ),
      'presence flood refused',
    );
    second.ws.close();
  });
});
