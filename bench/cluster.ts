/**
 * `npm run bench:cluster`: the cluster of docs/decisions/0031 against one SQLite node, on this machine.
 * 1. The same load (upstream y-websocket clients in worker processes, as `npm run bench`) on one node
 *    with SQLite, then on 1, 2 and 3 nodes sharing a throwaway Postgres behind HAProxy: writes/s
 *    reached and delivery latency. On one machine more nodes cannot add CPU; this is the cost of the
 *    extra hop and of Postgres commits, not a scaling curve.
 * 2. Failover: with 3 nodes, SIGKILL the node holding most workshops while every room writes, and
 *    time each of its rooms from the kill until a write made after it reaches the other client (the
 *    clients reconnect with the product's back-off: y-websocket's default, at most 2.5 s).
 * Prints numbers; asserts nothing. Results: docs/PERFORMANCE.md, "Cluster".
 *
 * Knobs: BENCH_QUICK=1 (short), BENCH_CLUSTER_SHAPES=1x40@2,12x4@48 (rooms x clients @ writes/s per
 * client), BENCH_CLUSTER_NODES=1,2,3, BENCH_DURATION=8 (measured seconds), BENCH_KILLS=3, BENCH_WORKERS=2,
 * BENCH_CLUSTER_SKIP=load|failover (leave out a part).
 */
import pg from 'pg';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { CreateWorkshopResponse, JoinResponse, WorkshopInfo } from '../shared/api.js';
import { getCards } from '../shared/cardSchema.js';
import { createCard, type CreateCardInput } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { SYNC_PATH, isRetryableClose, roomName } from '../shared/protocol.js';
import { startCluster, type LocalCluster } from '../scripts/localCluster.js';
import { installCleanup } from './children.js';
import { Generator } from './generator.js';
import { ourBenchEnv, ourRooms, startOurs, type Target } from './servers.js';
import { fmt, fmtInt, table } from './stats.js';
import { measureOnce, type LoadShape, type Measurement, type Timing } from './sync.js';

installCleanup();
process.setMaxListeners(0);

const env = process.env;
const quick = env.BENCH_QUICK === '1';
const shapes: LoadShape[] = (env.BENCH_CLUSTER_SHAPES ?? (quick ? '1x10@2,4x4@16' : '1x40@2,12x4@48'))
  .split(',')
  .map((s) => {
    const m = /^(\d+)x(\d+)@(\d+(?:\.\d+)?)$/.exec(s.trim());
    if (!m) throw new Error(`bad shape "${s}": use ROOMSxCLIENTS@RATE`);
    return { rooms: Number(m[1]), clients: Number(m[2]), rate: Number(m[3]) };
  });
const nodeCounts = (env.BENCH_CLUSTER_NODES ?? '1,2,3').split(',').map(Number);
const timing: Timing = {
  warmupMs: (quick ? 1 : 2) * 1000,
  measureMs: Number(env.BENCH_DURATION ?? (quick ? 4 : 8)) * 1000,
  watchMs: 5000,
  chars: 1,
};
const workers = Number(env.BENCH_WORKERS ?? 2);
const kills = Number(env.BENCH_KILLS ?? (quick ? 1 : 3));

async function withCluster<T>(nodes: number, rate: number, fn: (c: LocalCluster) => Promise<T>): Promise<T> {
  const c = await startCluster({ nodes, env: ourBenchEnv(rate) });
  try {
    return await fn(c);
  } finally {
    await c.stop();
  }
}

/** The cluster as a bench target: HTTP and websockets through HAProxy. CPU is of node 1 only. */
function clusterTarget(c: LocalCluster): Target {
  const first = c.nodes[0].server!;
  return {
    kind: 'ours',
    label: `${c.nodes.length} node(s)`,
    pid: first.child.pid!,
    port: c.haproxy.port,
    httpUrl: c.haproxy.url,
    child: first.child,
    makeRooms: ourRooms(c.haproxy.url, c.haproxy.port),
    stop: async () => {},
  };
}

async function measure(target: Target, shape: LoadShape): Promise<Measurement> {
  console.log(`[bench:cluster] ${target.label}: ${shape.rooms}x${shape.clients}@${shape.rate}`);
  const rooms = await target.makeRooms(shape.rooms, shape.clients);
  const gen = await Generator.start(rooms, workers, null);
  try {
    return await measureOnce(target, gen, shape, timing, { resetRss: false });
  } finally {
    await gen.close();
  }
}

interface Row {
  setup: string;
  shape: LoadShape;
  m: Measurement;
}

async function throughput(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const shape of shapes) {
    const single = await startOurs(ourBenchEnv(shape.rate));
    try {
      rows.push({ setup: '1 node, SQLite, direct', shape, m: await measure(single, shape) });
    } finally {
      await single.stop();
    }
    for (const n of nodeCounts) {
      const m = await withCluster(n, shape.rate, (c) => measure(clusterTarget(c), shape));
      rows.push({ setup: `${n} node${n > 1 ? 's' : ''}, Postgres, HAProxy`, shape, m });
    }
  }
  return rows;
}

