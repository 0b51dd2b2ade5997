import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCAL_USER } from '../../../shared/origins.js';
import {
  addTimerMinute,
  clearTimer,
  pauseTimer,
  setTimer,
  startTimer,
  timerRemaining,
} from '../../../shared/session.js';
import { formatDuration, useNow } from '../../lib/serverClock.js';
import { useSession } from '../../workshop/hooks.js';
import { useConsoleEnv } from './consoleEnv.js';

const MAX_MINUTES = 180;

/** Set, start, pause, one more minute, clear. Times are server times, so every screen counts alike. */
export function TimerControls() {
  const { t } = useTranslation();
  const { sessionDoc, clock } = useConsoleEnv();
  const { timer } = useSession();
  const running = !!timer && timer.endsAt !== null;
  const now = useNow(clock, running);
  const remaining = timer ? timerRemaining(timer, now) : null;
  const id = useId();
  const [minutes, setMinutes] = useState('10');
  const [error, setError] = useState(false);
  const durationMinutes = timer ? Math.round(timer.durationMs / 60_000) : null;
  useEffect(() => {
    if (durationMinutes !== null) setMinutes(String(durationMinutes));
  }, [durationMinutes]);

  const set = () => {
    const n = Number(minutes.trim().replace(',', '.'));
    if (!Number.isFinite(n) || n <= 0 || n > MAX_MINUTES) {
      setError(true);
      return;
    }
    setError(false);
    setTimer(sessionDoc, Math.round(n * 60) * 1000, LOCAL_USER);
  };

  return (
    <section className="console-timer" aria-labelledby={`${id}-h`} data-testid="console.timer">
      <div className="timer-head">
        <h3 id={`${id}-h`}>{t('console.timer.heading')}</h3>
        <p
          className="timer-display"
          data-testid="console.timer.display"
          data-running={running || undefined}
          data-done={remaining === 0 || undefined}
          data-empty={remaining === null || undefined}
        >
          {remaining === null ? t('console.timer.none') : formatDuration(remaining)}
          {remaining === 0 && <span className="timer-done"> {t('console.timer.done')}</span>}
          {timer && !running && remaining !== 0 && <span className="timer-paused"> {t('console.timer.paused')}</span>}
        </p>
      </div>
      <p role="status" className="sr-only">
        {remaining === 0 ? t('console.timer.done') : ''}
      </p>
      <form
        className="timer-set"
        onSubmit={(e) => {
          e.preventDefault();
          set();
        }}
      >
        <label htmlFor={`${id}-min`}>{t('console.timer.minutes')}</label>
        <input
          id={`${id}-min`}
          data-testid="console.timer.minutes"
          inputMode="numeric"
          size={4}
          value={minutes}
          aria-invalid={error || undefined}
          aria-describedby={error ? `${id}-err` : undefined}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <button type="submit" className="button" data-testid="console.timer.set">
          {t('console.timer.set')}
        </button>
      </form>
      {error && (
        <p className="field-error" id={`${id}-err`}>
          {t('console.timer.invalid', { max: MAX_MINUTES })}
        </p>
      )}
      {/* Start, pause, one more minute and clear only mean something once a time is set; hiding them
          until then keeps the panel's tabs in sight on a laptop. */}
      {timer && (
        <div className="button-row timer-controls">
          <button
            type="button"
            className="button button-primary"
            data-testid="console.timer.start"
            disabled={running || remaining === 0}
            onClick={() => startTimer(sessionDoc, clock.now(), LOCAL_USER)}
          >
            {t('console.timer.start')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="console.timer.pause"
            disabled={!running}
            onClick={() => pauseTimer(sessionDoc, clock.now(), LOCAL_USER)}
          >
            {t('console.timer.pause')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="console.timer.addMinute"
            onClick={() => addTimerMinute(sessionDoc, clock.now(), LOCAL_USER)}
          >
            {t('console.timer.addMinute')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            data-testid="console.timer.clear"
            onClick={() => clearTimer(sessionDoc, LOCAL_USER)}
          >
            {t('console.timer.clear')}
          </button>
        </div>
      )}
    </section>
  );
}
