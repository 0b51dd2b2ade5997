import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse, JoinResponse } from '../shared/api.js';
import { CloseCode, roomName } from '../shared/protocol.js';
import type { Config } from './config.js';
import { api, createWorkshop, heavy, startTestServer, tempDataDir, waitFor } from './test/harness.js';
import { rawSocket } from './test/rawSocket.js';
import { startChildServer } from './test/childServer.js';

/** Issue 12, items 11–14: the HTTP side answers every bad request with a clear 4xx and holds nothing open. */
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function server(overrides: Partial<Config> = {}) {
  const app = await startTestServer(overrides);
  cleanup.push(() => app.close());
  return app;
}

/** A raw HTTP exchange: what the server answers and whether it then closes the socket. */
function rawHttp(port: number, request: string): Promise<{ response: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let response = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ response, closed: false });
    }, 3000);
    socket.on('data', (d) => (response += d.toString('latin1')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ response, closed: true });
    });
    socket.on('error', reject);
  });
}

describe('HTTP requests are bounded and answered', () => {
  it('[T12] a body over 64 KB gets a 413 in JSON, not a reset connection', async () => {
    const app = await server();
    const res = await fetch(`${app.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x'.repeat(70 * 1024), partners: ['A'] }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(((await res.json()) as { error: string }).error).toBe('too_large');
  });

  it('[T12] the content type must be exactly application/json (no cross-site simple request)', async () => {
    const app = await server();
    for (const type of ['text/plain; application/json', 'text/plain', 'application/jsonx']) {
      const res = await fetch(`${app.url}/api/workshops`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: JSON.stringify({ title: 'T', partners: ['A'] }),
      });
      expect(res.status, type).toBe(415);
    }
    const ok = await fetch(`${app.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'Application/JSON; charset=utf-8' },
      body: JSON.stringify({ title: 'T', partners: ['A'] }),
    });
    expect(ok.status).toBe(201);
  });

  it('[T12] %00 in a path is a 400 and the socket is closed; every response carries nosniff', async () => {
    const app = await server();
    const { response, closed } = await rawHttp(app.port, 'GET /assets/%00.js HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(response.startsWith('HTTP/1.1 400')).toBe(true);
    expect(closed).toBe(true);
    expect(response.toLowerCase()).toContain('x-content-type-options: nosniff');
    for (const p of ['/api/health', '/api/nope', '/assets/missing.js']) {
      const res = await fetch(app.url + p);
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff');
    }
  });

  it('[T12] the static root check has a path separator: a sibling directory with the same prefix is not served', async () => {
    const base = tempDataDir();
    const site = path.join(base, 'site');
    fs.mkdirSync(site);
    fs.mkdirSync(path.join(base, 'site-secret'));
    fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>app</title>');
    fs.writeFileSync(path.join(base, 'site-secret', 'secret.txt'), 'SECRET');
    const app = await server({ staticDir: site });
    const res = await fetch(`${app.url}/..%2Fsite-secret%2Fsecret.txt`);
    expect(await res.text()).not.toContain('SECRET');
  });

  it('[T12] a drafts room of nobody in the workshop is never loaded', async () => {
    const app = await server();
    const w = await createWorkshop(app.url);
    const sock = await rawSocket(app.port, roomName(w.id, 'drafts:nobodyhere123'), w.facilitatorToken);
    expect((await sock.closed).code).toBe(CloseCode.NOT_FOUND);
    expect(app.registry.has(roomName(w.id, 'drafts:nobodyhere123'))).toBe(false);
  });
});

