import { matchesValue, ORDER_KEY_SPEC } from './card/fields.js';

/**
 * Fractional order keys ([M3], [M15]).
 * A key is a non-empty string over DIGITS (base 62, in ASCII order) that does not end in the smallest
 * digit '0'. Read as a base-62 fraction 0.d1d2d3…, plain string comparison (<) is numeric order, and
 * there is always room for a key below or above any key. Equal keys can still arise from concurrent
 * inserts at the same spot: readers break ties by card id.
 *
 * Appending and prepending grow keys logarithmically ([M15], docs/decisions/0010): the keys count up
 * (or down) in levels. Level k is marked by k leading 'z's (appending) or k leading '0's (prepending)
 * and counts with k+1 digits after that mark, so level k holds about 61·62^k keys of at most 2k+1
 * characters; when a level is used up the next one starts. 10,000 appends stay under 6 characters.
 * Inserts between two keys take a midpoint and add a digit only when the two are adjacent.
 * Keys written before this scheme (same alphabet, same invariant) stay valid and compare correctly,
 * so nothing is migrated.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const LOWEST = DIGITS[0];
const HIGHEST = DIGITS[BASE - 1];

function midpoint(a: string, b: string | null): string {
  if (b !== null && a >= b) throw new Error(`order keys out of order: ${a} >= ${b}`);
  if (b !== null) {
    // Shared prefix: keep it and find a midpoint of the rest.
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const digitA = a ? DIGITS.indexOf(a[0]) : 0;
  const digitB = b !== null ? DIGITS.indexOf(b[0]) : DIGITS.length;
  if (digitB - digitA > 1) return DIGITS[Math.round((digitA + digitB) / 2)];
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[digitA] + midpoint(a.slice(1), null);
}

const stripZeros = (key: string) => key.replace(/0+$/, '');

/** `digits` plus or minus one, as a fixed-width base-62 number (the caller rules out overflow). */
function step(digits: string, delta: 1 | -1): string {
  const out = [...digits].map((d) => DIGITS.indexOf(d));
  let i = out.length - 1;
  for (; i >= 0; i--) {
    out[i] += delta;
    if (out[i] >= 0 && out[i] < BASE) break;
    out[i] = delta > 0 ? 0 : BASE - 1;
  }
  return out.map((d) => DIGITS[d]).join('');
}

function leading(key: string, digit: string): number {
  let k = 0;
  while (key[k] === digit) k++;
  return k;
}

/** A short key after `a`: the next number at the level of `a` (k leading 'z's, k+1 digits). */
function keyAfter(a: string): string {
  const k = leading(a, HIGHEST);
  const body = a.slice(k, 2 * k + 1).padEnd(k + 1, LOWEST);
  // body[0] is not 'z' (or body is all '0'), so adding one never overflows the k+1 digits.
  return stripZeros(HIGHEST.repeat(k) + step(body, 1));
}

/** A short key before `b`: the previous number at the level of `b` (k leading '0's, k+1 digits). */
function keyBefore(b: string): string {
  const k = leading(b, LOWEST);
  const body = b.slice(k, 2 * k + 1);
  // A longer key is above its own k+1 digit prefix (it does not end in '0').
  if (b.length > 2 * k + 1) return stripZeros(LOWEST.repeat(k) + body);
  const prev = step(body.padEnd(k + 1, LOWEST), -1);
  // Level k is used up: start level k+1 at its top.
  if (prev[0] === LOWEST) return LOWEST.repeat(k + 1) + HIGHEST.repeat(k + 2);
  return stripZeros(LOWEST.repeat(k) + prev);
}

/** Valid by the card table's order row (length limit, alphabet) and not ending in '0'. */
export function isValidOrderKey(key: unknown): key is string {
  return matchesValue(ORDER_KEY_SPEC, key);
}

/** A key strictly between `before` and `after` (null means open end). */
export function keyBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) {
    // Concurrent inserts can leave equal neighbours; the id tie-break orders them, so sit just after `before`:
    // one more digit sorts after every key equal to `before` and before every larger key that does not
    // extend it (midpoint(before, null) would jump halfway to the end of the key space, past the next card).
    return before + midpoint('', null);
  }
  if (before === null && after === null) return midpoint('', null);
  if (after === null) return keyAfter(before!);
  if (before === null) return keyBefore(after);
  return midpoint(before, after);
}

/** `count` increasing keys after `before`, for seeding many cards at once. */
export function keysAfter(before: string | null, count: number): string[] {
  const keys: string[] = [];
  let prev = before;
  for (let i = 0; i < count; i++) {
    prev = keyBetween(prev, null);
    keys.push(prev);
  }
  return keys;
}
