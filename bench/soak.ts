/**
 * Soak under attack (issue 12; not in CI):
 * `npm run soak [-- --frames=100000 --seconds=20 --attackers=2 --parallel=8 --attacker-nice=10 --profile=DIR]`.
 *
 * Three kinds of process, each with its own event loop: the real server, this one (only the healthy
 * upstream y-websocket clients, which write cards and time them), and the attackers
 * (bench/soakAttacker.ts), so attackers never delay the healthy clients' own loop and what is
 * measured is the server. A quiet run first, then the same load while the attackers send hostile
 * frames (forged Yjs updates of every kind in issue 12 and malformed frames). `--profile=DIR` has the
 * server write a V8 CPU profile there. Prints the healthy clients' edit-to-peer latency
 * p99 (quiet vs under attack), the server's RSS, how the attackers were closed, and how many junk root
 * types a fresh client finds in the document afterwards. Goals: 0 junk roots, p99 under attack ≤ 2× quiet.
 */
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { CreateWorkshopResponse, JoinResponse } from '../shared/api.js';
import { getCards } from '../shared/cardSchema.js';
import type { CardId, PartnerId } from '../shared/ids.js';
import { DOC_ROOTS } from '../shared/docSchema.js';
import { createCard, deleteCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { roomName, SYNC_PATH } from '../shared/protocol.js';
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChildServer } from '../server/test/childServer.js';
import { tempDataDir } from '../server/test/harness.js';
import { installCleanup, track } from './children.js';
import { cpuMs, peakRssMb, rssMb } from './procfs.js';
import type { AttackerConfig, AttackerResult } from './soakAttacker.js';

const arg = (name: string, fallback: number) => {
  const m = process.argv.find((a) => a.startsWith(`--${name}=`));
  return m ? Number(m.split('=')[1]) : fallback;
};
const TOTAL_FRAMES = arg('frames', 100_000);
const QUIET_SECONDS = arg('seconds', 20);
const HEALTHY_WRITERS = 4;
const WRITE_EVERY_MS = 100;
/** Live cards kept on the map: a real workshop's size (ROOM.md: up to 120), so the run measures the
 * attack, not a map that grows by 10 cards a second for as long as the soak lasts. */
const LIVE_CARDS = 120;
/** Frames per attacker connection: the first hostile one closes it; the rest still have to be read. */
const FRAMES_PER_CONNECTION = 50;
/** Connections each attacker process keeps busy at once (`--parallel=N`). */
const PARALLEL_ATTACKERS = arg('parallel', 8);
const ATTACKER_PROCESSES = arg('attackers', 2);
/**
 * Scheduling priority of the attacker processes (`--attacker-nice=N`, 0 to 19). Real attackers run on
 * their own machines; here they share the cores with the server and the healthy clients, so by default
 * they yield to them: what is measured is what the server does with the frames, not the CPU the
 * attackers took to make them.
 */
const ATTACKER_NICE = arg('attacker-nice', 10);
/** `--profile=DIR`: the server writes a V8 CPU profile there when it stops (node --cpu-prof). */
const PROFILE_DIR = process.argv.find((a) => a.startsWith('--profile='))?.split('=')[1];
const here = path.dirname(fileURLToPath(import.meta.url));

/** One attacker process (bench/soakAttacker.ts) with its own event loop; resolves with what it sent. */
function runAttacker(cfg: AttackerConfig): Promise<AttackerResult> {
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', path.join(here, 'soakAttacker.ts'), JSON.stringify(cfg)], {
      cwd: path.resolve(here, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  try {
    if (ATTACKER_NICE > 0) os.setPriority(child.pid!, ATTACKER_NICE);
  } catch {
    // Not allowed here: the attackers run at normal priority.
  }
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const lines = output.split('\n');
      output = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('SOAK_PROGRESS ')) console.log(`  … attacker ${child.pid}: ${line.slice(14)} frames sent`);
        if (line.startsWith('SOAK_RESULT ')) resolve(JSON.parse(line.slice(12)) as AttackerResult);
      }
    });
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`attacker exited with ${code}`));
    });
  });
}

async function json<T>(url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method: body ? 'POST' : 'GET',
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return (await res.json()) as T;
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
}

