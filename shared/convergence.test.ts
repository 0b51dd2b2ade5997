/**
 * Convergence fuzz: several Y.Docs on a simulated network, driven by a seeded random source.
 * Every peer writes through the shared ops (or edits card text the way the editor does), updates travel
 * over per-link queues with random delays and random order, peers drop off (sometimes losing what was
 * in flight) and come back with a state-vector resync. After everything is delivered all peers must agree.
 * A failing seed is replayed with `runSimulation(seed)`; pin it below as a named regression test.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CARD_STATUSES, getCard, getCards, getCardText } from './cardSchema.js';
import { COLUMN_IDS, type ColumnId } from './columns.js';
import { isValidOrderKey } from './fractionalIndex.js';
import type { CardId, ParticipantId, PartnerId } from './ids.js';
import { createCard, deleteCard, locateCard, moveCard, placedInColumn, setCardPlainText, updateCard } from './ops.js';
import { LOCAL_USER } from './origins.js';
import { MapReadModel, readMap } from './readModel.js';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

/** Origin of updates that arrived over the network: never re-sent, never undone. */
const NETWORK = Object.freeze({ kind: 'network' });

interface Message {
  update: Uint8Array;
  due: number;
}

interface Peer {
  index: number;
  doc: Y.Doc;
  online: boolean;
  model: MapReadModel;
}

interface SimOptions {
  peers?: number;
  steps?: number;
}

interface SimResult {
  peers: Peer[];
  created: Set<string>;
  deleted: Set<string>;
  /** Things that went wrong while running (a card seen without its text, an op on a card without text). */
  violations: string[];
  log: string[];
}

class Network {
  readonly peers: Peer[] = [];
  /** Queue per directed link `from→to`; delivery order within and across links is random. */
  private readonly links = new Map<string, Message[]>();
  now = 0;

  constructor(
    private readonly rng: Rng,
    count: number,
    violations: string[],
  ) {
    for (let i = 0; i < count; i++) {
      const doc = new Y.Doc();
      // Fixed client ids keep a seed reproducible: Yjs breaks concurrent-write ties by client id.
      doc.clientID = 1000 + i;
      const peer: Peer = { index: i, doc, online: true, model: new MapReadModel(doc) };
      this.peers.push(peer);
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === NETWORK) return; // a full mesh: every peer sends only its own changes
        for (const other of this.peers) if (other !== peer) this.send(peer, other, update);
      });
      // No peer may ever see a card without its text, whatever order updates arrive in.
      getCards(doc).observe((event) => {
        for (const [key, change] of event.changes.keys) {
          if (change.action === 'delete') continue;
          const card = getCard(doc, key as CardId);
          if (!card || !getCardText(card)) violations.push(`peer ${i} saw card ${key} without its text`);
        }
      });
    }
  }

  private queue(from: Peer, to: Peer): Message[] {
    const key = `${from.index}→${to.index}`;
    let q = this.links.get(key);
    if (!q) this.links.set(key, (q = []));
    return q;
  }

  send(from: Peer, to: Peer, update: Uint8Array): void {
    this.queue(from, to).push({ update, due: this.now + this.rng.int(5) });
  }

  /** Deliver a random subset of the due messages on links whose two ends are online, in random order. */
  deliverSome(probability: number): void {
    const ready: [Message[], Message, Peer][] = [];
    for (const from of this.peers) {
      for (const to of this.peers) {
        if (from === to || !from.online || !to.online) continue;
        const q = this.queue(from, to);
        for (const m of q) if (m.due <= this.now && this.rng.chance(probability)) ready.push([q, m, to]);
      }
    }
    for (const [q, m, to] of this.rng.shuffle(ready)) {
      q.splice(q.indexOf(m), 1);
      Y.applyUpdate(to.doc, m.update, NETWORK);
    }
  }

  disconnect(peer: Peer, lossy: boolean): void {
    peer.online = false;
    if (!lossy) return; // the queues are held and flushed on reconnect
    for (const other of this.peers) {
      if (other === peer) continue;
      this.queue(peer, other).length = 0;
      this.queue(other, peer).length = 0;
    }
  }

  /** Back online: flush what was held for and from this peer, then resync by state vector with every online peer. */
  reconnect(peer: Peer): void {
    peer.online = true;
    const held: [Message[], Message, Peer][] = [];
    for (const other of this.peers) {
      if (other === peer || !other.online) continue;
      for (const m of this.queue(peer, other)) held.push([this.queue(peer, other), m, other]);
      for (const m of this.queue(other, peer)) held.push([this.queue(other, peer), m, peer]);
    }
    for (const [q, m, to] of this.rng.shuffle(held)) {
      q.splice(q.indexOf(m), 1);
      Y.applyUpdate(to.doc, m.update, NETWORK);
    }
    for (const other of this.peers) {
      if (other === peer || !other.online) continue;
      // Queued, not applied at once: the resync races with live traffic like on a real socket.
      this.send(other, peer, Y.encodeStateAsUpdate(other.doc, Y.encodeStateVector(peer.doc)));
      this.send(peer, other, Y.encodeStateAsUpdate(peer.doc, Y.encodeStateVector(other.doc)));
    }
  }

  pending(): number {
    let n = 0;
    for (const q of this.links.values()) n += q.length;
    return n;
  }

  /** Everyone back online, everything delivered. */
  settle(): void {
    for (const peer of this.rng.shuffle([...this.peers])) if (!peer.online) this.reconnect(peer);
    for (let round = 0; this.pending() > 0; round++) {
      if (round > 10_000) throw new Error('network did not drain');
      this.now += 5;
      this.deliverSome(1);
    }
  }
}

