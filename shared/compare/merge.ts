import * as Y from 'yjs';
import { CARD_TEXT_MAX, type CardOrigin, type CardStatus, type GroupTag } from '../card/fields.js';
import { getCards } from '../cardSchema.js';
import type { ColumnId } from '../columns.js';
import type { CardId, PartnerId } from '../ids.js';
import { createCard } from '../ops.js';
import type { Origin } from '../origins.js';

/**
 * Building the joint map from partner maps. A joint card keeps where it came from: `origins` is a
 * Y.Array of {map, cardId, partner, text} — the partner map, the card there, its partner and its text
 * at the moment it was taken. Nothing is removed from the partner maps. A group tagged as tension
 * becomes an open point (status parked) instead of disappearing.
 */
export type { CardOrigin, GroupTag } from '../card/fields.js';

export interface TakeInput {
  column: ColumnId;
  /** The text of the joint card: one source's text, or a new wording that joins several. */
  text: string;
  origins: CardOrigin[];
  author: string;
  authorName: string;
  tag?: GroupTag;
}

export function takeIntoJoint(joint: Y.Doc, input: TakeInput, origin: Origin): CardId {
  const status: CardStatus = input.tag === 'tension' ? 'parked' : 'open';
  const partners = [...new Set(input.origins.map((o) => o.partner))];
  let id = '' as CardId;
  joint.transact(() => {
    id = createCard(
      joint,
      {
        column: input.column,
        text: input.text,
        author: input.author as never,
        authorName: input.authorName,
        // A card from one partner keeps that partner; a card that joins several belongs to all of them (see origins).
        partner: (partners.length === 1 ? partners[0] : '') as PartnerId | '',
        status,
      },
      origin,
    );
    const card = getCards(joint).get(id)!;
    const origins = new Y.Array<CardOrigin>();
    // Each origin keeps its text within the table's limit ([M12]).
    origins.push(input.origins.map((o) => ({ map: o.map, cardId: o.cardId, partner: o.partner, text: o.text.slice(0, CARD_TEXT_MAX) })));
    card.set('origins', origins);
    if (input.tag) card.set('tag', input.tag);
  }, origin);
  return id;
}

/** Which partner-map cards already have a place on the joint map (card id → joint card ids). */
export function takenFrom(joint: Y.Doc): Map<string, string[]> {
  const out = new Map<string, string[]>();
  getCards(joint).forEach((card, jointId) => {
    const origins = card instanceof Y.Map ? card.get('origins') : null;
    if (!(origins instanceof Y.Array)) return;
    for (const o of origins.toArray() as CardOrigin[]) out.set(o.cardId, [...(out.get(o.cardId) ?? []), jointId]);
  });
  return out;
}
