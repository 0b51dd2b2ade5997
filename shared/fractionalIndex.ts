/**
 * Fractional order keys.
 * Invariant: a key is a non-empty string over DIGITS that does not end in the smallest digit '0',
 * so there is always room for a key below it; keys compare with plain string comparison (<).
 * Equal keys can still arise from concurrent inserts at the same spot: readers break ties by card id.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

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

export function isValidOrderKey(key: unknown): key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > 200) return false;
  if (key.endsWith('0')) return false;
  for (const ch of key) if (!DIGITS.includes(ch)) return false;
  return true;
}

/** A key strictly between `before` and `after` (null means open end). */
export function keyBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) {
    // Concurrent inserts can leave equal neighbours; the id tie-break orders them, so sit just after `before`:
    // one more digit sorts after every key equal to `before` and before every larger key that does not
    // extend it (midpoint(before, null) would jump halfway to the end of the key space, past the next card).
    return before + midpoint('', null);
  }
  return midpoint(before ?? '', after);
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
