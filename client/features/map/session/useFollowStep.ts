import { useEffect, useRef } from 'react';
import { columnOfStep, stepKey } from '../../../../shared/session.js';
import { useMapUiApi } from '../uiStore.js';
import { useSession } from './useSession.js';

/**
 * A phone shows one column: when the facilitator moves to another step, it moves along (as in
 * Parabol, everyone is brought to the new phase). Someone in the middle of writing a card stays
 * where they are; the step tabs then offer the one tap back (U10, U11).
 */
export function useFollowStep(): void {
  const session = useSession();
  const ui = useMapUiApi();
  const target = columnOfStep(session);
  const key = session.guided ? `${session.direction}:${stepKey(session.active)}` : '';
  // Nothing seen yet: the first run also moves, for a map opened before the session was known.
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (seen.current === key) return;
    seen.current = key;
    const s = ui.getState();
    if (target && !s.editing) s.setActiveColumn(target);
  }, [key, target, ui]);
}
