/**
 * A load-generator process: simulated participants, each an upstream y-websocket `WebsocketProvider`
 * on a real Y.Doc. Every room lives entirely in one worker, so a write's time and its observation by
 * the other clients of the room are read from the same clock (performance.now()).
 *
 * Per room, each client owns one card (shared/ops createCard) and types into its text at a set rate;
 * in the same transaction it bumps the card's `seq`. An observer's doc 'update' tells which seq of
 * which card it now sees; the latency of write n of a card is the time from that write until an other
 * client first sees seq ≥ n.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { getCards, getCardText } from '../shared/cardSchema.js';
import { COLUMN_IDS } from '../shared/columns.js';
import type { CardId, ParticipantId, PartnerId } from '../shared/ids.js';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { seededRandom } from '../server/test/seededRandom.js';
import type { FromWorker, RoomResult, RoomSpec, RunParams, RunResult, ToWorker } from './types.js';

// Every provider adds a process 'exit' listener.
process.setMaxListeners(0);

const send = (msg: FromWorker) => process.send!(msg);

/** A growable array of doubles. */
class Samples {
  buf = new Float64Array(1 << 14);
  length = 0;
  push(v: number) {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  take(): Float64Array {
    return this.buf.slice(0, this.length);
  }
}

interface Window {
  start: number;
  end: number;
  samples: Samples;
  deliveriesInWindow: number;
}

let win: Window | null = null;

class SimRoom {
  readonly clients: SimClient[] = [];
  /** Per card: write time (performance.now()) of each seq. */
  readonly writeTimes = new Map<string, number[]>();
  constructor(readonly spec: RoomSpec) {}
}

class SimClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  cardId: CardId | null = null;
  text: Y.XmlText | null = null;
  card: Y.Map<unknown> | null = null;
  seq = 0;
  /** Highest seq seen per other card. */
  readonly seen = new Map<string, number>();
  closes: number[] = [];
  timer: NodeJS.Timeout | null = null;

  constructor(
    readonly room: SimRoom,
    readonly index: number,
  ) {
    const spec = room.spec.clients[index];
    this.provider = new WebsocketProvider(room.spec.serverUrl, room.spec.room, this.doc, {
      params: spec.params,
      WebSocketPolyfill: WebSocket as never,
      disableBc: true,
      maxBackoffTime: 500,
    });
    this.provider.on('connection-close', (event) => {
      if (event) this.closes.push(event.code);
    });
    this.doc.on('update', this.onUpdate);
  }

  private onUpdate = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    if (origin !== this.provider) return;
    const now = performance.now();
    for (const [type, keys] of tr.changed) {
      if (!keys.has('seq') || !(type instanceof Y.Map)) continue;
      const id = type.get('id');
      const seq = type.get('seq');
      if (typeof id !== 'string' || typeof seq !== 'number' || id === this.cardId) continue;
      const last = this.seen.get(id) ?? 0;
      if (seq <= last) continue;
      this.seen.set(id, seq);
      const times = this.room.writeTimes.get(id);
      if (!times || !win) continue;
      for (let k = last + 1; k <= seq; k++) {
        const t = times[k];
        if (t === undefined) continue;
        if (now >= win.start && now < win.end) win.deliveriesInWindow++;
        if (t >= win.start && t < win.end) win.samples.push(now - t);
      }
    }
  };

  createOwnCard(): void {
    const spec = this.room.spec.clients[this.index];
    const id = createCard(
      this.doc,
      {
        column: COLUMN_IDS[this.index % COLUMN_IDS.length],
        author: spec.author as ParticipantId,
        authorName: spec.name,
        partner: spec.partner as PartnerId,
        text: 'x',
      },
      LOCAL_USER,
    );
    this.cardId = id;
    this.room.writeTimes.set(id, []);
    const card = getCards(this.doc).get(id)!;
    this.doc.transact(() => card.set('seq', 0), LOCAL_USER);
    this.card = card;
    const paragraph = getCardText(card)!.get(0) as Y.XmlElement;
    this.text = paragraph.get(0) as Y.XmlText;
  }

  write(chars: string): void {
    const n = ++this.seq;
    const times = this.room.writeTimes.get(this.cardId!)!;
    times[n] = performance.now();
    const text = this.text!;
    const card = this.card!;
    this.doc.transact(() => {
      text.insert(text.length, chars);
      card.set('seq', n);
    }, LOCAL_USER);
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.provider.destroy();
    this.doc.destroy();
  }
}

