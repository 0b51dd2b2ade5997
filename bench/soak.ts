/**
 * Soak under attack (issue 12; not in CI): `npm run soak [-- --frames=100000 --seconds=20]`.
 *
 * Starts the real server in its own process, lets healthy upstream y-websocket clients write cards
 * (a quiet run first, then the same load while attackers send hostile frames: forged Yjs updates of
 * every kind in issue 12 and malformed frames), and prints the healthy clients' edit-to-peer latency
 * p99 (quiet vs under attack), the server's RSS, how the attackers were closed, and how many junk root
 * types a fresh client finds in the document afterwards. Goals: 0 junk roots, p99 under attack ≤ 2× quiet.
 */
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { CreateWorkshopResponse, JoinResponse } from '../shared/api.js';
import { getCards } from '../shared/cardSchema.js';
import { DOC_ROOTS } from '../shared/docSchema.js';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { roomName, SYNC_PATH } from '../shared/protocol.js';
import { startChildServer } from '../server/test/childServer.js';
import { tempDataDir } from '../server/test/harness.js';
import {
  childOfNonType,
  deleteFutureRange,
  forwardSelfReference,
  gappedUpdate,
  gcClaim,
  pendingOnVictimsNextItem,
  serverStateFrom,
  skipStruct,
  syncFrame,
  writeAs,
} from '../server/test/forge.js';
import { peakRssMb, rssMb } from './procfs.js';

const arg = (name: string, fallback: number) => {
  const m = process.argv.find((a) => a.startsWith(`--${name}=`));
  return m ? Number(m.split('=')[1]) : fallback;
};
const TOTAL_FRAMES = arg('frames', 100_000);
const QUIET_SECONDS = arg('seconds', 20);
const HEALTHY_WRITERS = 4;
const WRITE_EVERY_MS = 100;
/** Frames per attacker connection: the first hostile one closes it; the rest still have to be read. */
const FRAMES_PER_CONNECTION = 50;
const PARALLEL_ATTACKERS = 8;
const EMPTY = Y.encodeStateAsUpdate(new Y.Doc());

