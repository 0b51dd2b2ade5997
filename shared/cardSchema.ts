import * as Y from 'yjs';
import type { ColumnId } from './columns.js';
import { isColumnId } from './columns.js';
import type { CardId, ParticipantId, PartnerId } from './ids.js';

/**
 * The Yjs layout of one map document:
 *   doc.getMap('cards'): Y.Map<CardId, Y.Map<CardField>>
 * Each card map holds the fields below; `text` is a Y.XmlFragment created in the same transaction
 * as the card, so no peer ever sees a card without its text type.
 * A move writes `column` and `order`; it never deletes and re-inserts, so concurrent moves
 * cannot duplicate a card.
 */
export const CARDS_KEY = 'cards';

export const CARD_STATUSES = ['open', 'agreed', 'parked'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export function isCardStatus(value: unknown): value is CardStatus {
  return typeof value === 'string' && (CARD_STATUSES as readonly string[]).includes(value);
}

export interface CardFields {
  id: CardId;
  column: ColumnId;
  order: string;
  author: ParticipantId | '';
  authorName: string;
  partner: PartnerId | '';
  createdAt: number;
  status: CardStatus;
}

export type CardYMap = Y.Map<unknown>;

export function getCards(doc: Y.Doc): Y.Map<CardYMap> {
  return doc.getMap<CardYMap>(CARDS_KEY);
}

export function getCard(doc: Y.Doc, id: CardId): CardYMap | undefined {
  const card = getCards(doc).get(id);
  return card instanceof Y.Map ? card : undefined;
}

export function getCardText(card: CardYMap): Y.XmlFragment | undefined {
  const text = card.get('text');
  return text instanceof Y.XmlFragment ? text : undefined;
}

/** The card's column as stored; a card with a corrupt column is treated as absent by readers. */
export function readCardColumn(card: CardYMap): ColumnId | null {
  const column = card.get('column');
  return isColumnId(column) ? column : null;
}