async function main() {
  installCleanup();
  const server = await startChildServer(
    tempDataDir(),
    {
      PKL_MAX_CONNECTIONS_PER_ADDRESS: '100000',
      // The hostile clients reconnect after every refusal from 127.0.0.1 too: the soak is about frames.
      PKL_CONNECTS_PER_SECOND: '1000000',
      PKL_CONNECT_BURST: '1000000',
      PKL_JOINS_PER_MINUTE: '1000000',
      PKL_CREATES_PER_MINUTE: '1000000',
    },
    PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-interval=2000', `--cpu-prof-dir=${path.resolve(PROFILE_DIR)}`] : [],
  );
  track(server.child);
  const pid = server.child.pid!;
  const w = await json<CreateWorkshopResponse>(`${server.url}/api/workshops`, {
    title: 'Soak',
    partners: ['Zorg', 'Gemeente'],
  });
  const join = async (name: string) => ({
    name,
    ...(await json<JoinResponse>(`${server.url}/api/workshops/${w.id}/participants`, {
      name,
      partner: 'zorg',
      role: 'citizen',
    })),
  });
  const room = roomName(w.id, 'map:joint');

  // Healthy clients: writers and one observer that timestamps when each card arrives.
  const provider = (me: JoinResponse & { name: string }) => {
    const token = me.token;
    const doc = new Y.Doc();
    const p = new WebsocketProvider(`ws://127.0.0.1:${server.port}${SYNC_PATH}`, room, doc, {
      params: { token },
      WebSocketPolyfill: WebSocket as never,
      disableBc: true,
    });
    return { doc, p, me, written: [] as CardId[] };
  };
  const observer = provider(await join('Observer'));
  const writers = await Promise.all(
    Array.from({ length: HEALTHY_WRITERS }, async (_, i) => provider(await join(`Writer ${i}`))),
  );
  await new Promise<void>((r) => {
    const t = setInterval(() => {
      if ([observer, ...writers].every((c) => c.p.synced)) {
        clearInterval(t);
        r();
      }
    }, 20);
  });
  // The attackers' tokens before anything is timed: 20 joins are 20 writes to the store, a stall of
  // their own that would otherwise be counted as the attack's.
  const attackerTokens = (await Promise.all(Array.from({ length: 20 }, (_, i) => join(`Mallory ${i}`)))).map(
    (j) => j.token,
  );
  const sentAt = new Map<string, number>();
  let latencies: number[] = [];
  getCards(observer.doc).observe((e) => {
    for (const key of e.keysChanged) {
      const t = sentAt.get(key);
      if (t !== undefined) {
        latencies.push(performance.now() - t);
        sentAt.delete(key);
      }
    }
  });
  let healthyRefusals = 0;
  const healthyCodes: string[] = [];
  for (const c of [observer, ...writers]) {
    c.p.on('connection-close', (e) => {
      if (e && e.code >= 4000) {
        healthyRefusals++;
        healthyCodes.push(`${e.code} ${e.reason}`);
      }
    });
  }
  let writing = true;
  const writeLoop = (async () => {
    let i = 0;
    while (writing) {
      const wr = writers[i++ % writers.length];
      const id = createCard(
        wr.doc,
        {
          column: 'values',
          author: wr.me.participantId,
          authorName: wr.me.name,
          partner: 'zorg' as PartnerId,
          text: `kaart ${i}`,
        },
        LOCAL_USER,
      );
      sentAt.set(id, performance.now());
      wr.written.push(id);
      // Each writer removes its own oldest card once the map holds LIVE_CARDS (their own cards: [H2]).
      if (wr.written.length > LIVE_CARDS / writers.length) deleteCard(wr.doc, wr.written.shift()!, LOCAL_USER);
      await new Promise((r) => setTimeout(r, WRITE_EVERY_MS / writers.length));
    }
  })();

  // This process runs only the healthy clients; its own event-loop delay shows it is not what is slow.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  console.log(`soak: ${HEALTHY_WRITERS} writers synced; quiet run of ${QUIET_SECONDS} s`);
  // Quiet run.
  const quietCpuStart = cpuMs(pid);
  await new Promise((r) => setTimeout(r, QUIET_SECONDS * 1000));
  const serverCpuQuiet = (cpuMs(pid) - quietCpuStart) / 10 / QUIET_SECONDS;
  const quiet = latencies;
  latencies = [];
  const loopQuiet = loopDelay.percentile(99) / 1e6;
  loopDelay.reset();
  const rssQuiet = rssMb(pid);

  // Hostile run: attacker processes send TOTAL_FRAMES frames, mixed forged and malformed.
  const victim = writers[0].doc.clientID;
  console.log(
    `soak: attack with ${TOTAL_FRAMES} frames from ${ATTACKER_PROCESSES} attacker process(es), ${PARALLEL_ATTACKERS} connections each, nice ${ATTACKER_NICE}`,
  );
  const attackStart = performance.now();
  const serverCpuStart = cpuMs(pid);
  const results = await Promise.all(
    Array.from({ length: ATTACKER_PROCESSES }, (_, i) =>
      runAttacker({
        port: server.port,
        room,
        tokens: attackerTokens.filter((_, t) => t % ATTACKER_PROCESSES === i),
        victim,
        frames: Math.ceil(TOTAL_FRAMES / ATTACKER_PROCESSES),
        parallel: PARALLEL_ATTACKERS,
        framesPerConnection: FRAMES_PER_CONNECTION,
        seed: 12 + i,
      }),
    ),
  );
  const attackSeconds = (performance.now() - attackStart) / 1000;
  const serverCpu = (cpuMs(pid) - serverCpuStart) / 10 / attackSeconds;
  const sent = results.reduce((n, r) => n + r.sent, 0);
  const closes = new Map<number, number>();
  for (const r of results)
    for (const [code, n] of Object.entries(r.closes)) closes.set(Number(code), (closes.get(Number(code)) ?? 0) + n);
  const underAttack = latencies;
  const loopAttack = loopDelay.percentile(99) / 1e6;
  loopDelay.disable();
  writing = false;
  await writeLoop;
  const rssAfter = rssMb(pid);
  const rssPeak = peakRssMb(pid);

  // What is left in the document: a fresh client's view.
  const check = provider(await join('Check'));
  await new Promise<void>((r) => {
    const t = setInterval(() => {
      if (check.p.synced) {
        clearInterval(t);
        r();
      }
    }, 20);
  });
  const junk = [...check.doc.share.keys()].filter((k) => !Object.hasOwn(DOC_ROOTS.map, k));
  const nonCards: string[] = [];
  getCards(check.doc).forEach((v, k) => {
    if (!(v instanceof Y.Map)) nonCards.push(k);
  });

  const p99q = percentile(quiet, 99);
  const p99a = percentile(underAttack, 99);
  console.log(
    `soak: ${sent} hostile frames over ${attackSeconds.toFixed(1)} s (${(sent / attackSeconds).toFixed(0)}/s) on ${[...closes.values()].reduce((a, b) => a + b, 0)} connections`,
  );
  console.log(`  attacker closes by code: ${JSON.stringify(Object.fromEntries(closes))}`);
  console.log(
    `  server CPU: quiet ${serverCpuQuiet.toFixed(0)}%; during the attack: server ${serverCpu.toFixed(0)}%, attackers ${results.map((r) => `${(r.cpuMs / 10 / r.seconds).toFixed(0)}%`).join(', ')} (100% = one core)`,
  );
  console.log(
    `  healthy edits: quiet ${quiet.length} (p50 ${percentile(quiet, 50).toFixed(1)} ms, p99 ${p99q.toFixed(1)} ms); under attack ${underAttack.length} (p50 ${percentile(underAttack, 50).toFixed(1)} ms, p99 ${p99a.toFixed(1)} ms); ratio ${(p99a / p99q).toFixed(2)} (goal ≤ 2)`,
  );
  console.log(
    `  healthy process event-loop delay p99: quiet ${loopQuiet.toFixed(1)} ms, under attack ${loopAttack.toFixed(1)} ms`,
  );
  console.log(`  healthy clients refused: ${healthyRefusals} ${JSON.stringify(healthyCodes)}`);
  console.log(
    `  server RSS: quiet ${rssQuiet.toFixed(0)} MB, after ${rssAfter.toFixed(0)} MB, peak ${rssPeak.toFixed(0)} MB`,
  );
  console.log(
    `  machine: load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (other work on it delays every process)`,
  );
  console.log(`  junk root types left: ${junk.length} (goal 0); non-card entries in cards: ${nonCards.length}`);
  for (const c of [observer, ...writers, check]) {
    c.p.destroy();
    c.doc.destroy();
  }
  await server.kill('SIGTERM');
  process.exit(junk.length === 0 && nonCards.length === 0 && healthyRefusals === 0 ? 0 : 1);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