async function json<T>(url: string, method: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A client as the product makes it: upstream provider, default back-off, retry on retryable closes. */
function client(port: number, workshop: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}${SYNC_PATH}`, roomName(workshop, 'map:joint'), doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    shouldReconnect: (event) => isRetryableClose(event.code),
  });
  return { doc, provider };
}

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** ms from each kill to the first write after it reaching the other client, per room of the killed node. */
async function failover(): Promise<number[]> {
  return withCluster(3, 10, async (c) => {
    const url = c.haproxy.url;
    const rooms = await Promise.all(
      Array.from({ length: 6 }, async (_, r) => {
        const created = await json<CreateWorkshopResponse>(`${url}/api/workshops`, 'POST', {
          title: `Failover ${r}`,
          partners: ['Gemeente', 'Wijkteam'],
        });
        const info = await json<WorkshopInfo>(`${url}/api/workshops/${created.id}`, 'GET');
        const join = (name: string) =>
          json<JoinResponse>(`${url}/api/workshops/${created.id}/participants`, 'POST', {
            name,
            partner: info.partners[0].id,
            role: 'citizen',
          });
        const [w, o] = [await join('Schrijver'), await join('Lezer')];
        return {
          id: created.id,
          writer: client(c.haproxy.port, created.id, w.token),
          observer: client(c.haproxy.port, created.id, o.token),
          author: { author: w.participantId, authorName: 'Schrijver', partner: info.partners[0].id },
        };
      }),
    );
    const db = new pg.Client({ connectionString: c.postgres.url });
    await db.connect();
    const times: number[] = [];
    try {
      for (let k = 0; k < kills; k++) {
        for (let i = 0; i < c.nodes.length; i++) await c.waitNodeUp(i);
        await until(() => rooms.every((r) => r.writer.provider.synced && r.observer.provider.synced), 'synced');
        let n = 0;
        const writing = setInterval(() => {
          for (const r of rooms)
            createCard(
              r.writer.doc,
              {
                column: 'steps',
                ...(r.author as Pick<CreateCardInput, 'author' | 'authorName' | 'partner'>),
                text: `k${n++}`,
              },
              LOCAL_USER,
            );
        }, 50);
        // Who holds what: the last take of each workshop not followed by a release.
        const { rows } = await db.query<{ workshop_id: string; node: string; event: string }>(`
          SELECT DISTINCT ON (workshop_id) workshop_id, node, event FROM pkl_lease_log
          ORDER BY workshop_id, seq DESC`);
        const held = new Map(rows.filter((r) => r.event === 'take').map((r) => [r.workshop_id, r.node]));
        const instance = (i: number) => `${c.nodes[i].name}-${c.nodes[i].server!.child.pid}`;
        const alive = c.nodes.map((_, i) => i).filter((i) => c.nodes[i].server);
        const count = (i: number) => [...held.values()].filter((x) => x === instance(i)).length;
        const victim = alive.sort((a, b) => count(b) - count(a))[0];
        const hit = rooms.filter((r) => held.get(r.id) === instance(victim));
        // Cards the writer makes from now on; the room serves again once the observer has one of them.
        const before = hit.map((r) => new Set(getCards(r.writer.doc).keys()));
        const killedAt = performance.now();
        await c.killNode(victim);
        await Promise.all(
          hit.map(async (r, i) => {
            await until(
              () =>
                [...getCards(r.observer.doc).keys()].some((id) => !before[i].has(id) && getCards(r.writer.doc).has(id)),
              `room ${r.id} serving again`,
            );
            times.push(performance.now() - killedAt);
          }),
        );
        clearInterval(writing);
        await c.startNode(victim);
      }
    } finally {
      await db.end();
      for (const r of rooms) {
        r.writer.provider.destroy();
        r.observer.provider.destroy();
      }
    }
    return times;
  });
}

const skip = new Set((env.BENCH_CLUSTER_SKIP ?? '').split(','));
const rows = skip.has('load') ? [] : await throughput();
console.log('\nCluster: the same load on one SQLite node and on 1-3 nodes behind HAProxy sharing Postgres');
console.log(
  table(
    ['scenario', 'setup', 'writes/s (offered)', 'p50 ms', 'p99 ms', 'max ms', 'missing', 'closes'],
    rows.map((r) => [
      `${r.shape.rooms}x${r.shape.clients}@${r.shape.rate}`,
      r.setup,
      `${fmtInt(r.m.writesPerSec)} (${fmtInt(r.m.targetWritesPerSec)})`,
      fmt(r.m.p50),
      fmt(r.m.p99),
      fmt(r.m.max),
      String(r.m.missing),
      String(r.m.closes),
    ]),
  ),
);
const times = skip.has('failover') ? [] : (await failover()).sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? NaN;
console.log(
  `\nFailover (3 nodes, ${kills} SIGKILL(s), ${times.length} rooms moved): node death to its rooms serving again ` +
    `median ${fmtInt(median)} ms, max ${fmtInt(times[times.length - 1] ?? NaN)} ms`,
);
process.exit(0);
