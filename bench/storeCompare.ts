/**
 * SQLite vs Postgres under the server's own write path (issue 15, item 2): the real Committer (group
 * commit) over each store's real DocWriter, so the figures are what a room waits before it may
 * broadcast. Two measurements per store:
 *   - commit latency: one update at a time, each waiting for its own commit (no batching possible);
 *   - saturation: N writers, each sending its next update as soon as the previous one is durable
 *     (closed loop), for a few seconds: updates/s and the p99 wait per update.
 *
 * Run: `npx tsx bench/storeCompare.ts` (SQLite only) or with
 * `PKL_BENCH_DATABASE_URL=postgres://…` for both; `PKL_BENCH_WRITERS`, `PKL_BENCH_SECONDS` tune it.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newWorkshopId } from '../shared/ids.js';
import { PostgresStore } from '../server/store/PostgresStore.js';
import { SqliteStore } from '../server/store/SqliteStore.js';
import type { Store } from '../server/store/Store.js';
import { Committer, type CommitListener } from '../server/sync/Committer.js';
import { fmt, fmtInt, percentile, ratio, table } from './stats.js';

const SINGLE = 400;
const WRITERS = Number(process.env.PKL_BENCH_WRITERS ?? 200);
const SECONDS = Number(process.env.PKL_BENCH_SECONDS ?? 5);
const ROOMS = 20;
/** About what one typed character costs as a Yjs update. */
const UPDATE_BYTES = 28;

interface Result {
  store: string;
  singleP50: number;
  singleP99: number;
  singleMax: number;
  perSecond: number;
  satP50: number;
  satP99: number;
}

/** A listener that resolves the promise of each update it queued, in order, once committed. */
class Waiter implements CommitListener {
  private waiting: (() => void)[] = [];
  onCommitted(rows: number): void {
    for (const resolve of this.waiting.splice(0, rows)) resolve();
  }
  onCommitFailed(error: unknown): void {
    throw error;
  }
  next(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

async function measure(name: string, store: Store): Promise<Result> {
  const writer = store.openWriter();
  const committer = new Committer(writer);
  const workshopId = newWorkshopId();
  const rooms = Array.from({ length: ROOMS }, (_, i) => `${workshopId}/drafts:p${i}`);
  const update = (room: string) => ({ room, workshopId, data: randomBytes(UPDATE_BYTES) });

  const single = new Float64Array(SINGLE);
  const one = new Waiter();
  for (let i = 0; i < SINGLE; i++) {
    const start = performance.now();
    const done = one.next();
    committer.enqueue(one, update(rooms[i % ROOMS]));
    await done;
    single[i] = performance.now() - start;
  }
  single.sort();

  const waits: number[] = [];
  let committed = 0;
  const until = performance.now() + SECONDS * 1000;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, i) => {
      const me = new Waiter();
      while (performance.now() < until) {
        const start = performance.now();
        const done = me.next();
        committer.enqueue(me, update(rooms[i % ROOMS]));
        await done;
        waits.push(performance.now() - start);
        committed++;
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  await committer.drain();
  await writer.close();
  const sat = Float64Array.from(waits).sort();
  return {
    store: name,
    singleP50: percentile(single, 50),
    singleP99: percentile(single, 99),
    singleMax: single[single.length - 1],
    perSecond: committed / elapsed,
    satP50: percentile(sat, 50),
    satP99: percentile(sat, 99),
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pkl-store-bench-'));
const results: Result[] = [];
try {
  const sqlite = new SqliteStore(dir);
  results.push(await measure('SQLite (writer thread, WAL, synchronous=FULL)', sqlite));
  await sqlite.close();
  const url = process.env.PKL_BENCH_DATABASE_URL;
  if (url) {
    const schema = `bench_${randomBytes(6).toString('hex')}`;
    const pg = await PostgresStore.open({ url, schema });
    try {
      results.push(await measure('Postgres 15 (localhost TCP, synchronous_commit=on)', pg));
    } finally {
      await pg.query(`DROP SCHEMA ${schema} CASCADE`);
      await pg.close();
    }
  } else {
    console.log('(set PKL_BENCH_DATABASE_URL=postgres://… to measure Postgres too)');
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log(
  `\nCommit path, ${UPDATE_BYTES}-byte updates over ${ROOMS} rooms; saturation: ${WRITERS} writers, closed loop, ${SECONDS} s\n`,
);
console.log(
  table(
    [
      'store',
      'single p50 ms',
      'single p99 ms',
      'single max ms',
      'saturated updates/s',
      'saturated p50 ms',
      'saturated p99 ms',
    ],
    results.map((r) => [
      r.store,
      fmt(r.singleP50, 2),
      fmt(r.singleP99, 2),
      fmt(r.singleMax, 1),
      fmtInt(r.perSecond),
      fmt(r.satP50, 1),
      fmt(r.satP99, 1),
    ]),
  ),
);
if (results.length === 2) {
  console.log(
    `\nPostgres / SQLite: single p99 ${ratio(results[1].singleP99, results[0].singleP99)}, updates/s ${ratio(results[1].perSecond, results[0].perSecond)}`,
  );
}
