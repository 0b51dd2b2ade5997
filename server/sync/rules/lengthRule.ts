import * as Y from 'yjs';
import { cardTextLength } from '../../../shared/cardLength.js';
import type { Notice } from '../../../shared/notices.js';

/**
 * [H4] A card's text stays within the workshop's limit. A change that makes a text longer than the
 * limit is reverted; a text that was already longer (written under a higher limit, or imported) may
 * still be edited as long as it does not grow.
 */

/** The text length of every card now, to compare with after a change. */
export function textLengths(cards: Y.Map<Y.Map<unknown>>): Map<string, number> {
  const lengths = new Map<string, number>();
  cards.forEach((card, id) => {
    const fragment = card instanceof Y.Map ? card.get('text') : null;
    if (fragment instanceof Y.XmlFragment) lengths.set(id, cardTextLength(fragment));
  });
  return lengths;
}

export function lengthNotice(
  cards: Y.Map<Y.Map<unknown>>,
  textWritten: Iterable<string>,
  before: ReadonlyMap<string, number>,
  max: number,
): Notice | null {
  for (const id of textWritten) {
    const card = cards.get(id);
    const fragment = card instanceof Y.Map ? card.get('text') : null;
    if (!(fragment instanceof Y.XmlFragment)) continue;
    const now = cardTextLength(fragment);
    if (now > max && now > (before.get(id) ?? 0)) return { code: 'text-too-long', max };
  }
  return null;
}
