import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { serverConnector } from '../client/collab/syncedDoc.js';
import type { DocConnection } from '../client/collab/docConnection.js';
import type { WorkshopId } from '../shared/ids.js';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { SYNC_PATH, roomName, type DocName } from '../shared/protocol.js';
import { readMap } from '../shared/readModel.js';
import { DEFAULTS } from './config.js';
import { cleanupAfterEach } from './test/fixtures.js';
import { rawSocket } from './test/rawSocket.js';
import { connectClient, createWorkshop, startTestServer, synced, waitFor, waitForAsync } from './test/harness.js';

const scope = cleanupAfterEach();

async function server(overrides: Parameters<typeof startTestServer>[0] = {}) {
  const app = await startTestServer(overrides);
  scope.cleanup.push(() => app.close());
  return app;
}

type Outcome = { kind: 'open' } | { kind: 'refused'; status: number; retryAfter: number; ms: number };

/**
 * One websocket upgrade from `localAddress` (Linux routes all of 127/8 to this machine, so each is
 * another client address to the server): whether it was let in, or the HTTP status that refused it.
 */
function attempt(
  port: number,
  room: string,
  token: string,
  localAddress: string,
  headers: Record<string, string> = {},
): Promise<Outcome> {
  const t0 = performance.now();
  const ws = new WebSocket(`ws://127.0.0.1:${port}${SYNC_PATH}/${room}?token=${token}`, { localAddress, headers });
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.terminate();
      resolve({ kind: 'open' });
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve({
        kind: 'refused',
        status: res.statusCode ?? 0,
        retryAfter: Number(res.headers['retry-after']),
        ms: performance.now() - t0,
      });
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

/**
 * A phone on a venue's Wi-Fi: its websockets leave from `localAddress`, and the test can cut them all
 * (the Wi-Fi drops) and hold new ones off (connects go to a closed port, as without network) until it
 * comes back. `refusals` counts connects the server answered with 429.
 */
function venueNetwork(localAddress: string) {
  const live = new Set<WebSocket>();
  const net = { down: false, refusals: 0 };
  class VenueSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(net.down ? 'ws://127.0.0.1:9/' : url, protocols ?? [], { localAddress });
      live.add(this);
      this.on('close', () => live.delete(this));
      this.on('error', (err) => {
        if (/\b429\b/.test(err.message)) net.refusals++;
      });
    }
  }
  return {
    net,
    Socket: VenueSocket,
    /** The Wi-Fi drops: every live socket is cut. `stayDown` keeps new connects failing until `restore`. */
    cut(stayDown: boolean) {
      net.down = stayDown;
      for (const ws of live) ws.terminate();
    },
    restore() {
      net.down = false;
    },
  };
}

/** `phones` participants, each with the product's own client on `docs`, all from one address. */
async function venue(app: { url: string; port: number }, phones: number, docs: DocName[], address: string) {
  const w = await createWorkshop(app.url);
  const network = venueNetwork(address);
  const open: DocConnection[] = [];
  for (let i = 0; i < phones; i++) {
    const connect = serverConnector(w.id as WorkshopId, await w.participant(`Telefoon ${i}`), {
      origin: `ws://127.0.0.1:${app.port}`,
      WebSocketPolyfill: network.Socket,
      offline: false,
    });
    for (const name of docs) open.push(connect(name, null));
  }
  scope.cleanup.push(() => open.forEach((c) => c.destroy()));
  const allSynced = () => open.every((c) => c.isSynced());
  return { w, network, open, allSynced };
}