let rooms: SimRoom[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(cond: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function setup(specs: RoomSpec[]): Promise<void> {
  const t0 = performance.now();
  rooms = specs.map((s) => new SimRoom(s));
  for (const room of rooms) {
    for (let i = 0; i < room.spec.clients.length; i++) room.clients.push(new SimClient(room, i));
  }
  const all = rooms.flatMap((r) => r.clients);
  await waitUntil(() => all.every((c) => c.provider.synced), 'all clients synced', 120_000);
  for (const c of all) c.createOwnCard();
  // Ready when every client sees every card of its room, with its seq.
  await waitUntil(
    () =>
      rooms.every((room) =>
        room.clients.every((c) => {
          const cards = getCards(c.doc);
          return cards.size === room.clients.length && [...cards.values()].every((card) => card.get('seq') === 0);
        }),
      ),
    'every client seeing every card',
    120_000,
  );
  if (process.env.BENCH_DEBUG) {
    const m = process.memoryUsage();
    console.error(
      `[worker ${process.pid}] ready: rss ${(m.rss / 2 ** 20).toFixed(0)} MB, heap ${(m.heapUsed / 2 ** 20).toFixed(0)} MB`,
    );
  }
  send({ type: 'ready', clients: all.length, setupMs: performance.now() - t0 });
}

function signature(c: SimClient): string {
  const parts: string[] = [];
  getCards(c.doc).forEach((card, id) => {
    parts.push(`${id}:${String(card.get('seq'))}:${getCardText(card)?.toString() ?? ''}`);
  });
  return parts.sort().join('|');
}

function roomConverged(room: SimRoom): boolean {
  const first = Buffer.from(Y.encodeStateVector(room.clients[0].doc));
  for (let i = 1; i < room.clients.length; i++) {
    if (!first.equals(Buffer.from(Y.encodeStateVector(room.clients[i].doc)))) return false;
  }
  // Equal state vectors; delete sets could still differ, so compare the content too.
  const sig = signature(room.clients[0]);
  for (let i = 1; i < room.clients.length; i++) if (signature(room.clients[i]) !== sig) return false;
  // Every client saw every other card's last write.
  for (const c of room.clients) {
    for (const other of room.clients) if (other !== c && (c.seen.get(other.cardId!) ?? 0) < other.seq) return false;
  }
  return true;
}

async function run(p: RunParams): Promise<RunResult> {
  const all = rooms.flatMap((r) => r.clients);
  for (const c of all) c.closes = [];
  const chars = 'abcdefghijklmnopqrstuvwxyz'.repeat(Math.ceil(p.chars / 26) + 1);
  const interval = 1000 / p.rate;
  // Map the wall-clock start to this process's monotonic clock.
  const start = performance.now() + (p.startAt - Date.now());
  const measureStart = start + p.warmupMs;
  const end = measureStart + p.measureMs;
  win = { start: measureStart, end, samples: new Samples(), deliveriesInWindow: 0 };
  let writes = 0;
  const seqAtMeasureStart = new Map<SimClient, number>();

  // Each client writes on its own timer chain with a random phase (seeded, so runs are comparable);
  // a late timer catches up (open loop), unless it fell more than a second behind.
  const phase = seededRandom(1 + (Number(process.argv[2]) || 0));
  for (const c of all) {
    let next = start + phase() * interval;
    let offset = c.seq % 26;
    const tick = () => {
      const now = performance.now();
      if (now >= end) {
        c.timer = null;
        return;
      }
      if (now >= next) {
        c.write(chars.slice(offset, offset + p.chars));
        offset = (offset + 1) % 26;
        if (now >= measureStart) writes++;
        next += interval;
        if (next < now - 1000) next = now;
      }
      c.timer = setTimeout(tick, Math.max(0, next - performance.now()));
    };
    c.timer = setTimeout(tick, Math.max(0, next - performance.now()));
  }

  // CPU and event-loop delay over the measure window.
  await sleep(Math.max(0, measureStart - performance.now()));
  for (const c of all) seqAtMeasureStart.set(c, c.seq);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await sleep(Math.max(0, end - performance.now()));
  const cpu = process.cpuUsage(cpu0);
  const cpuPct = (100 * (cpu.user + cpu.system)) / 1000 / (performance.now() - t0);
  loop.disable();
  const loopDelayP99Ms = loop.percentile(99) / 1e6;
  for (const c of all) if (c.timer) clearTimeout(c.timer);
  const stoppedAt = performance.now();

  // Convergence: every client of a room reaches an identical state.
  const roomResults = new Map<SimRoom, RoomResult>();
  while (roomResults.size < rooms.length && performance.now() - stoppedAt < p.watchMs) {
    for (const room of rooms) {
      if (!roomResults.has(room) && roomConverged(room)) {
        roomResults.set(room, { room: room.spec.room, convergedMs: performance.now() - stoppedAt });
      }
    }
    if (roomResults.size < rooms.length) await sleep(5);
  }
  for (const room of rooms)
    if (!roomResults.has(room)) roomResults.set(room, { room: room.spec.room, convergedMs: null });

  // Deliveries of measured writes that never arrived.
  let missing = 0;
  for (const room of rooms) {
    for (const writer of room.clients) {
      const from = seqAtMeasureStart.get(writer) ?? 0;
      for (const obs of room.clients) {
        if (obs === writer) continue;
        const seen = obs.seen.get(writer.cardId!) ?? 0;
        missing += Math.max(0, writer.seq - Math.max(seen, from));
      }
    }
  }
  const samples = win.samples.take();
  const deliveriesInWindow = win.deliveriesInWindow;
  win = null;
  const closeCodes = all.flatMap((c) => c.closes);
  return {
    samples,
    writes,
    deliveriesInWindow,
    missing,
    rooms: [...roomResults.values()],
    cpuPct,
    loopDelayP99Ms,
    closes: closeCodes.length,
    closeCodes: [...new Set(closeCodes)],
  };
}

process.on('message', (msg: ToWorker) => {
  const fail = (error: unknown) =>
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  switch (msg.type) {
    case 'setup':
      setup(msg.rooms).catch(fail);
      break;
    case 'run':
      run(msg.params).then((result) => send({ type: 'result', result }), fail);
      break;
    case 'close':
      for (const r of rooms) for (const c of r.clients) c.destroy();
      // Let the close frames go out, then leave.
      setTimeout(() => process.exit(0), 100);
      break;
  }
});
// The parent died: do not linger.
process.on('disconnect', () => process.exit(0));
