import { HttpError } from './respond.js';

/**
 * Per-address rate limits for the anonymous endpoints that can be guessed at or flooded (T11): join-code
 * lookups, joining and workshop creation. A fixed window per address and action; over the limit is a
 * 429 with Retry-After (seconds until the window ends). Old windows are swept so memory stays bounded.
 */
export interface RateRule {
  /** Requests allowed per window per address. */
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Throws a 429 HttpError when `address` used up `rule` for `action`. */
  check(action: string, address: string, rule: RateRule): void {
    const t = this.now();
    this.sweep(t, rule.windowMs);
    const key = `${action} ${address}`;
    let w = this.windows.get(key);
    if (!w || t - w.start >= rule.windowMs) {
      w = { start: t, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    if (w.count > rule.limit) {
      const retryAfter = Math.max(1, Math.ceil((w.start + rule.windowMs - t) / 1000));
      throw new HttpError(429, 'slow_down', `Too many requests; try again in ${retryAfter} seconds.`, undefined, {
        'retry-after': String(retryAfter),
      });
    }
  }

  private sweep(t: number, windowMs: number): void {
    if (t - this.lastSweep < windowMs) return;
    this.lastSweep = t;
    for (const [k, w] of this.windows) if (t - w.start >= windowMs) this.windows.delete(k);
  }
}