/** Seeded, so two runs send the same frames. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
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
  const server = await startChildServer(tempDataDir(), {
    PKL_MAX_CONNECTIONS_PER_ADDRESS: '100000',
    PKL_JOINS_PER_MINUTE: '1000000',
    PKL_CREATES_PER_MINUTE: '1000000',
  });
  const pid = server.child.pid!;
  const w = await json<CreateWorkshopResponse>(`${server.url}/api/workshops`, {
    title: 'Soak',
    partners: ['Zorg', 'Gemeente'],
  });
  const join = async (name: string) =>
    (
      await json<JoinResponse>(`${server.url}/api/workshops/${w.id}/participants`, {
        name,
        partner: 'zorg',
        role: 'citizen',
      })
    ).token;
  const room = roomName(w.id, 'map:joint');

  // Healthy clients: writers and one observer that timestamps when each card arrives.
  const provider = (token: string) => {
    const doc = new Y.Doc();
    const p = new WebsocketProvider(`ws://127.0.0.1:${server.port}${SYNC_PATH}`, room, doc, {
      params: { token },
      WebSocketPolyfill: WebSocket as never,
      disableBc: true,
    });
    return { doc, p };
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
        { column: 'values', author: '', authorName: 'W', partner: '', text: `kaart ${i}` },
        LOCAL_USER,
      );
      sentAt.set(id, performance.now());
      await new Promise((r) => setTimeout(r, WRITE_EVERY_MS / writers.length));
    }
  })();

  console.log(`soak: ${HEALTHY_WRITERS} writers synced; quiet run of ${QUIET_SECONDS} s`);
  // Quiet run.
  await new Promise((r) => setTimeout(r, QUIET_SECONDS * 1000));
  const quiet = latencies;
  latencies = [];
  const rssQuiet = rssMb(pid);

  // Hostile run: attackers send TOTAL_FRAMES frames, mixed forged and malformed.
  const random = rng(12);
  const attackerTokens = await Promise.all(Array.from({ length: 20 }, (_, i) => join(`Mallory ${i}`)));
  const closes = new Map<number, number>();
  let sent = 0;
  let tokenTurn = 0;
  const victim = writers[0].doc.clientID;
  const hostile = (state: Uint8Array): Uint8Array => {
    const clock = Y.getState(writers[0].doc.store, victim);
    const kind = Math.floor(random() * 12);
    const me = 1 + Math.floor(random() * 2 ** 30);
    switch (kind) {
      case 0:
        return syncFrame(pendingOnVictimsNextItem(state, victim, me, `x${me}`));
      case 1:
        return syncFrame(deleteFutureRange(victim, clock + 1000));
      case 2:
        return syncFrame(gcClaim(victim, clock + 1000));
      case 3:
        return syncFrame(skipStruct(me, 0));
      // A fresh client id needs no state to write under.
      case 4:
        return syncFrame(writeAs(EMPTY, me, (d) => d.getMap(`junk${kind}${me}`).set('a', 1)));
      case 5:
        return syncFrame(writeAs(EMPTY, me, (d) => getCards(d).set(`plain${me}`, 'geen kaart' as never)));
      case 6:
        return syncFrame(gappedUpdate(me, (d) => getCards(d).set('ghost', 'x' as never)));
      case 7:
        return syncFrame(forwardSelfReference(me));
      case 8:
        return syncFrame(childOfNonType(me, state));
      case 9:
        return syncFrame(writeAs(EMPTY, victim, (d) => d.getArray('junk').insert(0, [1])));
      case 10:
        return new Uint8Array(Array.from({ length: 1 + Math.floor(random() * 64) }, () => Math.floor(random() * 256)));
      default: {
        const full = writeAs(EMPTY, me, (d) =>
          createCard(d, { column: 'values', author: '', authorName: 'M', partner: '', text: 'half' }, LOCAL_USER),
        );
        return syncFrame(full.slice(0, Math.max(1, Math.floor(full.length / 2))));
      }
    }
  };
  const attacker = async () => {
    while (sent < TOTAL_FRAMES) {
      const token = attackerTokens[tokenTurn++ % attackerTokens.length];
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}${SYNC_PATH}/${room}?token=${token}`);
      const messages: Uint8Array[] = [];
      ws.on('message', (d: Buffer) => messages.push(new Uint8Array(d)));
      const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
      ws.on('error', () => {});
      const opened = await new Promise<boolean>((r) => {
        ws.once('open', () => r(true));
        ws.once('close', () => r(false));
      });
      if (!opened) {
        closes.set(await closed, (closes.get(await closed) ?? 0) + 1);
        continue;
      }
      ws.send(syncFrame(Y.encodeStateVector(new Y.Doc()), 0));
      await new Promise<void>((r) => {
        const t = setInterval(() => {
          if (serverStateFrom(messages) || ws.readyState !== ws.OPEN) {
            clearInterval(t);
            r();
          }
        }, 5);
      });
      const state = serverStateFrom(messages) ?? Y.encodeStateAsUpdate(new Y.Doc());
      // Forging is the attacker's cost, not the server's: a small pool per connection, sent in turn.
      const pool = Array.from({ length: 6 }, () => hostile(state));
      for (let i = 0; i < FRAMES_PER_CONNECTION && sent < TOTAL_FRAMES && ws.readyState === ws.OPEN; i++) {
        ws.send(pool[i % pool.length]);
        sent++;
      }
      // A random frame can be a harmless valid message (e.g. a presence query): then nothing closes it.
      const timer = setTimeout(() => ws.terminate(), 2000);
      const code = await closed;
      clearTimeout(timer);
      closes.set(code, (closes.get(code) ?? 0) + 1);
    }
  };
  console.log(`soak: attack with ${TOTAL_FRAMES} frames`);
  const progress = setInterval(() => console.log(`  … ${sent} frames sent`), 10_000);
  const attackStart = performance.now();
  await Promise.all(Array.from({ length: PARALLEL_ATTACKERS }, attacker));
  clearInterval(progress);
  const attackSeconds = (performance.now() - attackStart) / 1000;
  const underAttack = latencies;
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
    `  healthy edits: quiet ${quiet.length} (p50 ${percentile(quiet, 50).toFixed(1)} ms, p99 ${p99q.toFixed(1)} ms); under attack ${underAttack.length} (p50 ${percentile(underAttack, 50).toFixed(1)} ms, p99 ${p99a.toFixed(1)} ms); ratio ${(p99a / p99q).toFixed(2)} (goal ≤ 2)`,
  );
  console.log(`  healthy clients refused: ${healthyRefusals} ${JSON.stringify(healthyCodes)}`);
  console.log(
    `  server RSS: quiet ${rssQuiet.toFixed(0)} MB, after ${rssAfter.toFixed(0)} MB, peak ${rssPeak.toFixed(0)} MB`,
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
