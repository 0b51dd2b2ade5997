import { TokenBucket } from './TokenBucket.js';

export interface ConnectAttemptRule {
  /** Attempts per second an address earns back (the bucket's refill). */
  perSecond: number;
  /** Attempts an address may make at once: a venue whose Wi-Fi came back reconnects every phone together. */
  burst: number;
  /** Addresses remembered at most; past it the least recently seen is forgotten (memory stays bounded). */
  maxAddresses: number;
}

interface Entry {
  bucket: TokenBucket;
  /** When this address last tried (the map is kept in this order, oldest first). */
  seen: number;
}

/**
 * Websocket connect attempts per client address ([T19], docs/decisions/0036): a token bucket per
 * address, asked before the upgrade costs anything (no handshake, no token lookup, no room). Only the
 * attempts that get through take a token, so a refused flood spends nothing but its own answer.
 *
 * Memory is bounded ([T20]): the map is in least-recently-seen order; an address idle long enough
 * for its bucket to be full again carries no information and is dropped, and past `maxAddresses` the
 * oldest is dropped anyway. Forgetting only ever gives an address a full bucket: it can let an
 * attacker with very many addresses in, never lock an honest one out.
 */
export class ConnectAttempts {
  private readonly entries = new Map<string, Entry>();
  /** After this long without an attempt, a bucket has refilled completely. */
  private readonly refillMs: number;

  constructor(
    private readonly rule: ConnectAttemptRule,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.refillMs = (rule.burst / rule.perSecond) * 1000;
  }

  /** 0 when `address` may try now (one attempt taken), else the seconds it should wait (Retry-After). */
  take(address: string): number {
    const t = this.now();
    this.forgetIdle(t);
    let entry = this.entries.get(address);
    if (entry) this.entries.delete(address);
    else entry = { bucket: new TokenBucket(this.rule.perSecond, this.rule.burst, this.now), seen: t };
    entry.seen = t;
    // Re-inserted: the map's order stays least recently seen first.
    this.entries.set(address, entry);
    if (this.entries.size > this.rule.maxAddresses) this.entries.delete(this.entries.keys().next().value!);
    if (entry.bucket.take()) return 0;
    // One token comes back every 1/perSecond s; a client waits at least a second (Retry-After's unit).
    return Math.max(1, Math.ceil(1 / this.rule.perSecond));
  }

  /** Addresses remembered now (for the bound's test and the bench). */
  get size(): number {
    return this.entries.size;
  }

  /** Drop addresses whose bucket is full again; the oldest come first, so this stops at the first recent one. */
  private forgetIdle(t: number): void {
    for (const [address, entry] of this.entries) {
      if (t - entry.seen < this.refillMs) return;
      this.entries.delete(address);
    }
  }
}
