import { useEffect, useState } from 'react';

/** The server's clock as seen from here: timer times in the session document are server times. */
export interface Clock {
  now(): number;
}

/** The clock's time, read again every `intervalMs` while `ticking`; a fresh read whenever it starts. */
export function useNow(clock: Clock, ticking: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    setNow(clock.now());
    if (!ticking) return;
    const timer = setInterval(() => setNow(clock.now()), intervalMs);
    return () => clearInterval(timer);
  }, [clock, ticking, intervalMs]);
  return now;
}

/** 75_000 → "1:15"; rounds up so "0:00" only shows when the time is really up. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
