/**
 * How long a large backup import blocks the server's event loop (issue 12, T13, T18; not in CI):
 * `npx tsx bench/importStall.ts [-- --versions=700 --cards=120] [--joins=1]`.
 *
 * Builds a backup near the import limit (PKL_MAX_IMPORT_BYTES, 50 MB) in another process: maps full
 * of cards, a drafts document per participant, many saved versions. Runs the real server in this process and records
 * its event-loop delay (`monitorEventLoopDelay`) while a second process posts the file and asks
 * `/api/time` every 10 ms. Goal: no stall over 50 ms.
 *
 * `--joins=1`: the other process also joins another workshop every 10 ms, 20 times before the
 * import and then throughout it, and the server times each join's write (`store.addParticipant`,
 * until its promise resolves). With SQLite it runs in the writer thread ([T18]), so it waits there for
 * at most one slice of the import and the event loop not at all; before, it ran on the server's
 * thread, waiting for SQLite's write lock and its own fsync with the event loop blocked.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { BACKUP_FORMAT, BACKUP_VERSION, toBase64, type BackupFile } from '../shared/backup.js';
import type { ParticipantId } from '../shared/ids.js';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { startApp } from '../server/app.js';
import { testConfig } from '../server/test/harness.js';
import { installCleanup, track, trackDir } from './children.js';

const arg = (name: string, fallback: number) => {
  const m = process.argv.find((a) => a.startsWith(`--${name}=`));
  return m ? Number(m.split('=')[1]) : fallback;
};
const VERSIONS = arg('versions', 700);
const CARDS = arg('cards', 120);
const PARTICIPANTS = arg('participants', 1000);
const COLUMNS = ['values', 'relations', 'actions'] as const;

function mapState(cards: number, seed: number): Uint8Array {
  const doc = new Y.Doc();
  for (let i = 0; i < cards; i++) {
    createCard(
      doc,
      {
        column: COLUMNS[i % COLUMNS.length],
        author: `p${(seed + i) % PARTICIPANTS}` as ParticipantId,
        authorName: `Deelnemer ${i}`,
        partner: '',
        text: `Kaart ${seed}-${i}: ${'een zin over samenwerken in de wijk '.repeat(3)}`,
      },
      LOCAL_USER,
    );
  }
  return Y.encodeStateAsUpdate(doc);
}

function buildBackup(): BackupFile {
  const joint = toBase64(mapState(CARDS, 0));
  const documents: Record<string, string> = { 'map:joint': joint };
  const drafts = toBase64(mapState(3, 1));
  const participants: BackupFile['participants'] = [];
  for (let i = 0; i < PARTICIPANTS; i++) {
    participants.push({ id: `p${i}`, name: `Deelnemer ${i}`, partner: '', role: 'citizen', access: 'participant' });
    if (i < 200) documents[`drafts:p${i}`] = drafts;
  }
  const versions: BackupFile['versions'] = Array.from({ length: VERSIONS }, (_, i) => ({
    doc: 'map:joint',
    kind: 'manual',
    label: `Versie ${i}`,
    createdAt: Date.now() - i * 1000,
    cardCount: CARDS,
    state: joint,
  }));
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: Date.now(),
    workshop: {
      title: 'Grote import',
      createdAt: Date.now(),
      partners: [
        { id: 'zorg' as never, name: 'Zorg', color: '#1f77b4' },
        { id: 'gemeente' as never, name: 'Gemeente', color: '#ff7f0e' },
      ],
      flow: 'joint',
    },
    participants,
    documents,
    versions,
    readable: {},
  };
}

/**
 * A second process posts the backup and asks /api/time every 10 ms meanwhile, so this process runs
 * only the server and its event-loop delay is the server's own.
 */