describe('rate limits per address', () => {
  it('[T11] join-code lookups, joins and workshop creation answer 429 with Retry-After past their limit', async () => {
    const app = await server({ lookupsPerMinute: 3, joinsPerMinute: 2, createsPerMinute: 2 });
    const w = await api<CreateWorkshopResponse>(app.url, 'POST', '/api/workshops', { title: 'A', partners: ['P'] });
    await api(app.url, 'POST', '/api/workshops', { title: 'B', partners: ['P'] });
    const third = await fetch(`${app.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'C', partners: ['P'] }),
    });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${app.url}/api/join/ZZZZZZ`)).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
    const join = () =>
      api<JoinResponse>(app.url, 'POST', `/api/workshops/${w.body.id}/participants`, {
        name: 'N',
        partner: 'p',
        role: 'citizen',
      });
    expect([(await join()).status, (await join()).status, (await join()).status]).toEqual([201, 201, 429]);
  });

  it('[T11] X-Forwarded-For is ignored unless PKL_TRUST_PROXY is set', async () => {
    const lookup = (app: { url: string }, ip: string) =>
      fetch(`${app.url}/api/join/ZZZZZZ`, { headers: { 'x-forwarded-for': ip } }).then((r) => r.status);
    const direct = await server({ lookupsPerMinute: 1 });
    expect([await lookup(direct, '10.0.0.1'), await lookup(direct, '10.0.0.2')]).toEqual([404, 429]);
    const proxied = await server({ lookupsPerMinute: 1, trustProxy: true });
    expect([
      await lookup(proxied, '10.0.0.1'),
      await lookup(proxied, '10.0.0.2'),
      await lookup(proxied, '10.0.0.1'),
    ]).toEqual([404, 404, 429]);
  });

  it('[T21] an IPv6 network counts as one address: a fresh address of the same /64 gets no fresh limit', async () => {
    const lookup = (app: { url: string }, ip: string) =>
      fetch(`${app.url}/api/join/ZZZZZZ`, { headers: { 'x-forwarded-for': ip } }).then((r) => r.status);
    const app = await server({ lookupsPerMinute: 2, trustProxy: true });
    // One subscriber rotating through its own /64 runs out after two guesses, as one IPv4 address does.
    const rotating = [];
    for (let i = 1; i <= 6; i++) rotating.push(await lookup(app, `2001:db8:ab:cd::${i.toString(16)}`));
    expect(rotating).toEqual([404, 404, 429, 429, 429, 429]);
    // Another /64 and an IPv4 address written as IPv6 have limits of their own.
    expect(await lookup(app, '2001:db8:ab:ce::1')).toBe(404);
    expect([
      await lookup(app, '::ffff:192.0.2.9'),
      await lookup(app, '192.0.2.9'),
      await lookup(app, '192.0.2.9'),
    ]).toEqual([404, 404, 429]);
  });
});

describe('a full address is shared fairly', () => {
  it('[T12] item 12: one person holding the address limit cannot lock out a newcomer behind the same address', async () => {
    const app = await server({ maxConnectionsPerAddress: 6 });
    const w = await createWorkshop(app.url);
    const hog = await w.participant('Hog');
    const room = roomName(w.id, 'map:joint');
    const hogs = await Promise.all(Array.from({ length: 6 }, () => rawSocket(app.port, room, hog)));
    // A socket is open at the handshake; the server accepts it once the token is read (on Postgres in
    // any order): all six must be in before the seventh is the one too many.
    await waitFor(() => app.sync.connectionCount === 6, 'six connections accepted');
    // The hog itself gets no more.
    const seventh = await rawSocket(app.port, room, hog);
    expect((await seventh.closed).code).toBe(CloseCode.SLOW_DOWN);
    const newcomer = await rawSocket(app.port, room, await w.participant('Nieuw', 1));
    let newcomerClosed = false;
    void newcomer.closed.then(() => (newcomerClosed = true));
    const evicted = await Promise.race(hogs.map((h) => h.closed));
    expect(evicted.code).toBe(CloseCode.SLOW_DOWN);
    await waitFor(() => app.sync.connectionCount === 6, 'six connections left');
    expect(newcomerClosed).toBe(false);
    for (const h of [...hogs, newcomer]) h.ws.terminate();
  });
});

