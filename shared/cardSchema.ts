import * as Y from 'yjs';
import type { ColumnId } from './columns.js';
import type { CardId } from './ids.js';
import { readCardField } from './card/read.js';

/**
 * The Yjs layout of one map document:
 *   doc.getMap('cards'): Y.Map<CardId, Y.Map<field, value>>
 * The fields of a card, with their storage, defaults and limits, are the card table in
 * card/fields.ts. `text` is a Y.XmlFragment created in the same transaction as the card, so no peer
 * ever sees a card without its text type. A move writes `column` and `order`; it never deletes and
 * re-inserts, so concurrent moves cannot duplicate a card.
 */
export const CARDS_KEY = 'cards';

export { CARD_STATUSES, isCardStatus, type CardStatus } from './card/fields.js';

export type CardYMap = Y.Map<unknown>;

export function getCards(doc: Y.Doc): Y.Map<CardYMap> {
  return doc.getMap<CardYMap>(CARDS_KEY);
}

export function getCard(doc: Y.Doc, id: CardId): CardYMap | undefined {
  const card = getCards(doc).get(id);
  return card instanceof Y.Map ? card : undefined;
}

export function getCardText(card: CardYMap): Y.XmlFragment | undefined {
  return readCardField(card, 'text');
}

/** The card's column as stored; a card with a corrupt column is treated as absent by readers. */
export function readCardColumn(card: CardYMap): ColumnId | null {
  return readCardField(card, 'column') ?? null;
}
