/**
 * What one websocket accept costs the server (issue 12; not in CI): `npx tsx bench/acceptCost.ts`.
 * The real server runs in this process; a second process opens 400 connections, 20 at a time, with
 * no token, with a token-shaped wrong one, and with a valid one (which gets sync step 1 and presence
 * and then leaves), then with the valid token from an address over its connect attempts (429, [T19]).
 * Prints the server process's CPU and its main thread's busy time per connect, so a flood of bad
 * tokens or of refused attempts can be compared with honest joins; last, the floor: a bare Node HTTP
 * server answering the same 429 (what accepting a TCP connection and parsing a request costs anyway).
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { startApp } from '../server/app.js';
import { testConfig, createWorkshop } from '../server/test/harness.js';
import { roomName, SYNC_PATH } from '../shared/protocol.js';

const N = 400;
async function phase(label: string, urls: string[]) {
  const src = `
    const { WebSocket } = require('ws');
    const urls = ${JSON.stringify(urls)};
    let done = 0, codes = {};
    const t0 = performance.now();
    let i = 0;
    function next() {
      if (i >= urls.length) return;
      const ws = new WebSocket(urls[i++]);
      ws.on('message', () => { ws.close(); });
      ws.on('close', (c) => { codes[c] = (codes[c] || 0) + 1; if (++done === urls.length) process.send({ codes, ms: performance.now() - t0 }, () => process.exit(0)); else next(); });
      ws.on('error', () => {});
    }
    for (let k = 0; k < 20; k++) next();`;
  const child = spawn(process.execPath, ['-e', src], {
    cwd: process.cwd(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const cpu0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  const res = await new Promise<{ codes: Record<string, number>; ms: number }>((r) =>
    child.once('message', (m) => r(m as never)),
  );
  const cpu = process.cpuUsage(cpu0);
  const elu = performance.eventLoopUtilization(elu0);
  console.log(
    `${label}: ${urls.length} connects in ${res.ms.toFixed(0)} ms, codes ${JSON.stringify(res.codes)}; server CPU ${((cpu.user + cpu.system) / 1000 / urls.length).toFixed(2)} ms per connect, main-thread busy ${(elu.active / urls.length).toFixed(2)} ms per connect; load ${os.loadavg()[0].toFixed(1)}`,
  );
}

async function main() {
  const app = await startApp(testConfig(), () => {});
  const w = await createWorkshop(app.url);
  const token = await w.participant('Anna');
  const base = `ws://127.0.0.1:${app.port}${SYNC_PATH}/${roomName(w.id as never, 'map:joint')}`;
  const bogus = 'x'.repeat(43);
  await phase('warm-up, valid token', Array(50).fill(`${base}?token=${token}`));
  await phase('no token', Array(N).fill(base));
  await phase('token-shaped, wrong', Array(N).fill(`${base}?token=${bogus}`));
  await phase('valid token (step 1 + presence)', Array(N).fill(`${base}?token=${token}`));
  await app.close();
  // The same valid connects from an address that has used up its connect attempts ([T19]): each gets a
  // plain HTTP 429 before the handshake (the client sees close 1006 and backs off).
  const limited = await startApp(testConfig({ connectsPerSecond: 1, connectBurst: 1 }), () => {});
  const lw = await createWorkshop(limited.url);
  const ltoken = await lw.participant('Anna');
  const lbase = `ws://127.0.0.1:${limited.port}${SYNC_PATH}/${roomName(lw.id as never, 'map:joint')}`;
  await phase('valid token, over the connect limit (HTTP 429)', Array(N).fill(`${lbase}?token=${ltoken}`));
  await phase('again (warm)', Array(N).fill(`${lbase}?token=${ltoken}`));
  await limited.close();
  // The floor: a bare Node HTTP server that answers every upgrade with the same 429 and nothing else.
  const bare = http.createServer();
  bare.on('upgrade', (_req, socket: Duplex) => {
    socket.once('finish', () => socket.destroy());
    socket.end('HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `ws://127.0.0.1:${(bare.address() as AddressInfo).port}${SYNC_PATH}/x`;
  await phase('floor: bare Node HTTP server answering 429', Array(N).fill(bareUrl));
  await phase('again (warm)', Array(N).fill(bareUrl));
  bare.close();
  process.exit(0);
}
void main();
