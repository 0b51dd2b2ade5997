/**
 * The soak's attackers, in their own process (bench/soak.ts starts one or more): they forge and send
 * hostile frames on their own event loop, so what the healthy clients measure is the server, not
 * attackers competing with them for one thread. Config: one JSON argument (AttackerConfig). Prints
 * `SOAK_PROGRESS <sent>` now and then and `SOAK_RESULT <json>` at the end.
 *
 * Forging costs the same whatever the document's size: an attacker never loads the document. It asks
 * for it like every new client (the server encodes and sends it), but reads only the server's state
 * vector (sync step 1) for the victim's next clock; the one forge that needs an item of the document
 * (a child of a value) takes it from a snapshot decoded at most every SNAPSHOT_MS per process. Before,
 * each connection loaded the whole, growing document twice: the attacker used a full core while the
 * server idled, and its rate fell from 225 to 50 frames/s.
 */
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { getCards } from '../shared/cardSchema.js';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { SYNC_PATH } from '../shared/protocol.js';
import {
  childOfItem,
  deleteFutureRange,
  firstValueItem,
  forwardSelfReference,
  gappedUpdate,
  gcClaim,
  pendingOnClock,
  serverStateFrom,
  skipStruct,
  step2Frame,
  syncFrame,
  writeAs,
} from '../server/test/forge.js';
import * as decoding from 'lib0/decoding';
import { MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2 } from '../shared/protocol.js';

export interface AttackerConfig {
  port: number;
  room: string;
  tokens: string[];
  /** Yjs client id of a healthy writer: the target of the forged updates. */
  victim: number;
  frames: number;
  /** Connections this process keeps busy at once. */
  parallel: number;
  /** Frames per connection: the first hostile one closes it; the rest still have to be read. */
  framesPerConnection: number;
  seed: number;
}

export interface AttackerResult {
  sent: number;
  closes: Record<number, number>;
  /** CPU time this process used (user + system), to show it was not the bottleneck. */
  cpuMs: number;
  seconds: number;
}

const EMPTY = Y.encodeStateAsUpdate(new Y.Doc());
/** How old the snapshot the child-of-a-value forge picks its parent from may get. */
const SNAPSHOT_MS = 2000;

/** The server's state vector from its sync step 1 among `messages` (client id → next clock). */
function serverVectorFrom(messages: Uint8Array[]): Map<number, number> | null {
  for (const m of messages) {
    const d = decoding.createDecoder(m);
    if (decoding.readVarUint(d) !== MESSAGE_SYNC) continue;
    if (decoding.readVarUint(d) !== SYNC_STEP1) continue;
    return Y.decodeStateVector(decoding.readVarUint8Array(d));
  }
  return null;
}

/** Seeded, so two runs send the same frames. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

async function attack(cfg: AttackerConfig): Promise<AttackerResult> {
  const random = rng(cfg.seed);
  const closes = new Map<number, number>();
  let sent = 0;
  let tokenTurn = 0;
  const { victim } = cfg;
  const started = performance.now();
  let valueItem: Y.ID | null = null;
  let valueItemAt = Number.NEGATIVE_INFINITY;
  const hostile = (clock: number): Uint8Array => {
    const kind = Math.floor(random() * 12);
    const me = 1 + Math.floor(random() * 2 ** 30);
    switch (kind) {
      case 0:
        return syncFrame(pendingOnClock(victim, clock, me, `x${me}`));
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
        return syncFrame(valueItem ? childOfItem(me, valueItem) : forwardSelfReference(me));
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
  const count = (code: number) => closes.set(code, (closes.get(code) ?? 0) + 1);
  // Frames are claimed before a connection opens: at the end of a run no connection opens with
  // nothing left to send (it would only wait out the 2 s below and count as 1006).
  let claimed = 0;
  const one = async () => {
    while (claimed < cfg.frames) {
      const mine = Math.min(cfg.framesPerConnection, cfg.frames - claimed);
      claimed += mine;
      const token = cfg.tokens[tokenTurn++ % cfg.tokens.length];
      const ws = new WebSocket(`ws://127.0.0.1:${cfg.port}${SYNC_PATH}/${cfg.room}?token=${token}`);
      const messages: Uint8Array[] = [];
      let gotState: () => void = () => {};
      const stateArrived = new Promise<void>((r) => (gotState = r));
      ws.on('message', (d: Buffer) => {
        messages.push(new Uint8Array(d));
        if (d[0] === MESSAGE_SYNC && d[1] === SYNC_STEP2) gotState();
      });
      const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
      ws.on('error', () => {});
      const opened = await new Promise<boolean>((r) => {
        ws.once('open', () => r(true));
        ws.once('close', () => r(false));
      });
      if (!opened) {
        count(await closed);
        claimed -= mine;
        continue;
      }
      // Like every client: ask for the whole document, and answer the server's step 1 with our (empty)
      // state, after which an update that would stay pending is refused, not dropped as a client's
      // offline edit racing its own step 2 (SyncServer).
      ws.send(syncFrame(Y.encodeStateVector(new Y.Doc()), 0));
      ws.send(step2Frame(EMPTY));
      await Promise.race([stateArrived, closed]);
      const clock = serverVectorFrom(messages)?.get(victim) ?? 0;
      if (performance.now() - valueItemAt > SNAPSHOT_MS) {
        valueItemAt = performance.now();
        try {
          valueItem = firstValueItem(serverStateFrom(messages) ?? EMPTY);
        } catch {
          valueItem = null;
        }
      }
      // Forging is the attacker's cost, not the server's: a small pool per connection, sent in turn.
      const pool = Array.from({ length: 6 }, () => hostile(clock));
      let i = 0;
      for (; i < mine && ws.readyState === ws.OPEN; i++) ws.send(pool[i % pool.length]);
      sent += i;
      claimed -= mine - i;
      // A random frame can be a harmless valid message (e.g. a presence query): then nothing closes it.
      const timer = setTimeout(() => ws.terminate(), 2000);
      const code = await closed;
      clearTimeout(timer);
      count(code);
    }
  };
  const progress = setInterval(() => console.log(`SOAK_PROGRESS ${sent}`), 2000);
  await Promise.all(Array.from({ length: cfg.parallel }, one));
  clearInterval(progress);
  const cpu = process.cpuUsage();
  return {
    sent,
    closes: Object.fromEntries(closes),
    cpuMs: (cpu.user + cpu.system) / 1000,
    seconds: (performance.now() - started) / 1000,
  };
}

const cfg = JSON.parse(process.argv[2] ?? '{}') as AttackerConfig;
attack(cfg).then(
  (result) => {
    console.log(`SOAK_RESULT ${JSON.stringify(result)}`);
    process.exit(0);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
