import { useEffect, type RefObject } from 'react';
import { COLUMN_IDS, type ColumnId } from '../../../shared/columns.js';
import { useDrafts } from '../../workshop/hooks.js';
import { useColumnAccess } from './session/useSession.js';
import { useMapUi } from './uiStore.js';

/**
 * Alt+N adds a card in the current step, from anywhere on the map page outside a text field, so a
 * keyboard user need not tab past every card to reach "Kaart toevoegen". A modifier, not a bare "n":
 * single-key shortcuts fire by accident for speech input users (WCAG 2.1.4; ADR 0019). Matched by
 * the physical key, so Option+N on a Mac (which types "˜") works too.
 */
export const ADD_CARD_SHORTCUT = 'Alt+N';

export function isAddCardShortcut(event: KeyboardEvent): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === 'KeyN';
}

function inTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null)
  );
}

/**
 * The column a new card goes to from the keyboard: the facilitator's current step if I may write
 * there, else the column I worked in last, else the first open one; null when I can add nowhere.
 */
export function useAddTarget(): ColumnId | null {
  const access = useColumnAccess();
  const drafts = useDrafts();
  const last = useMapUi((s) => s.activeColumn);
  if (access.privateForMe && !drafts) return null;
  const { session } = access;
  const candidates = [...(session.guided ? session.active : []), last, ...COLUMN_IDS];
  return candidates.find((c) => access.canWrite(c)) ?? null;
}

/**
 * Listens for the shortcut while `enabled` (the column that is the add target). Only a column that
 * is on screen answers: the console can hold a map hidden behind a tab.
 */
export function useAddCardShortcut(enabled: boolean, column: RefObject<HTMLElement | null>, add: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isAddCardShortcut(event) || inTextField(event.target)) return;
      const el = column.current;
      if (!el || (typeof el.checkVisibility === 'function' && !el.checkVisibility())) return;
      event.preventDefault();
      add();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, column, add]);
}