describe('backup import', () => {
  const importFile = (app: { url: string }, file: unknown) =>
    fetch(`${app.url}/api/backup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(file),
    });
  const base = (extra: Record<string, unknown> = {}) => ({
    format: 'partnerschapskaart-live-backup',
    version: 1,
    exportedAt: 1,
    workshop: { title: 'Import', createdAt: 1, partners: [{ id: 'zorg', name: 'Zorg', color: '#123456' }] },
    participants: [],
    documents: {},
    versions: [],
    readable: {},
    ...extra,
  });
  const workshopRows = async (app: Awaited<ReturnType<typeof server>>) =>
    (await app.store.query('SELECT CAST(count(*) AS INTEGER) AS n FROM workshops'))[0].n;

  it('[T13] item 10: every bad input is a 4xx and leaves no workshop behind', heavy, async () => {
    const app = await server();
    const before = await workshopRows(app);
    const bad = [
      base({ workshop: { title: 'x'.repeat(4_000_002), createdAt: 1, partners: [{ id: 'zorg', name: 'Zorg' }] } }),
      base({ workshop: { title: 'T', createdAt: 1, partners: [{ id: 'zorg', name: 'Z'.repeat(3_500_000) }] } }),
      base({ versions: 'abc' }),
      base({ documents: { 'map:joint': '%%%not base64%%%' } }),
      base({ documents: { 'map:joint': Buffer.from([1, 2, 3, 4, 5]).toString('base64') } }),
      base({
        versions: [
          {
            doc: 'map:joint',
            kind: 'step',
            label: '',
            createdAt: 1,
            cardCount: 0,
            state: Buffer.from([200, 1, 2, 7]).toString('base64'),
          },
        ],
      }),
      base({
        participants: [
          { id: 'aaa', name: 'A', partner: 'zorg', role: 'citizen', access: 'participant' },
          { id: 'aaa', name: 'B', partner: 'zorg', role: 'citizen', access: 'participant' },
        ],
      }),
      base({
        participants: Array.from({ length: 2001 }, (_, i) => ({
          id: `p${i}`,
          name: 'N',
          partner: 'zorg',
          role: 'citizen',
          access: 'participant',
        })),
      }),
    ];
    for (const [i, file] of bad.entries()) {
      const res = await importFile(app, file);
      expect(res.status, `file ${i}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `file ${i}`).toBeLessThan(500);
    }
    expect(await workshopRows(app)).toBe(before);
    const good = await importFile(
      app,
      base({ workshop: { title: '  Goed\u0000 ', createdAt: 1, partners: [{ id: 'zorg', name: 'Zorg\u202E' }] } }),
    );
    expect(good.status).toBe(201);
    const id = ((await good.json()) as { id: string }).id;
    const info = await api<{ title: string; partners: { name: string }[] }>(app.url, 'GET', `/api/workshops/${id}`);
    expect(info.body.title).toBe('Goed');
    expect(info.body.partners[0].name).toBe('Zorg');
  });

  it(
    '[T13] item 10: a 40 MB import with 625,000 participants is refused with the event loop free (parse in a worker)',
    heavy,
    async () => {
      // The server in its own process: its responsiveness is measured from outside while it takes the import.
      const child = await startChildServer(tempDataDir(), { PKL_MAX_IMPORT_BYTES: String(100 * 1024 * 1024) });
      cleanup.push(() => child.kill('SIGKILL'));
      const url = `http://127.0.0.1:${child.port}`;
      const people = Array.from({ length: 625_000 }, (_, i) => ({
        id: `p${i}`,
        name: 'Naam',
        partner: 'zorg',
        role: 'citizen',
        access: 'participant',
      }));
      const body = Buffer.from(JSON.stringify(base({ participants: people })));
      expect(body.length).toBeGreaterThan(40_000_000);
      let worst = 0;
      let done = false;
      const probe = (async () => {
        while (!done) {
          const t = performance.now();
          await fetch(`${url}/api/time`);
          worst = Math.max(worst, performance.now() - t);
        }
      })();
      const res = await fetch(`${url}/api/backup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      done = true;
      await probe;
      expect(res.status).toBe(400);
      console.log(`[T13] 625,000-participant import: slowest /api/time answer during it ${worst.toFixed(0)} ms`);
      // Before: 8.5 s of a blocked event loop. The probe runs on this shared 2-core machine next to the
      // upload and the worker's parse, so it measures CPU contention too; the bound is kept loose.
      expect(worst).toBeLessThan(2000);
    },
  );
});