const WORDS = ['we', 'delen', 'kennis', 'samen', 'één', 'afspraak', 'ß', '🙂', ' ', '\u00a0'];

function cardIds(doc: Y.Doc): CardId[] {
  return [...getCards(doc).keys()].sort() as CardId[];
}

/**
 * A position that does not fall between the two halves of a surrogate pair (an emoji). Editors never put
 * the cursor there, and Yjs 13.6 does not support it: splitting a pair turns its halves into U+FFFD on
 * some peers and not on others, a silent divergence with equal state vectors (found by this fuzz: seeds
 * 51, 75, 149 and 195 failed while edits used raw UTF-16 offsets).
 */
function codePointBoundary(s: string, pos: number): number {
  const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
  return pos > 0 && pos < s.length && isHigh(s.charCodeAt(pos - 1)) ? pos - 1 : pos;
}

function stringOf(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

/** Edit a card's text the way the editor does: inside a paragraph's XmlText, not by replacing the fragment. */
function editText(rng: Rng, doc: Y.Doc, id: CardId): boolean {
  const card = getCard(doc, id);
  const fragment = card && getCardText(card);
  if (!fragment) return false;
  doc.transact(() => {
    if (fragment.length === 0 || rng.chance(0.05)) {
      const p = new Y.XmlElement('paragraph');
      fragment.insert(rng.int(fragment.length + 1), [p]);
      p.insert(0, [new Y.XmlText(rng.pick(WORDS))]);
      return;
    }
    const block = fragment.get(rng.int(fragment.length));
    if (!(block instanceof Y.XmlElement)) return;
    let text = block.get(0);
    if (!(text instanceof Y.XmlText)) {
      text = new Y.XmlText();
      block.insert(0, [text]);
    }
    const t = text as Y.XmlText;
    const s = stringOf(t);
    const r = rng.float();
    if (r < 0.6 || s.length === 0) {
      t.insert(codePointBoundary(s, rng.int(s.length + 1)), rng.pick(WORDS));
      return;
    }
    const from = codePointBoundary(s, rng.int(s.length));
    const to = codePointBoundary(s, Math.min(s.length, from + 1 + rng.int(r < 0.9 ? 4 : s.length)));
    if (to <= from) return;
    if (r < 0.9) t.delete(from, to - from);
    else t.format(from, to - from, { bold: rng.chance(0.7) ? true : null });
  }, LOCAL_USER);
  return true;
}

function randomMove(rng: Rng, doc: Y.Doc, id: CardId): void {
  const column = rng.chance(0.5) ? (locateCard(doc, id)?.column ?? rng.pick(COLUMN_IDS)) : rng.pick(COLUMN_IDS);
  const size = placedInColumn(doc, column, id).length;
  moveCard(doc, id, column, rng.int(size + 1), LOCAL_USER);
}

function runSimulation(seed: number, options: SimOptions = {}): SimResult {
  const rng = new Rng(seed);
  const violations: string[] = [];
  const log: string[] = [];
  const net = new Network(rng, options.peers ?? 3 + (seed % 3), violations);
  const created = new Set<string>();
  const deleted = new Set<string>();
  const steps = options.steps ?? 150;
  let counter = 0;

  const createOn = (peer: Peer) => {
    const column: ColumnId = rng.pick(COLUMN_IDS);
    const id = `s${seed}p${peer.index}c${counter++}` as CardId;
    createCard(
      peer.doc,
      {
        id,
        column,
        author: `p${peer.index}` as ParticipantId,
        authorName: `Peer ${peer.index}`,
        partner: 'partner' as PartnerId,
        text: rng.chance(0.7) ? `${rng.pick(WORDS)} ${rng.pick(WORDS)}` : undefined,
        index: rng.int(placedInColumn(peer.doc, column).length + 2),
        createdAt: net.now,
      },
      LOCAL_USER,
    );
    created.add(id);
    log.push(`${net.now} p${peer.index} create ${id} ${column}`);
  };
  const remove = (peer: Peer, id: CardId) => {
    if (deleteCard(peer.doc, id, LOCAL_USER)) deleted.add(id);
    log.push(`${net.now} p${peer.index} delete ${id}`);
  };
  const edit = (peer: Peer, id: CardId) => {
    if (!editText(rng, peer.doc, id)) violations.push(`peer ${peer.index}: card ${id} has no text`);
    log.push(`${net.now} p${peer.index} edit ${id}`);
  };

  for (let step = 0; step < steps; step++) {
    net.now = step;
    // Connectivity changes.
    const online = net.peers.filter((p) => p.online);
    const offline = net.peers.filter((p) => !p.online);
    if (online.length > 1 && rng.chance(0.05)) {
      const peer = rng.pick(online);
      const lossy = rng.chance(0.5);
      net.disconnect(peer, lossy);
      log.push(`${step} p${peer.index} disconnect${lossy ? ' (lossy)' : ''}`);
    }
    if (offline.length > 0 && rng.chance(0.15)) {
      const peer = rng.pick(offline);
      net.reconnect(peer);
      log.push(`${step} p${peer.index} reconnect`);
    }

    // One operation by a random peer (offline peers keep working locally).
    const peer = rng.pick(net.peers);
    const ids = cardIds(peer.doc);
    const r = rng.float();
    if (ids.length === 0 || r < 0.22) createOn(peer);
    else if (r < 0.5) edit(peer, rng.pick(ids));
    else if (r < 0.68) {
      const id = rng.pick(ids);
      randomMove(rng, peer.doc, id);
      log.push(`${step} p${peer.index} move ${id} → ${JSON.stringify(locateCard(peer.doc, id))}`);
    } else if (r < 0.74) remove(peer, rng.pick(ids));
    else if (r < 0.82) {
      const id = rng.pick(ids);
      updateCard(peer.doc, id, { status: rng.pick(CARD_STATUSES) }, LOCAL_USER);
      log.push(`${step} p${peer.index} status ${id}`);
    } else if (r < 0.85) {
      const id = rng.pick(ids);
      setCardPlainText(peer.doc, id, `${rng.pick(WORDS)}\n${rng.pick(WORDS)}`, LOCAL_USER);
      log.push(`${step} p${peer.index} replace text ${id}`);
    } else {
      // Deliberate conflicts on one card that several peers hold, before any of them hears from the others.
      const id = rng.pick(ids);
      const holders = rng.shuffle(net.peers.filter((p) => getCard(p.doc, id)));
      if (holders.length < 2) createOn(peer);
      else if (r < 0.94) {
        for (const h of holders.slice(0, 2 + rng.int(holders.length - 1))) {
          randomMove(rng, h.doc, id);
          log.push(`${step} p${h.index} concurrent move ${id} → ${JSON.stringify(locateCard(h.doc, id))}`);
        }
      } else {
        remove(holders[0], id);
        for (const h of holders.slice(1)) {
          const what = rng.int(3);
          if (what === 0) edit(h, id);
          else if (what === 1) randomMove(rng, h.doc, id);
          else updateCard(h.doc, id, { status: rng.pick(CARD_STATUSES) }, LOCAL_USER);
          log.push(`${step} p${h.index} concurrent ${['edit', 'move', 'status'][what]} of deleted ${id}`);
        }
      }
    }

    net.deliverSome(0.6);
  }

  net.settle();
  return { peers: net.peers, created, deleted, violations, log };
}

/** JSON with object keys sorted: a Y.Map's key order follows arrival order, which differs per peer. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
        )
      : v,
  );
}

/** Every check of rule M9; returns the problems rather than throwing, so a seed's report lists them all. */
function checkConverged(result: SimResult): string[] {
  const problems = [...result.violations];
  const [first, ...rest] = result.peers;
  const reference = JSON.stringify(readMap(first.doc));
  const referenceState = canonical(getCards(first.doc).toJSON());
  const referenceVector = Buffer.from(Y.encodeStateVector(first.doc)).toString('hex');
  for (const peer of rest) {
    if (JSON.stringify(readMap(peer.doc)) !== reference)
      problems.push(`peer ${peer.index}: readMap differs from peer 0`);
    if (canonical(getCards(peer.doc).toJSON()) !== referenceState)
      problems.push(`peer ${peer.index}: cards differ from peer 0`);
    if (Buffer.from(Y.encodeStateVector(peer.doc)).toString('hex') !== referenceVector)
      problems.push(`peer ${peer.index}: state vector differs from peer 0`);
  }
  for (const peer of result.peers) {
    const { doc } = peer;
    if (doc.store.pendingStructs || doc.store.pendingDs) problems.push(`peer ${peer.index}: updates still pending`);
    const map = readMap(doc);
    const seen = new Set<string>();
    for (const column of COLUMN_IDS) {
      for (const card of map.columns[column]) {
        if (seen.has(card.id)) problems.push(`peer ${peer.index}: card ${card.id} appears twice`);
        seen.add(card.id);
        if (!isValidOrderKey(card.order)) problems.push(`peer ${peer.index}: card ${card.id} has order ${card.order}`);
      }
    }
    if (seen.size !== getCards(doc).size || map.cardCount !== seen.size)
      problems.push(`peer ${peer.index}: ${getCards(doc).size} cards stored, ${seen.size} readable`);
    for (const id of getCards(doc).keys()) {
      const card = getCard(doc, id as CardId);
      if (!card || !getCardText(card)) problems.push(`peer ${peer.index}: card ${id} has no text fragment`);
      if (!result.created.has(id)) problems.push(`peer ${peer.index}: card ${id} was never created`);
      if (result.deleted.has(id)) problems.push(`peer ${peer.index}: deleted card ${id} is back`);
    }
    for (const id of result.created) {
      if (!result.deleted.has(id) && !seen.has(id)) problems.push(`peer ${peer.index}: card ${id} is lost`);
    }
    // The live read model followed every remote update incrementally and must match a fresh read.
    if (JSON.stringify(peer.model.getSnapshot()) !== JSON.stringify(map))
      problems.push(`peer ${peer.index}: MapReadModel is stale`);
  }
  return problems;
}

const SEEDS = 200;
const STEPS = 150;
/** Seeds run in batches, each its own test: a failure names its batch, and no batch nears the timeout. */
const BATCH = 50;

describe('convergence on a simulated network', () => {
  for (let start = 1; start <= SEEDS; start += BATCH) {
    const end = start + BATCH - 1;
    it(`[M9] seeds ${start}–${end} × ${STEPS} steps of random ops, delays, reorders and disconnects converge`, {
      timeout: 60_000,
    }, () => {
      const failures: string[] = [];
      let cards = 0;
      let deletions = 0;
      for (let seed = start; seed <= end; seed++) {
        const result = runSimulation(seed, { steps: STEPS });
        const problems = checkConverged(result);
        if (problems.length) failures.push(`seed ${seed}: ${problems.slice(0, 5).join('; ')}`);
        cards += result.created.size;
        deletions += result.deleted.size;
        for (const peer of result.peers) peer.model.destroy();
      }
      expect(failures).toEqual([]);
      // Guard against a fuzz that silently stopped doing anything.
      expect(cards).toBeGreaterThan(BATCH * 20);
      expect(deletions).toBeGreaterThan(BATCH * 3);
    });
  }

  it('[M9] the simulation is deterministic per seed (a failing seed can be replayed)', () => {
    const a = runSimulation(17, { steps: 80 });
    const b = runSimulation(17, { steps: 80 });
    expect(b.log).toEqual(a.log);
    expect(JSON.stringify(readMap(b.peers[0].doc))).toBe(JSON.stringify(readMap(a.peers[0].doc)));
    expect(a.log.some((l) => l.includes('disconnect (lossy)'))).toBe(true);
    expect(a.log.some((l) => l.includes('concurrent move'))).toBe(true);
  });

  it('[M9] the checks catch a peer that missed an update', () => {
    // The fuzz must be able to fail: drop one update on the floor and the checks must notice.
    const result = runSimulation(3, { steps: 40 });
    const [a, b] = result.peers;
    const id = createCard(a.doc, { column: 'values', author: '', authorName: '', partner: '' }, LOCAL_USER);
    result.created.add(id);
    const problems = checkConverged(result);
    expect(problems.some((p) => p.includes('readMap differs'))).toBe(true);
    expect(problems.some((p) => p.includes('state vector differs'))).toBe(true);
    expect(problems.some((p) => p.includes(`card ${id} is lost`))).toBe(true);
    expect(getCard(b.doc, id)).toBeUndefined();
  });
});

describe('regressions found by the fuzz', () => {
  it('[M9] seeds 51, 75, 149, 195: concurrent edits around emoji converge when they stay on code-point boundaries', () => {
    // These seeds diverged while the fuzz edited at raw UTF-16 offsets (see codePointBoundary).
    for (const seed of [51, 75, 149, 195]) expect(checkConverged(runSimulation(seed)), `seed ${seed}`).toEqual([]);
    // A focused version: emoji-dense text, concurrent inserts, deletes and formatting on three peers.
    const rng = new Rng(51);
    const docs = [1, 2, 3].map((clientID) => Object.assign(new Y.Doc(), { clientID }));
    const texts = docs.map((d) => d.getXmlFragment('text'));
    docs[0].transact(() => {
      const p = new Y.XmlElement('paragraph');
      texts[0].insert(0, [p]);
      p.insert(0, [new Y.XmlText('én🙂 🙂👍🏽ß')]);
    });
    const syncAll = () => {
      for (const a of docs)
        for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    };
    syncAll();
    for (let round = 0; round < 60; round++) {
      for (const doc of docs) {
        const t = (doc.getXmlFragment('text').get(0) as Y.XmlElement).get(0) as Y.XmlText;
        const s = stringOf(t);
        const from = codePointBoundary(s, rng.int(s.length + 1));
        const to = codePointBoundary(s, Math.min(s.length, from + 1 + rng.int(3)));
        const r = rng.float();
        if (r < 0.5 || to <= from) t.insert(from, rng.pick(['🙂', 'a', '👍🏽', 'é']));
        else if (r < 0.75) t.delete(from, to - from);
        else t.format(from, to - from, { bold: rng.chance(0.5) ? true : null });
      }
      if (rng.chance(0.5)) syncAll();
    }
    syncAll();
    const strings = texts.map((t) => t.toString());
    expect(strings[1]).toBe(strings[0]);
    expect(strings[2]).toBe(strings[0]);
    expect(strings[0]).not.toContain('\ufffd');
  });

  it('[M9] why: in Yjs 13.6 an edit that splits a surrogate pair silently diverges the peers', () => {
    // Upstream behaviour, kept here as the reason for the rule above. If this starts failing after a Yjs
    // upgrade, the hazard is gone and this test can go; the boundary rule does no harm either way.
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'a🙂b');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    a.getText('t').format(0, 2, { bold: null }); // ends inside the emoji; writes nothing, but splits locally
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
    expect(a.getText('t').toString()).not.toBe(b.getText('t').toString());
  });
});

