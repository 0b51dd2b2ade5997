import { describe, expect, it } from 'vitest';
import { ConnectAttempts } from './ConnectAttempts.js';

function clock() {
  const c = { t: 0, now: () => c.t };
  return c;
}

describe('connect attempts per address', () => {
  it('[T19] an address gets its burst at once, then one attempt per refill; a refusal takes nothing', () => {
    const c = clock();
    const attempts = new ConnectAttempts({ perSecond: 10, burst: 3, maxAddresses: 100 }, c.now);
    expect([1, 2, 3, 4].map(() => attempts.take('a'))).toEqual([0, 0, 0, 1]);
    // Refused attempts do not dig the hole deeper: after one refill interval the next one gets in.
    for (let i = 0; i < 100; i++) attempts.take('a');
    c.t += 100;
    expect(attempts.take('a')).toBe(0);
    expect(attempts.take('a')).toBe(1);
    // Another address has its own bucket.
    expect(attempts.take('b')).toBe(0);
  });

  it('[T19] Retry-After is the time one attempt takes to come back, at least a second', () => {
    const attempts = new ConnectAttempts({ perSecond: 0.25, burst: 1, maxAddresses: 100 }, clock().now);
    attempts.take('a');
    expect(attempts.take('a')).toBe(4);
  });

  it('[T20] past the bound the least recently seen address is forgotten, never the one still trying', () => {
    const c = clock();
    const attempts = new ConnectAttempts({ perSecond: 1, burst: 2, maxAddresses: 100 }, c.now);
    attempts.take('flood');
    attempts.take('flood');
    for (let i = 0; i < 1000; i++) {
      attempts.take(`10.0.${i >> 8}.${i & 255}`);
      // The flooding address keeps trying between the others and keeps its empty bucket.
      if (i % 50 === 0) expect(attempts.take('flood')).toBe(1);
      expect(attempts.size).toBeLessThanOrEqual(100);
    }
    expect(attempts.take('flood')).toBe(1);
  });

  it('[T20] an address idle until its bucket is full again is dropped', () => {
    const c = clock();
    const attempts = new ConnectAttempts({ perSecond: 10, burst: 5, maxAddresses: 100 }, c.now);
    for (let i = 0; i < 50; i++) attempts.take(`a${i}`);
    expect(attempts.size).toBe(50);
    c.t += 499;
    attempts.take('late');
    expect(attempts.size).toBe(51);
    c.t += 1;
    attempts.take('late');
    expect(attempts.size).toBe(1);
  });
});
