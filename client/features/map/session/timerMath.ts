import { timerRemaining, type TimerState } from '../../../../shared/session.js';

export type TimerPhase = 'running' | 'paused' | 'done';

export interface TimerView {
  remainingMs: number;
  phase: TimerPhase;
  /** "4:05", counting whole seconds up, so the start shows the full time and zero shows only at the end. */
  text: string;
  minutes: number;
  seconds: number;
}

/** What the timer shows at `serverNow` (server clock milliseconds). */
export function timerView(timer: TimerState, serverNow: number): TimerView {
  const remainingMs = timerRemaining(timer, serverNow);
  const total = Math.max(0, Math.ceil(remainingMs / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const phase: TimerPhase = remainingMs <= 0 ? 'done' : timer.endsAt === null ? 'paused' : 'running';
  return { remainingMs, phase, text: `${minutes}:${String(seconds).padStart(2, '0')}`, minutes, seconds };
}
