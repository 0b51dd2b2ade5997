import type { TimeResponse } from '../../shared/api.js';

/**
 * The server's clock as seen from this browser. The session timer stores its end in server time, so
 * every screen counts down alike even when a laptop's clock is a few minutes off.
 * `offset` = server time − local time, measured once with GET /api/time (half the round trip counted
 * as travel time). Until then, or when it fails, the local clock stands in.
 */
export class ServerClock {
  constructor(private offsetMs = 0) {}

  now = (): number => Date.now() + this.offsetMs;

  get offset(): number {
    return this.offsetMs;
  }

  async sync(fetchTime: () => Promise<number | null> = fetchServerTime): Promise<void> {
    const sent = Date.now();
    const server = await fetchTime().catch(() => null);
    const received = Date.now();
    if (server === null || !Number.isFinite(server)) return;
    this.offsetMs = Math.round(server - (sent + received) / 2);
  }
}

export async function fetchServerTime(): Promise<number | null> {
  const response = await fetch('/api/time', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) return null;
  const body = (await response.json()) as Partial<TimeResponse>;
  return typeof body.now === 'number' ? body.now : null;
}
