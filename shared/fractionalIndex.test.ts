import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCard } from './cardSchema.js';
import { isValidOrderKey, keyBetween, keysAfter } from './fractionalIndex.js';
import { createCard } from './ops.js';
import { LOCAL_USER } from './origins.js';
import { readMap } from './readModel.js';

/** mulberry32: a tiny seeded PRNG, so a failing run can be replayed from its seed. */
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

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Checks one freshly made key against its neighbours; returns a message instead of throwing, for speed. */
function violation(key: string, before: string | null, after: string | null): string | null {
  if (!isValidOrderKey(key)) return `invalid key ${JSON.stringify(key)}`;
  if (key.endsWith('0')) return `key ends in '0': ${key}`;
  if (before !== null && !(before < key)) return `${key} not after ${before}`;
  if (after !== null && !(key < after)) return `${key} not before ${after}`;
  return null;
}

describe('fractional order keys', () => {
  it('[M3] thousands of random inserts at random positions keep the keys valid and strictly increasing', () => {
    for (const seed of [1, 2, 3, 42, 2024]) {
      const rand = mulberry32(seed);
      const keys: string[] = [];
      for (let step = 0; step < 2500; step++) {
        const i = Math.floor(rand() * (keys.length + 1));
        const before = keys[i - 1] ?? null;
        const after = keys[i] ?? null;
        const key = keyBetween(before, after);
        const problem = violation(key, before, after);
        if (problem) throw new Error(`seed ${seed}, step ${step}: ${problem}`);
        keys.splice(i, 0, key);
      }
      for (let i = 1; i < keys.length; i++) expect(keys[i - 1] < keys[i]).toBe(true);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('[M3] inserts biased to the front, the end and one spot stay valid and ordered', () => {
    // Dragging to the top of a column, appending, and dropping again and again between the same two cards.
    for (const seed of [7, 8, 9]) {
      const rand = mulberry32(seed);
      const keys: string[] = [];
      for (let step = 0; step < 600; step++) {
        const r = rand();
        const i = r < 0.3 ? 0 : r < 0.6 ? keys.length : r < 0.9 ? Math.min(1, keys.length) : Math.floor(rand() * (keys.length + 1));
        const before = keys[i - 1] ?? null;
        const after = keys[i] ?? null;
        const key = keyBetween(before, after);
        const problem = violation(key, before, after);
        if (problem) throw new Error(`seed ${seed}, step ${step}: ${problem}`);
        keys.splice(i, 0, key);
      }
    }
  });

  it('[M3] keys between random valid neighbours, including shared prefixes and leading zeros', () => {
    const rand = mulberry32(99);
    const randomKey = () => {
      const len = 1 + Math.floor(rand() * 6);
      let k = '';
      // Bias towards '0' and 'z' so prefixes like '00…' and 'zz…' (the tight spots) come up often.
      for (let i = 0; i < len; i++) {
        const r = rand();
        k += r < 0.25 ? '0' : r < 0.4 ? 'z' : DIGITS[Math.floor(rand() * DIGITS.length)];
      }
      return k.replace(/0+$/, '') || '1';
    };
    for (let n = 0; n < 5000; n++) {
      let a = randomKey();
      let b = rand() < 0.3 ? a + randomKey() : randomKey(); // often b extends a
      if (a === b) continue;
      if (a > b) [a, b] = [b, a];
      const key = keyBetween(a, b);
      const problem = violation(key, a, b);
      if (problem) throw new Error(`between ${a} and ${b}: ${problem}`);
    }
  });

  it('[M3] open ends: null before, null after, both null', () => {
    const mid = keyBetween(null, null);
    expect(isValidOrderKey(mid)).toBe(true);
    const low = keyBetween(null, mid);
    const high = keyBetween(mid, null);
    expect(low < mid && mid < high).toBe(true);
    // The tightest spot below: keys made only of zeros and one digit.
    expect(keyBetween(null, '1')).toMatch(/^0[1-9A-Za-z]/);
    expect(keyBetween(null, '1') < '1').toBe(true);
    expect(keyBetween(null, '00001') < '00001').toBe(true);
    expect(isValidOrderKey(keyBetween(null, '00001'))).toBe(true);
    // Above the largest digit there is still room.
    expect(keyBetween('z', null) > 'z').toBe(true);
    expect(keyBetween('zzzz', null) > 'zzzz').toBe(true);
  });

  it('[M3] adjacent digits and a neighbour that extends the other key', () => {
    expect(violation(keyBetween('1', '2'), '1', '2')).toBeNull();
    expect(violation(keyBetween('V', 'V1'), 'V', 'V1')).toBeNull();
    expect(violation(keyBetween('Vz', 'W'), 'Vz', 'W')).toBeNull();
    expect(violation(keyBetween('a1', 'a2'), 'a1', 'a2')).toBeNull();
  });

  it('[M3] equal neighbours give a key just after them, before every larger key that does not extend them', () => {
    const rand = mulberry32(5);
    for (const k of ['V', '1', 'w', '0V', 'az3']) {
      const key = keyBetween(k, k);
      expect(isValidOrderKey(key)).toBe(true);
      expect(key > k).toBe(true);
      // Any larger key that is not an extension of k (the next card of the column): the new card lands before it.
      let checked = 0;
      for (let attempt = 0; attempt < 2000; attempt++) {
        let next = '';
        const len = 1 + Math.floor(rand() * 4);
        for (let i = 0; i < len; i++) next += DIGITS[1 + Math.floor(rand() * 61)];
        if (!(next > k) || next.startsWith(k)) continue;
        expect(key < next, `${key} < ${next}`).toBe(true);
        checked++;
      }
      expect(checked).toBeGreaterThan(20);
    }
    // The case that matters: cards at 'V', 'V', then one appended after them at keyBetween('V', null).
    expect(keyBetween('V', 'V') < keyBetween('V', null)).toBe(true);
  });

  it('[M3] keysAfter gives count increasing valid keys after the given key', () => {
    const keys = keysAfter(null, 300);
    expect(keys).toHaveLength(300);
    for (let i = 0; i < keys.length; i++) {
      expect(isValidOrderKey(keys[i])).toBe(true);
      if (i > 0) expect(keys[i - 1] < keys[i]).toBe(true);
    }
    const more = keysAfter(keys[keys.length - 1], 5);
    expect(more[0] > keys[keys.length - 1]).toBe(true);
    expect(keysAfter('V', 0)).toEqual([]);
  });

  it('[M3] isValidOrderKey rejects empty, zero-ended, foreign characters, non-strings and over-long keys', () => {
    expect(isValidOrderKey('V')).toBe(true);
    expect(isValidOrderKey('0V')).toBe(true);
    expect(isValidOrderKey('')).toBe(false);
    expect(isValidOrderKey('V0')).toBe(false);
    expect(isValidOrderKey('0')).toBe(false);
    expect(isValidOrderKey('a-b')).toBe(false);
    expect(isValidOrderKey('é')).toBe(false);
    expect(isValidOrderKey(5)).toBe(false);
    expect(isValidOrderKey(null)).toBe(false);
    expect(isValidOrderKey('V'.repeat(200))).toBe(true);
    expect(isValidOrderKey('V'.repeat(201))).toBe(false);
  });

  it('[M15] 10,000 appends, 10,000 prepends and 10,000 seeded random inserts stay short', () => {
    const mean = (keys: string[]) => keys.reduce((n, k) => n + k.length, 0) / keys.length;
    const appended = keysAfter(null, 10_000);
    const prepended: string[] = [];
    for (let i = 0, first: string | null = null; i < 10_000; i++) prepended.unshift((first = keyBetween(null, first)));
    const rand = mulberry32(10_000);
    const random: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const at = Math.floor(rand() * (random.length + 1));
      random.splice(at, 0, keyBetween(random[at - 1] ?? null, random[at] ?? null));
    }
    for (const keys of [appended, prepended, random]) {
      for (let i = 1; i < keys.length; i++) if (!(keys[i - 1] < keys[i])) throw new Error(`not increasing at ${i}`);
      expect(keys.every(isValidOrderKey)).toBe(true);
    }
    const stats = { appended, prepended, random };
    console.log(
      '[M15] order key length, mean/max:',
      Object.entries(stats).map(([name, keys]) => `${name} ${mean(keys).toFixed(2)}/${Math.max(...keys.map((k) => k.length))}`).join(', '),
    );
    expect(mean(appended)).toBeLessThan(30);
    expect(mean(prepended)).toBeLessThan(30);
    expect(mean(random)).toBeLessThan(30);
    // Logarithmic, not linear: far below the limit even at the end.
    expect(Math.max(...appended.map((k) => k.length))).toBeLessThanOrEqual(7);
    expect(Math.max(...prepended.map((k) => k.length))).toBeLessThanOrEqual(7);
  });

  it('[M15] keys written before the level scheme stay valid neighbours: new keys sort correctly around them', () => {
    // What the old linear scheme left behind after long runs of appends and inserts.
    const old = ['1', 'V', 'kV', 'z', 'zV', 'zzzzzzk', 'zzzzzzzzzzzzzzzzzzzzs', '0001', 'Vz1'];
    for (const k of old) {
      expect(isValidOrderKey(k)).toBe(true);
      const after = keyBetween(k, null);
      const before = keyBetween(null, k);
      expect(isValidOrderKey(after) && after > k).toBe(true);
      expect(isValidOrderKey(before) && before < k).toBe(true);
    }
    const sorted = [...old].sort();
    for (let i = 1; i < sorted.length; i++) {
      const mid = keyBetween(sorted[i - 1], sorted[i]);
      expect(sorted[i - 1] < mid && mid < sorted[i]).toBe(true);
    }
  });

  it('[M15] concurrent inserts from two peers at one spot stay ordered and distinct, the same on both', () => {
    const rand = mulberry32(77);
    const a = new Y.Doc();
    const b = new Y.Doc();
    const sync = () => {
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    };
    const card = (doc: Y.Doc, index: number, text: string) =>
      createCard(doc, { column: 'values', author: '', authorName: '', partner: '', text, index }, LOCAL_USER);
    for (let i = 0; i < 5; i++) card(a, i, `basis ${i}`);
    sync();
    const made: string[] = [];
    for (let round = 0; round < 100; round++) {
      // Both peers insert at the same index while apart (every 10th round: at the end), then meet.
      const n = readMap(a).columns.values.length;
      const at = round % 10 === 0 ? n : Math.floor(rand() * (n + 1));
      made.push(card(a, at, `a${round}`), card(b, at, `b${round}`));
      sync();
    }
    const onA = readMap(a).columns.values;
    const onB = readMap(b).columns.values;
    expect(onA.map((c) => c.id)).toEqual(onB.map((c) => c.id));
    expect(new Set(onA.map((c) => c.id)).size).toBe(205);
    for (const id of made) expect(isValidOrderKey(getCard(a, id as never)!.get('order'))).toBe(true);
    // Ordered by key, ties by id: the same rule every reader applies.
    for (let i = 1; i < onA.length; i++) {
      const [p, q] = [onA[i - 1], onA[i]];
      expect(p.order < q.order || (p.order === q.order && p.id < q.id)).toBe(true);
    }
    expect(Math.max(...onA.map((c) => c.order.length))).toBeLessThan(40);
  });
});
