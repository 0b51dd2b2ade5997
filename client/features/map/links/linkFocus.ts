import { useSyncExternalStore } from 'react';
import type { ColumnId } from '../../../../shared/columns.js';
import { mayServe } from '../../../../shared/links.js';
import type { CardSnapshot } from '../../../../shared/readModel.js';

/**
 * Which card has the focus on this page (keyboard or pointer), so that the cards it serves and the
 * cards that serve it can show a marker ([L4]). Session state of one tab: never stored, never shared.
 * One small store per page, not the map's UI store, because only the link markers read it.
 */
interface Focused {
  id: string;
  column: ColumnId;
  links: readonly string[];
}

let focused: Focused | null = null;
const listeners = new Set<() => void>();
const subscribe = (l: () => void) => (listeners.add(l), () => listeners.delete(l));

export function setLinkFocus(card: CardSnapshot | null): void {
  const next = card ? { id: card.id, column: card.column, links: Object.keys(card.links) } : null;
  if (next?.id === focused?.id && next?.links.join() === focused?.links.join()) return;
  focused = next;
  for (const l of listeners) l();
}

/** Leaving a card: only clears the focus when it was this card's (focus moves card to card). */
export function clearLinkFocus(id: string): void {
  if (focused?.id === id) setLinkFocus(null);
}

export type LinkRole = 'focused' | 'serves-focused' | 'served-by-focused' | null;

/** How `card` relates to the card in focus: it is that card, it serves it, or that card serves it. */
export function useLinkRole(card: Pick<CardSnapshot, 'id' | 'column' | 'links'>): LinkRole {
  return useSyncExternalStore(subscribe, () => {
    if (!focused) return null;
    if (focused.id === card.id) return 'focused';
    if (Object.hasOwn(card.links, focused.id) && mayServe(card.column, focused.column)) return 'serves-focused';
    if (focused.links.includes(card.id) && mayServe(focused.column, card.column)) return 'served-by-focused';
    return null;
  });
}
