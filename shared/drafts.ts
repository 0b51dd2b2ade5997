import * as Y from 'yjs';
import { getCards, readCardColumn, type CardYMap } from './cardSchema.js';
import { placedInColumn } from './ops.js';
import { keyBetween } from './fractionalIndex.js';
import type { Origin } from './origins.js';
import { checkCard } from './card/validate.js';
import { readCardField } from './card/read.js';
import { formatDocName, JOINT_MAP_DOC, parseDocName, type MapDocName } from './docName.js';
import type { ColumnId } from './columns.js';

/**
 * What the server knows about the author of a drafts document (T7): the drafts are theirs alone, so
 * every revealed card is put under their name, as open, and only where they may write themselves.
 */
export interface RevealPolicy {
  author: { id: string; name: string; partner: string };
  mayPlace(target: MapDocName, column: ColumnId): boolean;
}

/** Claims a draft cannot make: nobody has seen it yet, so nobody supported or agreed to it. */
const UNSEEN_FIELDS = ['supporters', 'agreedBy'] as const;

/**
 * Private writing (rule: write alone first, then reveal). While the session is in the private phase a
 * participant's new cards go to their own `drafts:<participantId>` document, which no other participant
 * can open, with the field `map` naming the map they are meant for. On reveal the server moves every
 * draft into its map at once (`revealDrafts`), keeping id, author and text.
 */
export const DRAFT_TARGET_KEY = 'map';

/** The map a draft is meant for (the joint map when it names none, or nothing readable). */
export function draftTarget(card: CardYMap): MapDocName {
  const target = parseDocName(readCardField(card, DRAFT_TARGET_KEY));
  return target?.kind === 'map' ? target : JOINT_MAP_DOC;
}

/**
 * Move every card of `drafts` into the map document `mapFor(target)` returns (cards whose map is not
 * available stay in the drafts). Each map gets one transaction, the drafts another; both with `origin`.
 * Returns how many cards moved.
 */
export function revealDrafts(
  drafts: Y.Doc,
  mapFor: (target: MapDocName) => Y.Doc | null,
  origin: Origin,
  policy?: RevealPolicy,
): number {
  const byTarget = new Map<string, [string, CardYMap][]>();
  getCards(drafts).forEach((card, id) => {
    // The drafts document is its author's alone and unchecked while they write: only a card that is
    // whole by the card table goes into a map ([M12]); anything else stays in the drafts.
    if (!(card instanceof Y.Map) || checkCard(id, card, 'drafts').length > 0) return;
    const target = formatDocName(draftTarget(card));
    byTarget.set(target, [...(byTarget.get(target) ?? []), [id, card]]);
  });
  const moved: string[] = [];
  for (const cards of byTarget.values()) {
    const map = mapFor(draftTarget(cards[0][1]));
    if (!map) continue;
    // In writing order, so the revealed cards keep the order they were written in.
    cards.sort(([, a], [, b]) => readCardField(a, 'createdAt') - readCardField(b, 'createdAt'));
    map.transact(() => {
      for (const [id, card] of cards) {
        if (getCards(map).has(id)) continue;
        const column = readCardColumn(card)!;
        if (policy && !policy.mayPlace(draftTarget(card), column)) continue;
        const placed = placedInColumn(map, column);
        const copy = card.clone();
        copy.delete(DRAFT_TARGET_KEY);
        if (policy) {
          copy.set('author', policy.author.id);
          copy.set('authorName', policy.author.name);
          copy.set('partner', policy.author.partner);
          copy.set('status', 'open');
          for (const key of UNSEEN_FIELDS) copy.delete(key);
        }
        copy.set('order', keyBetween(placed[placed.length - 1]?.order || null, null));
        getCards(map).set(id, copy);
        moved.push(id);
      }
    }, origin);
  }
  if (moved.length) drafts.transact(() => moved.forEach((id) => getCards(drafts).delete(id)), origin);
  return moved.length;
}
