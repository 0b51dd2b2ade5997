/**
 * A load-generator process: simulated participants, each an upstream y-websocket `WebsocketProvider`
 * on a real Y.Doc. Every room lives entirely in one worker, so a write's time and its observation by
 * the other clients of the room are read from the same clock (performance.now()).
 *
 * Against Hocuspocus the client is its own `HocuspocusProvider` (one websocket per client, as here).
 *
 * Per room, each client owns one card (shared/ops createCard) and types into its text at a set rate:
 * a write appends characters and, once the text is long, removes as many from its start (typing that
 * stays within the card text limit [H4]; a plain text edit, as people make, and nothing but that: the
 * card table has no field for a bench counter). Every inserted character takes one clock of the
 * writer's Yjs client id and a removal takes none, so the writer's clock in an other client's document
 * tells which of its writes that client sees; the latency of a write is the time from the write until
 * an other client first sees its clock.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { HocuspocusProvider } from '@hocuspocus/provider';
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

/** Characters a card's text keeps while typing goes on (well within the default limit of 600, [H4]). */
const TEXT_KEPT = 200;

class SimRoom {
  readonly clients: SimClient[] = [];
  /** Per writer (Yjs client id): write time (performance.now()) by the clock the write reached. */
  readonly writeTimes = new Map<number, number[]>();
  constructor(readonly spec: RoomSpec) {}
}

/** What the bench needs of a provider: whether it synced, the origin of what it applies, and closes. */
interface BenchProvider {
  readonly synced: boolean;
  /** The origin of the transactions in which the provider applies what the server sent. */
  readonly origin: unknown;
  destroy(): void;
}

function yWebsocketProvider(
  spec: RoomSpec,
  params: Record<string, string>,
  doc: Y.Doc,
  onClose: (code: number) => void,
): BenchProvider {
  const provider = new WebsocketProvider(spec.serverUrl, spec.room, doc, {
    params,
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    maxBackoffTime: 500,
  });
  provider.on('connection-close', (event) => {
    if (event) onClose(event.code);
  });
  return {
    get synced() {
      return provider.synced;
    },
    origin: provider,
    destroy: () => provider.destroy(),
  };
}

function hocuspocusProvider(spec: RoomSpec, doc: Y.Doc, onClose: (code: number) => void): BenchProvider {
  const provider = new HocuspocusProvider({
    url: spec.serverUrl,
    name: spec.room,
    document: doc,
    // Passed on to its own websocket (HocuspocusProviderWebsocket); Node 20 has no global WebSocket.
    WebSocketPolyfill: WebSocket,
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  provider.on('close', ({ event }: { event: { code: number } }) => onClose(event.code));
  return {
    get synced() {
      return provider.synced;
    },
    origin: provider,
    destroy: () => provider.destroy(),
  };
}

class SimClient {
  readonly doc = new Y.Doc();
  readonly provider: BenchProvider;
  cardId: CardId | null = null;
  text: Y.XmlText | null = null;
  card: Y.Map<unknown> | null = null;
  /** Own clock after the last write. */
  clock = 0;
  /** Highest clock seen per other writer (Yjs client id). */
  readonly seen = new Map<number, number>();
  closes: number[] = [];
  timer: NodeJS.Timeout | null = null;

  constructor(
    readonly room: SimRoom,
    readonly index: number,
  ) {
    const spec = room.spec.clients[index];
    const onClose = (code: number) => this.closes.push(code);
    this.provider =
      room.spec.provider === 'hocuspocus'
        ? hocuspocusProvider(room.spec, this.doc, onClose)
        : yWebsocketProvider(room.spec, spec.params, this.doc, onClose);
    this.doc.on('update', this.onUpdate);
  }

  private onUpdate = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    if (origin !== this.provider.origin) return;
    const now = performance.now();
    for (const [client, clock] of tr.afterState) {
      if (client === this.doc.clientID || clock === tr.beforeState.get(client)) continue;
      const times = this.room.writeTimes.get(client);
      if (!times) continue; // the server's own writes
      const last = this.seen.get(client) ?? 0;
      if (clock <= last) continue;
      this.seen.set(client, clock);
      if (!win) continue;
      for (let k = last + 1; k <= clock; k++) {
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
    this.room.writeTimes.set(this.doc.clientID, []);
    this.clock = Y.getState(this.doc.store, this.doc.clientID);
    const card = getCards(this.doc).get(id)!;
    this.card = card;
    const paragraph = getCardText(card)!.get(0) as Y.XmlElement;
    this.text = paragraph.get(0) as Y.XmlText;
  }

  write(chars: string): void {
    this.clock += chars.length;
    const times = this.room.writeTimes.get(this.doc.clientID)!;
    times[this.clock] = performance.now();
    const text = this.text!;
    this.doc.transact(() => {
      text.insert(text.length, chars);
      if (text.length > TEXT_KEPT) text.delete(0, text.length - TEXT_KEPT);
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
  // Ready when every client sees every card of its room, with its text.
  await waitUntil(
    () =>
      rooms.every((room) =>
        room.clients.every((c) => {
          const cards = getCards(c.doc);
          return (
            cards.size === room.clients.length && [...cards.values()].every((card) => getCardText(card)?.length === 1)
          );
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
    parts.push(`${id}:${getCardText(card)?.toString() ?? ''}`);
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
    for (const other of room.clients)
      if (other !== c && (c.seen.get(other.doc.clientID) ?? 0) < other.clock) return false;
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
  const clockAtMeasureStart = new Map<SimClient, number>();

  // Each client writes on its own timer chain with a random phase (seeded, so runs are comparable);
  // a late timer catches up (open loop), unless it fell more than a second behind.
  const phase = seededRandom(1 + (Number(process.argv[2]) || 0));
  for (const c of all) {
    let next = start + phase() * interval;
    let offset = c.clock % 26;
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
  for (const c of all) clockAtMeasureStart.set(c, c.clock);
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
      const from = clockAtMeasureStart.get(writer) ?? 0;
      const times = room.writeTimes.get(writer.doc.clientID) ?? [];
      for (const obs of room.clients) {
        if (obs === writer) continue;
        const seen = obs.seen.get(writer.doc.clientID) ?? 0;
        for (let k = Math.max(seen, from) + 1; k <= writer.clock; k++) if (times[k] !== undefined) missing++;
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