describe('connect attempts per address', () => {
  it('[T19] a flood of connects from one address is refused with 429 before the handshake while another address keeps syncing', async () => {
    const rule = { connectsPerSecond: 20, connectBurst: 40 };
    const app = await server(rule);
    const w = await createWorkshop(app.url);
    const room = roomName(w.id as WorkshopId, 'map:joint');
    // Honest people on 127.0.0.1, editing throughout.
    const anna = scope.track(connectClient(app.port, w.id, 'map:joint', await w.participant('Anna')));
    const bert = scope.track(connectClient(app.port, w.id, 'map:joint', await w.participant('Bert', 1)));
    await Promise.all([synced(anna), synced(bert)]);
    // The attacker has a valid token, sends attempts 50 at a time, and says it is someone else:
    // without PKL_TRUST_PROXY X-Forwarded-For changes nothing.
    const attacker = await w.participant('Aanvaller');
    const outcomes: Outcome[] = [];
    const t0 = performance.now();
    let seen = 0;
    let sent = 0;
    const flood = async () => {
      while (sent < 600) {
        const n = sent++;
        outcomes.push(
          await attempt(app.port, room, attacker, '127.0.0.2', { 'x-forwarded-for': `10.9.${n >> 8}.${n & 255}` }),
        );
      }
    };
    const flooding = Promise.all(Array.from({ length: 50 }, flood));
    // Meanwhile the honest ones write and see each other's cards, and a newcomer from their address gets in.
    for (let i = 0; i < 5; i++) {
      const id = createCard(anna.doc, { column: 'values', ...anna.me, text: `tijdens de aanval ${i}` }, LOCAL_USER);
      await waitFor(() => readMap(bert.doc).columns.values.some((c) => c.id === id), 'Bert sees Anna during the flood');
      seen++;
    }
    const newcomer = scope.track(connectClient(app.port, w.id, 'map:joint', await w.participant('Nieuw')));
    await synced(newcomer);
    await flooding;
    const seconds = (performance.now() - t0) / 1000;
    const opened = outcomes.filter((o) => o.kind === 'open').length;
    const refused = outcomes.filter((o): o is Extract<Outcome, { kind: 'refused' }> => o.kind === 'refused');
    expect(seen).toBe(5);
    // Let in: the burst and what came back while the flood lasted, nothing more.
    expect(opened).toBeGreaterThanOrEqual(rule.connectBurst);
    expect(opened).toBeLessThanOrEqual(rule.connectBurst + Math.ceil(rule.connectsPerSecond * seconds) + 1);
    expect(opened + refused.length).toBe(600);
    // Every refusal is a plain 429 with a Retry-After, no websocket.
    expect(new Set(refused.map((r) => r.status))).toEqual(new Set([429]));
    expect(refused.every((r) => r.retryAfter >= 1)).toBe(true);
    // Nothing of the flood stays: not the refused attempts (they never got a websocket), and not the
    // ones let in and dropped while their token was being read (on Postgres that read takes long
    // enough for the close to come first; such a connection used to stay counted for good).
    await waitFor(() => app.sync.connectionCount === 3, 'only the honest connections stay');
    const again = await rawSocket(app.port, room, attacker);
    await waitFor(() => app.sync.connectionCount === 4, 'the attacker token is not locked out by leftovers');
    again.ws.terminate();
  });

  it('[T21] connects from ever new addresses of one IPv6 /64 share one bucket', async () => {
    const rule = { connectsPerSecond: 1, connectBurst: 10, trustProxy: true };
    const app = await server(rule);
    const w = await createWorkshop(app.url);
    const room = roomName(w.id as WorkshopId, 'map:joint');
    const token = await w.participant('Aanvaller');
    const outcomes: Outcome[] = [];
    const t0 = performance.now();
    for (let n = 1; n <= 30; n++)
      outcomes.push(
        await attempt(app.port, room, token, '127.0.0.1', { 'x-forwarded-for': `2001:db8:7:7::${n.toString(16)}` }),
      );
    const opened = outcomes.filter((o) => o.kind === 'open').length;
    // The burst, and at most what came back while the 30 attempts lasted; the rest refused.
    const seconds = (performance.now() - t0) / 1000;
    expect(opened).toBeGreaterThanOrEqual(rule.connectBurst);
    expect(opened).toBeLessThanOrEqual(rule.connectBurst + Math.ceil(rule.connectsPerSecond * seconds) + 1);
    expect(outcomes.filter((o) => o.kind === 'refused' && o.status === 429).length).toBe(30 - opened);
    // Another network is not touched by it.
    expect((await attempt(app.port, room, token, '127.0.0.1', { 'x-forwarded-for': '2001:db8:7:8::1' })).kind).toBe(
      'open',
    );
  });

  it('[T20] 50 phones behind one address whose Wi-Fi comes back all get in within a few seconds (default limits)', async () => {
    const app = await server({ connectsPerSecond: DEFAULTS.connectsPerSecond, connectBurst: DEFAULTS.connectBurst });
    const v = await venue(app, 50, ['session', 'workshop', 'map:joint'], '127.0.0.4');
    await waitFor(v.allSynced, '150 documents synced', 30_000);
    // The Wi-Fi is gone long enough for every phone to fail a few times (its back-off grows to 2.5 s).
    const before = v.open.length;
    v.network.cut(true);
    await waitFor(() => app.sync.connectionCount === 0, 'every connection dropped');
    await waitFor(() => v.open.every((c) => !c.isSynced()), 'every phone noticed');
    const t0 = performance.now();
    v.network.restore();
    await waitFor(v.allSynced, 'every phone back', 30_000);
    const ms = performance.now() - t0;
    expect(app.sync.connectionCount).toBe(before);
    // Back-off is at most 2.5 s: everyone is in within two of its rounds.
    expect(ms).toBeLessThan(6000);
    expect(v.network.net.refusals).toBe(0);
  });

  it('[T20] past the burst a venue is let in as tokens come back: refused phones retry, none gives up', async () => {
    // A refill slow enough that 50 reconnects outrun it even on a busy machine (at 20/s a loaded
    // machine let the phones in slower than the tokens came back, and nobody was refused).
    const app = await server({ connectsPerSecond: 10, connectBurst: 20 });
    const v = await venue(app, 50, ['map:joint'], '127.0.0.5');
    await waitFor(v.allSynced, '50 phones synced', 30_000);
    // All at once: every socket is cut and every phone reconnects after the same short back-off.
    v.network.cut(false);
    await waitFor(() => v.open.every((c) => !c.isSynced()), 'every phone noticed');
    const t0 = performance.now();
    await waitFor(v.allSynced, 'every phone back', 30_000);
    const ms = performance.now() - t0;
    expect(app.sync.connectionCount).toBe(50);
    // More phones than the burst: some were refused and came back on their own.
    expect(v.network.net.refusals).toBeGreaterThan(0);
    // 30 over the burst at 10/s, and a refused phone waits at most 2.5 s before its next try.
    expect(ms).toBeLessThan(8000);
  });

  it('[T20] the addresses remembered stay bounded, and idle ones are forgotten', async () => {
    // Behind a trusted proxy every X-Forwarded-For is another address: the cheapest way to be many.
    const app = await server({
      trustProxy: true,
      connectsPerSecond: 1,
      connectBurst: 3,
      connectAddressesTracked: 100,
    });
    const w = await createWorkshop(app.url);
    const room = roomName(w.id as WorkshopId, 'session');
    // Token-shaped but wrong: each address is let in once and refused at the token (4401), cheaply.
    const token = 'x'.repeat(43);
    let most = 0;
    let next = 0;
    const spray = async () => {
      while (next < 1000) {
        const n = next++;
        await attempt(app.port, room, token, '127.0.0.1', { 'x-forwarded-for': `10.1.${n >> 8}.${n & 255}` });
        most = Math.max(most, app.sync.trackedAddresses);
      }
    };
    await Promise.all(Array.from({ length: 20 }, spray));
    // 1,000 addresses in far less than the 3 s a bucket takes to refill: only the bound forgets them.
    expect(most).toBe(100);
    // After 3 s without an attempt a bucket is full again: the next attempt from anyone finds the others gone.
    await waitForAsync(async () => {
      await attempt(app.port, room, token, '127.0.0.1', { 'x-forwarded-for': '10.2.0.1' });
      return app.sync.trackedAddresses === 1;
    }, 'idle addresses forgotten');
  });
});