describe('conflicts on one card', () => {
  function pair(): [Y.Doc, Y.Doc, CardId[]] {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.clientID = 1;
    b.clientID = 2;
    const ids = ['c1', 'c2', 'c3'].map((id) =>
      createCard(
        a,
        { id: id as CardId, column: 'values', author: '', authorName: '', partner: '', text: `tekst ${id}` },
        LOCAL_USER,
      ),
    );
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    return [a, b, ids];
  }
  function exchange(a: Y.Doc, b: Y.Doc): void {
    const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
    Y.applyUpdate(b, toB);
    Y.applyUpdate(a, toA);
  }
  function placesOf(doc: Y.Doc, id: string): ColumnId[] {
    const map = readMap(doc);
    return COLUMN_IDS.filter((c) => map.columns[c].some((card) => card.id === id));
  }

  it('[M6] concurrent moves of one card to different columns leave it in exactly one place, the same on both peers', () => {
    const [a, b] = pair();
    moveCard(a, 'c1' as CardId, 'steps', 0, LOCAL_USER);
    moveCard(b, 'c1' as CardId, 'conditions', 0, LOCAL_USER);
    moveCard(b, 'c2' as CardId, 'conditions', 1, LOCAL_USER);
    exchange(a, b);
    expect(placesOf(a, 'c1')).toHaveLength(1);
    expect(placesOf(b, 'c1')).toEqual(placesOf(a, 'c1'));
    expect(readMap(a)).toEqual(readMap(b));
    expect(readMap(a).cardCount).toBe(3);
    expect(readMap(a).columns[placesOf(a, 'c1')[0]].find((c) => c.id === 'c1')!.plainText).toBe('tekst c1');
  });

  it('[M6] concurrent moves of one card within its column converge to one order', () => {
    const [a, b] = pair();
    moveCard(a, 'c1' as CardId, 'values', 2, LOCAL_USER);
    moveCard(b, 'c1' as CardId, 'values', 1, LOCAL_USER);
    exchange(a, b);
    const order = readMap(a).columns.values.map((c) => c.id);
    expect(order.filter((id) => id === 'c1')).toHaveLength(1);
    expect(readMap(b).columns.values.map((c) => c.id)).toEqual(order);
  });

  it('[M7] a delete wins over a concurrent text edit, move and status change', () => {
    const [a, b] = pair();
    deleteCard(a, 'c2' as CardId, LOCAL_USER);
    const text = (getCardText(getCard(b, 'c2' as CardId)!)!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    b.transact(() => text.insert(0, 'nog even '), LOCAL_USER);
    moveCard(b, 'c2' as CardId, 'actions', 0, LOCAL_USER);
    updateCard(b, 'c2' as CardId, { status: 'agreed' }, LOCAL_USER);
    exchange(a, b);
    for (const doc of [a, b]) {
      expect(getCard(doc, 'c2' as CardId)).toBeUndefined();
      expect(placesOf(doc, 'c2')).toEqual([]);
    }
    expect(readMap(a)).toEqual(readMap(b));
    expect(readMap(a).cardCount).toBe(2);
  });

  it('[M4] concurrent creates at the same index get equal keys and the same order everywhere, by id', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    createCard(a, { id: 'zz' as CardId, column: 'relations', author: '', authorName: '', partner: '' }, LOCAL_USER);
    createCard(b, { id: 'aa' as CardId, column: 'relations', author: '', authorName: '', partner: '' }, LOCAL_USER);
    exchange(a, b);
    const cards = readMap(a).columns.relations;
    expect(cards[0].order).toBe(cards[1].order);
    expect(cards.map((c) => c.id)).toEqual(['aa', 'zz']);
    expect(readMap(b).columns.relations.map((c) => c.id)).toEqual(['aa', 'zz']);
  });
});
