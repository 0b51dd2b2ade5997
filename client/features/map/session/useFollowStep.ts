import { useEffect, useRef } from 'react';
import type { ColumnId } from '../../../../shared/columns.js';
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
    if (!target || s.editing) return;
    const moved = s.activeColumn !== target;
    s.setActiveColumn(target);
    // The store's change is rendered before the next frame; then the new column is on screen.
    if (moved) requestAnimationFrame(() => showColumnStart(target));
  }, [key, target, ui]);
}

/**
 * A phone scrolled far down the old step (65 cards in Waarden) would land at the bottom of the new
 * one, on its add button, with the step's title and question out of sight: bring the column's top
 * just below the sticky header. Only on a phone (one column shown) and only when the top is hidden.
 */
function showColumnStart(column: ColumnId): void {
  const el = document.getElementById(`column-${column}`);
  const tabs = document.querySelector<HTMLElement>('[data-testid="map.steps"]');
  // Wider screens show every column and hide the step tabs: nothing moved there.
  if (!el || !tabs || tabs.offsetParent === null || el.offsetParent === null) return;
  const header = document.querySelector('[data-testid="map.header"]')?.getBoundingClientRect();
  const below = header && header.bottom > 0 ? header.bottom : 0;
  const top = el.getBoundingClientRect().top;
  if (top < below) window.scrollBy({ top: top - below - 8, behavior: 'instant' });
}
