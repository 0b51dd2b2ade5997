/**
 * What one websocket accept costs the server (issue 12; not in CI): `npx tsx bench/acceptCost.ts`.
 * The real server runs in this process; a second process opens 400 connections, 20 at a time, with
 * no token, with a token-shaped wrong one, and with a valid one (which gets sync step 1 and presence
 * and then leaves). Prints the server process's CPU and its main thread's busy time per connect, so
 * a flood of bad tokens can be compared with honest joins.
 */
import { spawn } from 'node:child_process';
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
  process.exit(0);
}
void main();
