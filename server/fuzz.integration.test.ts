import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard, setCardPlainText } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { CloseCode, roomName } from '../shared/protocol.js';
import { readMap } from '../shared/readModel.js';
import { identityOf, api, connectClient, createWorkshop, startTestServer, synced, waitFor } from './test/harness.js';
import { seededRandom } from './test/seededRandom.js';
import { testSeed } from './test/testSeed.js';
import { rawSocket, type RawSocket } from './test/rawSocket.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const FRAMES = 10_000;
const CLEAR_CODES = new Set<number>(Object.values(CloseCode));

describe('fuzzing the sync endpoint', () => {
  it(`[S11] ${FRAMES} random, truncated, oversized and wrong-type frames: the server stays up, others converge, offenders get clear codes`, async () => {
    const seed = testSeed(20261123);
    const rnd = seededRandom(seed);
    const app = await startTestServer({
      maxFrameBytes: 64 * 1024,
      maxMessagesPerSecond: 100_000,
      maxConnectionsPerToken: 1000,
      maxAwarenessPerSecond: 100_000,
    });
    cleanup.push(() => app.close());
    const w = await createWorkshop(app.url);
    const room = roomName(w.id as never, 'map:joint');
    const a = connectClient(app.port, w.id, 'map:joint', await w.participant('A'));
    const b = connectClient(app.port, w.id, 'map:joint', await w.participant('B', 1));
    cleanup.push(
      () => a.destroy(),
      () => b.destroy(),
    );
    await Promise.all([synced(a), synced(b)]);
    const fuzzToken = await w.participant('Fuzz');

    // Material: valid updates to cut and mutate.
    const source = new Y.Doc();
    for (let i = 0; i < 20; i++)
      createCard(source, { column: 'values', ...identityOf(fuzzToken), text: `fuzz ${i} ëé€✓` }, LOCAL_USER);
    const valid = Y.encodeStateAsUpdate(source);
    const frame = (...parts: ((e: encoding.Encoder) => void)[]) => {
      const e = encoding.createEncoder();
      for (const p of parts) p(e);
      return encoding.toUint8Array(e);
    };
    const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));
    const kinds = [
      () => randomBytes(1 + Math.floor(rnd() * 64)), // noise
      () =>
        frame(
          (e) => encoding.writeVarUint(e, 0),
          (e) => encoding.writeVarUint(e, 2),
          (e) => encoding.writeVarUint8Array(e, valid.slice(0, Math.floor(rnd() * valid.length))),
        ), // truncated update
      () => {
        const bad = valid.slice();
        for (let i = 0; i < 5; i++) bad[Math.floor(rnd() * bad.length)] = Math.floor(rnd() * 256);
        return frame(
          (e) => encoding.writeVarUint(e, 0),
          (e) => encoding.writeVarUint(e, 2),
          (e) => encoding.writeVarUint8Array(e, bad),
        );
      }, // mutated update
      () => new Uint8Array(64 * 1024 + 1 + Math.floor(rnd() * 1000)), // oversized
      () => frame((e) => encoding.writeVarUint(e, 4 + Math.floor(rnd() * 100))), // wrong type
      () =>
        frame(
          (e) => encoding.writeVarUint(e, 1),
          (e) => encoding.writeVarUint8Array(e, randomBytes(8)),
        ), // junk awareness
      () =>
        frame(
          (e) => encoding.writeVarUint(e, 0),
          (e) => encoding.writeVarUint(e, 0),
          (e) => encoding.writeVarUint8Array(e, randomBytes(6)),
        ), // junk state vector
      () => 'text frame',
      () => new Uint8Array(0),
    ];

    const closeCodes = new Map<number, number>();
    let sent = 0;
    let socket: RawSocket | null = null;
    const heapBefore = process.memoryUsage().heapUsed;
    const writesBetween = async () => {
      // The good clients keep working throughout.
      const id = createCard(a.doc, { column: 'steps', ...a.me, text: `tijdens fuzz ${sent}` }, LOCAL_USER);
      setCardPlainText(b.doc, id, `bewerkt ${sent}`, LOCAL_USER);
    };
    while (sent < FRAMES) {
      if (!socket || socket.ws.readyState !== socket.ws.OPEN) socket = await rawSocket(app.port, room, fuzzToken);
      const s: RawSocket = socket;
      const payload = kinds[Math.floor(rnd() * kinds.length)]();
      s.ws.send(payload);
      sent++;
      if (sent % 500 === 0) await writesBetween();
      // Wait for the verdict on this frame: either the socket closes, or the server has handled it.
      const verdict = await Promise.race([s.closed, new Promise<null>((r) => setTimeout(() => r(null), 0))]);
      if (verdict) {
        closeCodes.set(verdict.code, (closeCodes.get(verdict.code) ?? 0) + 1);
        socket = null;
      }
    }
    socket?.ws.close();
    const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

    // Every close code the fuzzer saw is one of ours (or the protocol's own "message too big").
    for (const code of closeCodes.keys())
      expect(CLEAR_CODES.has(code) || code === 1009, `close code ${code}`).toBe(true);
    expect(closeCodes.get(CloseCode.MALFORMED) ?? 0).toBeGreaterThan(1000);
    expect(closeCodes.get(CloseCode.TOO_LARGE) ?? 0).toBeGreaterThan(100);
    // The server is up, the good clients converge with the server, and new clients still work.
    expect((await api<{ ok: boolean }>(app.url, 'GET', '/api/health')).body.ok).toBe(true);
    const serverDoc = app.registry.peek(room)!.doc;
    await waitFor(
      () =>
        JSON.stringify(readMap(a.doc)) === JSON.stringify(readMap(serverDoc)) &&
        JSON.stringify(readMap(b.doc)) === JSON.stringify(readMap(serverDoc)),
      'good clients converge',
    );
    expect(readMap(serverDoc).columns.steps.length).toBe(Math.floor(FRAMES / 500));
    // (Mutated updates that still decode are legitimate writes of an authorised participant and may add cards.)
    console.log(
      `[S11] seed ${seed}: ${sent} frames; closes by code ${JSON.stringify(Object.fromEntries(closeCodes))}; heap growth ${heapGrowthMb.toFixed(1)} MB; server connections now ${app.sync.connectionCount}`,
    );
    expect(heapGrowthMb).toBeLessThan(200);
  }, 300_000);

  it('[S12] 1,000 rooms opened and left idle are unloaded; their state stays in SQLite', async () => {
    const app = await startTestServer({ idleUnloadMs: 200, maxConnectionsPerToken: 100 });
    cleanup.push(() => app.close());
    const w = await createWorkshop(app.url);
    // 1,000 documents: the private drafts of 1,000 participants, each written once by its owner.
    const names: string[] = [];
    for (let i = 0; i < 1000; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, async (_, j) => {
          const joined = await api<{ participantId: string; token: string }>(
            app.url,
            'POST',
            `/api/workshops/${w.id}/participants`,
            {
              name: `Deelnemer ${i + j}`,
              partner: w.partners[0].id,
              role: 'citizen',
            },
          );
          const doc = `drafts:${joined.body.participantId}` as const;
          const c = connectClient(app.port, w.id, doc, joined.body.token);
          await synced(c);
          createCard(c.doc, { column: 'values', ...c.me, text: `kamer ${i + j}` }, LOCAL_USER);
          await waitFor(
            () => (app.registry.peek(roomName(w.id as never, doc))?.doc.getMap('cards').size ?? 0) === 1,
            'stored',
          );
          names[i + j] = `${doc}|${joined.body.token}`;
          c.destroy();
        }),
      );
    }
    expect(names).toHaveLength(1000);
    // Only the workshop document (written at every join) may still be waiting for its idle timer.
    await waitFor(() => app.registry.size <= 1, `rooms unloaded (still ${app.registry.size})`, 30_000);
    const [sample, sampleToken] = names[777].split('|');
    const again = connectClient(app.port, w.id, sample as never, sampleToken);
    cleanup.push(() => again.destroy());
    await waitFor(() => readMap(again.doc).columns.values[0]?.plainText === 'kamer 777', 'state reloaded from SQLite');
    console.log(`[S12] 1000 rooms written and left idle; loaded afterwards: ${app.registry.size}`);
  }, 120_000);
});
