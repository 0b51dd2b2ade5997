/**
 * How long a large backup import blocks the server's event loop (issue 12, T13; not in CI):
 * `npx tsx bench/importStall.ts [-- --versions=1500 --cards=120]`.
 *
 * Builds a backup near the import limit (PKL_MAX_IMPORT_BYTES, 50 MB): maps full of cards, a drafts
 * document per participant, many saved versions. Runs the real server in this process and records
 * its event-loop delay (`monitorEventLoopDelay`) while the file is posted, and the delay of
 * `/api/time` asked every 10 ms from a second process during the import. Goal: no stall over 50 ms.
 */
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { BACKUP_FORMAT, BACKUP_VERSION, toBase64, type BackupFile } from '../shared/backup.js';
import type { ParticipantId } from '../shared/ids.js';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { startApp } from '../server/app.js';
import { testConfig } from '../server/test/harness.js';
import { installCleanup, track } from './children.js';

const arg = (name: string, fallback: number) => {
  const m = process.argv.find((a) => a.startsWith(`--${name}=`));
  return m ? Number(m.split('=')[1]) : fallback;
};
const VERSIONS = arg('versions', 1500);
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
    workshop: { title: 'Grote import', createdAt: Date.now(), partners: [], flow: 'joint' },
    participants,
    documents,
    versions,
    readable: {},
  };
}

/** A second process asks /api/time every 10 ms and reports the slowest answer (the server as a user sees it). */
function pinger(url: string) {
  const source = `
    let worst = 0, n = 0, stop = false;
    process.on('message', () => { stop = true; });
    (async () => {
      while (!stop) {
        const t = performance.now();
        await fetch('${url}/api/time').then((r) => r.text());
        worst = Math.max(worst, performance.now() - t); n++;
        await new Promise((r) => setTimeout(r, 10));
      }
      process.send({ worst, n }, () => process.exit(0));
    })();`;
  const child = track(spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  return {
    stop: () =>
      new Promise<{ worst: number; n: number }>((resolve) => {
        child.once('message', (m) => resolve(m as { worst: number; n: number }));
        child.send('stop');
      }),
  };
}

async function main() {
  installCleanup();
  const backup = Buffer.from(JSON.stringify(buildBackup()));
  const app = await startApp(testConfig(), () => {});
  console.log(
    `import stall: backup of ${(backup.byteLength / 1024 / 1024).toFixed(1)} MB (${VERSIONS} versions, ${PARTICIPANTS} participants, ${CARDS} cards per map)`,
  );
  const ping = pinger(app.url);
  // Let the pinger warm up before the import starts.
  await new Promise((r) => setTimeout(r, 500));
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const start = performance.now();
  const res = await fetch(`${app.url}/api/backup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: backup,
  });
  const body = await res.text();
  const seconds = (performance.now() - start) / 1000;
  delay.disable();
  const pinged = await ping.stop();
  console.log(`  status ${res.status} after ${seconds.toFixed(2)} s${res.ok ? '' : `: ${body.slice(0, 200)}`}`);
  console.log(
    `  server event-loop delay: max ${(delay.max / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms (goal: max ≤ 50 ms)`,
  );
  console.log(`  /api/time from another process: slowest of ${pinged.n} answers ${pinged.worst.toFixed(0)} ms`);
  await app.close();
  process.exit(res.status === 201 ? 0 : 1);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