function client(url: string, file: string, joinPath: string | null) {
  const source = `
    const fs = require('node:fs');
    let worst = 0, n = 0, done = false;
    const joinPath = ${JSON.stringify(joinPath)};
    const joins = { before: [], during: [] };
    const join = async (into) => {
      const t = performance.now();
      const r = await fetch('${url}' + joinPath, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Deelnemer', partner: 'zorg', role: 'professional' }) });
      await r.text();
      if (r.status !== 201) throw new Error('join ' + r.status);
      into.push(performance.now() - t);
    };
    (async () => {
      const body = fs.readFileSync(${JSON.stringify(file)});
      if (joinPath) for (let i = 0; i < 20; i++) await join(joins.before);
      const t0 = performance.now();
      const post = fetch('${url}/api/backup', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
        .then(async (r) => ({ status: r.status, text: await r.text() }))
        .finally(() => { done = true; });
      while (!done) {
        const t = performance.now();
        await fetch('${url}/api/time').then((r) => r.text());
        worst = Math.max(worst, performance.now() - t); n++;
        if (joinPath) await join(joins.during);
        await new Promise((r) => setTimeout(r, 10));
      }
      const res = await post;
      process.send({ ...res, seconds: (performance.now() - t0) / 1000, worst, n, joins }, () => process.exit(0));
    })();`;
  const child = track(spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  return new Promise<{
    status: number;
    text: string;
    seconds: number;
    worst: number;
    n: number;
    joins: { before: number[]; during: number[] };
  }>((resolve) => child.once('message', (m) => resolve(m as never)));
}

/**
 * The file is built by another process (this script with `--write=<file>`): built here, its ~100 MB
 * of garbage (the JSON text, the states) would sit in the server's heap and be collected during the
 * import, a cost no real server has. `--build-here=1` builds it in this process, as before.
 */
async function writeBackup(file: string): Promise<void> {
  if (arg('build-here', 0)) return fs.writeFileSync(file, JSON.stringify(buildBackup()));
  const args = [...process.execArgv, process.argv[1], `--write=${file}`, ...process.argv.slice(2)];
  const child = track(spawn(process.execPath, args, { stdio: 'inherit' }));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`building the backup failed (${code})`);
}

async function main() {
  const target = process.argv.find((a) => a.startsWith('--write='))?.slice('--write='.length);
  if (target) return fs.writeFileSync(target, JSON.stringify(buildBackup()));
  installCleanup();
  const file = path.join(trackDir(fs.mkdtempSync(path.join(os.tmpdir(), 'pkl-import-'))), 'backup.json');
  await writeBackup(file);
  const size = fs.statSync(file).size;
  const app = await startApp(testConfig(), () => {});
  console.log(
    `import stall: backup of ${(size / 1024 / 1024).toFixed(1)} MB (${VERSIONS} versions, ${PARTICIPANTS} participants, ${CARDS} cards per map)`,
  );
  // The floor: the same server doing nothing for 3 s (on a shared machine, other processes delay it too).
  const idle = monitorEventLoopDelay({ resolution: 5 });
  idle.enable();
  await new Promise((r) => setTimeout(r, 3000));
  idle.disable();
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  // Timing the server's own write of each join (addParticipant), before and during the import.
  const writes: number[] = [];
  let joinPath: string | null = null;
  if (arg('joins', 0)) {
    const r = await fetch(`${app.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Naast de import', partners: ['Zorg', 'Gemeente'] }),
    });
    joinPath = `/api/workshops/${((await r.json()) as { id: string }).id}/participants`;
    const store = app.store;
    const add = store.addParticipant.bind(store);
    store.addParticipant = async (...a) => {
      const t = performance.now();
      try {
        return await add(...a);
      } finally {
        writes.push(performance.now() - t);
      }
    };
  }
  const res = await client(app.url, file, joinPath);
  delay.disable();
  console.log(
    `  status ${res.status} after ${res.seconds.toFixed(2)} s${res.status === 201 ? '' : `: ${res.text.slice(0, 200)}`}`,
  );
  console.log(
    `  server event-loop delay: max ${(delay.max / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms (goal: max ≤ 50 ms)`,
  );
  console.log(
    `  idle floor before the import: max ${(idle.max / 1e6).toFixed(0)} ms, p99 ${(idle.percentile(99) / 1e6).toFixed(0)} ms`,
  );
  console.log(
    `  /api/time from another process during the import: slowest of ${res.n} answers ${res.worst.toFixed(0)} ms`,
  );
  if (joinPath) {
    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      return `median ${at(0.5).toFixed(1)}, p99 ${at(0.99).toFixed(1)}, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`;
    };
    const before = res.joins.before.length;
    console.log(`  joins before the import (${before}): answer ${stats(res.joins.before)}`);
    console.log(`  joins during the import (${res.joins.during.length}): answer ${stats(res.joins.during)}`);
    console.log(`  the server's write of each join (addParticipant, until durable):`);
    console.log(`    before the import: ${stats(writes.slice(0, before))}`);
    console.log(`    during the import: ${stats(writes.slice(before))}`);
  }
  console.log(`  load average at the end: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
  await app.close();
  process.exit(res.status === 201 ? 0 : 1);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
