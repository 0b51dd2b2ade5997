/**
 * What a flood of websocket connects from one address does to everyone else ([T19]; issue 12, not in
 * CI): `npx tsx bench/connectFlood.ts`. The real server runs in this process. A child process keeps 20
 * honest clients (from 127.0.0.1) asking the server for its state 10 times a second each (a sync step
 * 1, answered with step 2) and records the round trips; another child, from 127.0.0.2, opens and drops
 * websockets at FLOOD_RATE attempts per second (default 2,000) with a valid token, the costliest kind.
 * Three runs of FLOOD_SECONDS (default 6, measured after FLOOD_WARMUP s of flood, default 2, so the
 * address's burst is used up): no flood, the flood against the default connect limits, and the flood
 * with the limits lifted (what the limit prevents). The flood comes from FLOOD_PROCS processes (2). Prints the honest round trips (p50, p99),
 * the server's event-loop delay (p99, max), its CPU, and what the flood got (attempts let in, 429s).
 * Only meaningful on a quiet machine: the load average is printed with every run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startApp } from '../server/app.js';
import { DEFAULTS } from '../server/config.js';
import { createWorkshop, testConfig } from '../server/test/harness.js';
import { roomName, SYNC_PATH } from '../shared/protocol.js';

const FLOOD_RATE = Number(process.env.FLOOD_RATE ?? 2000);
const SECONDS = Number(process.env.FLOOD_SECONDS ?? 6);
/** The flood comes from this many processes (one cannot open 2,000 sockets a second on a small machine). */
const FLOOD_PROCS = Number(process.env.FLOOD_PROCS ?? 2);
/** The flood runs this long before the measuring starts: past the burst, the steady state is measured. */
const WARMUP = Number(process.env.FLOOD_WARMUP ?? 2);
const HONEST = 20;

/** Honest clients: connect, then every 100 ms a sync step 1 with an empty state vector; the reply's delay is the round trip. */
const honestSource = (urls: string[], seconds: number) => `
  const { WebSocket } = require('ws');
  const urls = ${JSON.stringify(urls)};
  const rtts = [];
  let failed = 0;
  const step1 = Buffer.from([0, 0, 1, 0]);
  const clients = urls.map((url) => {
    const ws = new WebSocket(url);
    const c = { ws, sentAt: 0, ready: false };
    ws.on('open', () => { c.ready = true; });
    ws.on('message', (d) => {
      if (c.sentAt && d[0] === 0 && d[1] === 1) { rtts.push(performance.now() - c.sentAt); c.sentAt = 0; }
    });
    ws.on('error', () => { failed++; });
    ws.on('close', () => { c.ready = false; });
    return c;
  });
  process.on('message', (m) => {
    if (m !== 'start') return;
    rtts.length = 0;
    const timer = setInterval(() => {
      for (const c of clients) if (c.ready && !c.sentAt) { c.sentAt = performance.now(); c.ws.send(step1); }
    }, 100);
    setTimeout(() => {
      clearInterval(timer);
      process.send({ rtts, failed, open: clients.filter((c) => c.ready).length }, () => process.exit(0));
    }, ${seconds * 1000});
  });
  const wait = setInterval(() => { if (clients.every((c) => c.ready)) { clearInterval(wait); process.send('ready'); } }, 20);`;

/** The flood: every 10 ms a slice of the attempts per second, each dropped as soon as it opens. */
const floodSource = (url: string, rate: number, seconds: number) => `
  const { WebSocket } = require('ws');
  let tried = 0, opened = 0, refused = 0, other = 0;
  const timer = setInterval(() => {
    for (let i = 0; i < ${rate / 100}; i++) {
      tried++;
      const ws = new WebSocket(${JSON.stringify(url)}, { localAddress: '127.0.0.2' });
      ws.on('open', () => { opened++; ws.terminate(); });
      ws.on('error', (e) => { if (/429/.test(e.message)) refused++; else other++; });
    }
  }, 10);
  const t0 = performance.now();
  setTimeout(() => {
    clearInterval(timer);
    process.send({ tried, opened, refused, other, seconds: (performance.now() - t0) / 1000 }, () => process.exit(0));
  }, ${seconds * 1000});`;

function child(src: string): ChildProcess {
  return spawn(process.execPath, ['-e', src], { cwd: process.cwd(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

const next = <T>(c: ChildProcess) => new Promise<T>((resolve) => c.once('message', (m) => resolve(m as T)));

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : Number.NaN;
}

async function run(label: string, limits: { connectsPerSecond: number; connectBurst: number } | null, flood: boolean) {
  const app = await startApp(testConfig(limits ?? {}), () => {});
  const w = await createWorkshop(app.url);
  const base = `ws://127.0.0.1:${app.port}${SYNC_PATH}/${roomName(w.id as never, 'map:joint')}`;
  const honestUrls: string[] = [];
  for (let i = 0; i < HONEST; i++) honestUrls.push(`${base}?token=${await w.participant(`Eerlijk ${i}`)}`);
  const honest = child(honestSource(honestUrls, SECONDS));
  await next(honest);
  const attacker = await w.participant('Aanvaller');
  const floods = flood
    ? Array.from({ length: FLOOD_PROCS }, () =>
        child(floodSource(`${base}?token=${attacker}`, FLOOD_RATE / FLOOD_PROCS, SECONDS + WARMUP)),
      )
    : [];
  const floodResults = Promise.all(floods.map((c) => next<Record<string, number>>(c)));
  if (flood) await new Promise((r) => setTimeout(r, WARMUP * 1000));
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const cpu0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  honest.send('start');
  const h = await next<{ rtts: number[]; failed: number; open: number }>(honest);
  const results = await floodResults;
  const f = flood
    ? Object.fromEntries(
        ['tried', 'opened', 'refused', 'other', 'seconds'].map((k) => [
          k,
          k === 'seconds' ? results[0].seconds : results.reduce((sum, r) => sum + r[k], 0),
        ]),
      )
    : null;
  delay.disable();
  const cpu = process.cpuUsage(cpu0);
  const elu = performance.eventLoopUtilization(elu0);
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  console.log(
    `${label}: honest round trips ${h.rtts.length} (${h.open}/${HONEST} still open), p50 ${pct(h.rtts, 50).toFixed(1)} ms, ` +
      `p99 ${pct(h.rtts, 99).toFixed(1)} ms, max ${Math.max(...h.rtts).toFixed(1)} ms; server event-loop delay ` +
      `p99 ${ms(delay.percentile(99))} ms, max ${ms(delay.max)} ms; server CPU ${((cpu.user + cpu.system) / 1000 / SECONDS / 10).toFixed(0)}% ` +
      `of a core, main thread busy ${(elu.utilization * 100).toFixed(0)}%` +
      (f
        ? `; flood (warm-up included) ${f.tried} attempts in ${f.seconds.toFixed(1)} s (${(f.tried / f.seconds).toFixed(0)}/s): ${f.opened} let in, ${f.refused} got 429, ${f.other} other errors`
        : '') +
      `; load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  await app.close();
}

async function main() {
  console.log(
    `${os.cpus().length} cores; flood ${FLOOD_RATE} attempts/s from ${FLOOD_PROCS} processes; ${WARMUP} s warm-up, ${SECONDS} s measured`,
  );
  const defaults = { connectsPerSecond: DEFAULTS.connectsPerSecond, connectBurst: DEFAULTS.connectBurst };
  await run('no flood', defaults, false);
  await run('flood, default connect limits', defaults, true);
  await run('flood, connect limits lifted', null, true);
  process.exit(0);
}
void main();
