import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapUiApi } from '../uiStore.js';
import { timerView } from './timerMath.js';
import { armTone, playSoftTone } from './tone.js';
import { useSession } from './useSession.js';
import { useClock } from '../../../workshop/hooks.js';
import { shownTimer } from '../../../../shared/session.js';

const TICK_MS = 1000;

/**
 * The step timer on every map screen, counted down on the server clock so all screens agree.
 * At zero a calm signal (and a soft tone once the person has used the page): nothing is cut off.
 */
export function SessionTimer() {
  const { t } = useTranslation();
  const clock = useClock();
  const session = useSession();
  const { timer } = session;
  const ui = useMapUiApi();
  const [now, setNow] = useState(() => clock.now());
  const running = timer !== null && timer.endsAt !== null;

  // A new clock (its offset measured) or a new timer reads the time again at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: restart the tick when the facilitator sets a new timer
  useEffect(() => {
    setNow(clock.now());
    if (!running) return;
    const id = setInterval(() => setNow(clock.now()), TICK_MS);
    return () => clearInterval(id);
  }, [clock, running, timer]);

  useEffect(armTone, []);

  // A "time is up" of an earlier step is not shown in the next one (G8): hints follow the step.
  const shown = shownTimer(session, now);
  const view = shown ? timerView(shown, now) : null;
  const phase = view?.phase ?? null;
  // Signal only the moment it reaches zero, not a timer that had already ended when the page opened.
  const last = useRef(phase);
  useEffect(() => {
    if (last.current === 'running' && phase === 'done') {
      playSoftTone();
      ui.getState().announce(t('timer.doneAnnounce'));
    }
    last.current = phase;
  }, [phase, ui, t]);

  if (!view) return null;
  const spoken = t('timer.spoken', { minutes: view.minutes, seconds: view.seconds });
  return (
    <div className="session-timer" data-testid="session.timer" data-phase={view.phase}>
      <span className="timer-label">{t('timer.label')}</span>{' '}
      <span className="timer-time" role="timer" aria-label={spoken}>
        {view.text}
      </span>
      {view.phase === 'paused' && <span className="timer-note"> ({t('timer.paused')})</span>}
      {view.phase === 'done' && (
        <span className="timer-note" data-testid="session.timer.done">
          {' '}
          {t('timer.done')}
        </span>
      )}
    </div>
  );
}
