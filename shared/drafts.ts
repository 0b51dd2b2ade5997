import * as Y from 'yjs';
import { getCards, readCardColumn, type CardYMap } from './cardSchema.js';
import { placedInColumn } from './ops.js';
import { keyBetween } from './fractionalIndex.js';
import type { Origin } from './origins.js';
import { JOINT_MAP, type DocName } from './protocol.js';

/**
 * Private writing (rule: write alone first, then reveal). While the session is in the private phase a
 * participant's new cards go to their own `drafts:<participantId>` document, which no other participant
 * can open, with the field `map` naming the map they are meant for. On reveal the server moves every
 * draft into its map at once (`revealDrafts`), keeping id, author and text.
 */
export const DRAFT_TARGET_KEY = 'map';

export function draftTarget(card: CardYMap): DocName {
  const target = card.get(DRAFT_TARGET_KEY);
  return typeof target === 'string' && target.startsWith('map:') ? (target as DocName) : JOINT_MAP;
}

/**
 * Move every card of `drafts` into the map document `mapFor(target)` returns (cards whose map is not
 * available stay in the drafts). Each map gets one transaction, the drafts another; both with `origin`.
 * Returns how many cards moved.
 */
export function revealDrafts(drafts: Y.Doc, mapFor: (target: DocName) => Y.Doc | null, origin: Origin): number {
  const byTarget = new Map<DocName, [string, CardYMap][]>();
  getCards(drafts).forEach((card, id) => {
    if (!(card instanceof Y.Map) || !readCardColumn(card)) return;
    const target = draftTarget(card);
    byTarget.set(target, [...(byTarget.get(target) ?? []), [id, card]]);
  });
  const moved: string[] = [];
  for (const [target, cards] of byTarget) {
    const map = mapFor(target);
    if (!map) continue;
    // In writing order, so the revealed cards keep the order they were written in.
    cards.sort(([, a], [, b]) => Number(a.get('createdAt') ?? 0) - Number(b.get('createdAt') ?? 0));
    map.transact(() => {
      for (const [id, card] of cards) {
        if (getCards(map).has(id)) continue;
        const column = readCardColumn(card)!;
        const placed = placedInColumn(map, column);
        const copy = card.clone();
        copy.delete(DRAFT_TARGET_KEY);
        copy.set('order', keyBetween(placed[placed.length - 1]?.order || null, null));
        getCards(map).set(id, copy);
        moved.push(id);
      }
    }, origin);
  }
  if (moved.length) drafts.transact(() => moved.forEach((id) => getCards(drafts).delete(id)), origin);
  return moved.length;
}
