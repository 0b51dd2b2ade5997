import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { CardSnapshot } from '../../../shared/readModel.js';

/**
 * How this person likes to see the cards, kept in this browser only (never in a shared document):
 * `auto` shows a column as one-line cards once it holds more than COMPACT_ABOVE cards.
 */
export type CardDensity = 'auto' | 'compact' | 'full';

/**
 * A phone (390×844) with a 120 px header and the column head shows about six full cards of two to
 * four lines; twelve full cards is already two screens of scrolling, while twelve one-line cards
 * fill about half a screen. Above this a column is compact unless the person chose otherwise (U12).
 */
export const COMPACT_ABOVE = 12;

interface ViewPrefs {
  density: CardDensity;
  setDensity(density: CardDensity): void;
}

export const useViewPrefs = create<ViewPrefs>()(
  persist(
    (set) => ({
      density: 'auto',
      setDensity: (density) => set({ density }),
    }),
    {
      name: 'pkl.cardDensity',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ density: s.density }),
    },
  ),
);

/** Is a column of `count` cards shown as one-line cards? */
export function isCompact(density: CardDensity, count: number): boolean {
  return density === 'compact' || (density === 'auto' && count > COMPACT_ABOVE);
}

/** Support a card has: +1s, then partners that agree ("eens namens"). */
function supportOf(card: CardSnapshot): [number, number] {
  return [card.supporters.length, Object.keys(card.agreedBy).length];
}

/** Sorting by support is offered once some card in the column has any: before that it changes nothing. */
export function hasSupport(card: CardSnapshot): boolean {
  const [plus, agreed] = supportOf(card);
  return plus + agreed > 0;
}

/**
 * The cards most supported first, ties in the shared order. A view of this browser only: the
 * shared order on the map (and everyone else's screen) stays as it is.
 */
export function bySupport(cards: readonly CardSnapshot[]): CardSnapshot[] {
  return cards
    .map((card, i) => ({ card, i, s: supportOf(card) }))
    .sort((a, b) => b.s[0] - a.s[0] || b.s[1] - a.s[1] || a.i - b.i)
    .map((x) => x.card);
}
