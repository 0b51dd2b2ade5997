import * as Y from 'yjs';
import type { ColumnId } from './columns.js';
import { getCard, getCards, getCardText, readCardColumn, type CardStatus, type CardYMap } from './cardSchema.js';
import { canAgree } from './agreement.js';
import { CARD_FIELD_NAMES, CARD_FIELDS, type CardFieldName } from './card/fields.js';
import { readCardField } from './card/read.js';
import { keyBetween } from './fractionalIndex.js';
import { newCardId, type CardId, type ParticipantId, type PartnerId } from './ids.js';
import type { Origin } from './origins.js';
import { writePlainText } from './richText.js';

/**
 * The operations on a map document. Client and server both write through these, each with its own
 * origin, so the card layout lives in one place. Every op is one Yjs transaction.
 */

export interface CreateCardInput {
  id?: CardId;
  column: ColumnId;
  author: ParticipantId | '';
  authorName: string;
  partner: PartnerId | '';
  text?: string;
  /** Position in the column after creation; default: at the end. */
  index?: number;
  status?: CardStatus;
  createdAt?: number;
  /** "Build on this": the card this one extends. */
  buildsOn?: CardId;
  /** Set when the card is written for someone else (rule 3, one-laptop mode): the typist. */
  writtenBy?: ParticipantId;
  writtenByName?: string;
  /** Only for cards in a drafts document: the map the card is meant for (see drafts.ts). */
  draftFor?: string;
}

interface Placed {
  id: CardId;
  order: string;
}

/** The cards of one column in display order (order key, ties by id), optionally leaving one out. */
export function placedInColumn(doc: Y.Doc, column: ColumnId, exclude?: CardId): Placed[] {
  const placed: Placed[] = [];
  getCards(doc).forEach((card, id) => {
    if (id === exclude || !(card instanceof Y.Map)) return;
    if (readCardColumn(card) !== column) return;
    placed.push({ id: id as CardId, order: readCardField(card, 'order') });
  });
  placed.sort(compareOrder);
  return placed;
}

export function compareOrder(a: Placed, b: Placed): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function orderKeyAt(placed: Placed[], index: number): string {
  const i = Math.max(0, Math.min(index, placed.length));
  return keyBetween(placed[i - 1]?.order || null, placed[i]?.order || null);
}

export function createCard(doc: Y.Doc, input: CreateCardInput, origin: Origin): CardId {
  const id = input.id ?? newCardId();
  doc.transact(() => {
    const placed = placedInColumn(doc, input.column);
    const card: CardYMap = new Y.Map();
    const text = new Y.XmlFragment();
    // What the caller gives; every other create-time field gets its default from the card table.
    const given: Partial<Record<CardFieldName, unknown>> = {
      id,
      column: input.column,
      order: orderKeyAt(placed, input.index ?? placed.length),
      author: input.author,
      authorName: input.authorName,
      partner: input.partner,
      createdAt: input.createdAt ?? Date.now(),
      status: input.status,
      text,
      buildsOn: input.buildsOn || undefined,
      map: input.draftFor,
      writtenBy: input.writtenBy,
      writtenByName: input.writtenBy ? (input.writtenByName ?? '') : undefined,
    };
    for (const name of CARD_FIELD_NAMES) {
      const value = given[name] ?? (CARD_FIELDS[name].onCreate ? CARD_FIELDS[name].default : undefined);
      if (value === undefined) {
        if (CARD_FIELDS[name].onCreate) throw new Error(`createCard: ${name} is required`);
        continue;
      }
      card.set(name, value);
    }
    getCards(doc).set(id, card);
    if (input.text) writePlainText(text, input.text);
  }, origin);
  return id;
}

export interface CardPatch {
  status?: CardStatus;
}

/** Returns false when the card is gone, or when it may not be agreed yet (see missingForAgreement). */
export function updateCard(doc: Y.Doc, id: CardId, patch: CardPatch, origin: Origin): boolean {
  const card = getCard(doc, id);
  if (!card) return false;
  if (patch.status === 'agreed') {
    const column = readCardColumn(card);
    const [who, what, when] = (['who', 'what', 'when'] as const).map((k) => readCardField(card, k));
    if (!column || !canAgree({ column, who, what, when })) return false;
  }
  doc.transact(() => {
    if (patch.status !== undefined && card.get('status') !== patch.status) card.set('status', patch.status);
  }, origin);
  return true;
}

export function setCardPlainText(doc: Y.Doc, id: CardId, text: string, origin: Origin): boolean {
  const card = getCard(doc, id);
  const fragment = card && getCardText(card);
  if (!fragment) return false;
  doc.transact(() => writePlainText(fragment, text), origin);
  return true;
}

/**
 * Move a card to `index` in `column` (the index counts the column without the moved card).
 * Only `column` and `order` are written: concurrent moves of one card resolve to one place.
 */
export function moveCard(doc: Y.Doc, id: CardId, column: ColumnId, index: number, origin: Origin): boolean {
  const card = getCard(doc, id);
  if (!card) return false;
  doc.transact(() => {
    const placed = placedInColumn(doc, column, id);
    if (card.get('column') !== column) card.set('column', column);
    card.set('order', orderKeyAt(placed, index));
  }, origin);
  return true;
}

/** Where a card stands now: its column and index, or null when it is gone. */
export function locateCard(doc: Y.Doc, id: CardId): { column: ColumnId; index: number } | null {
  const card = getCard(doc, id);
  const column = card && readCardColumn(card);
  if (!column) return null;
  return { column, index: placedInColumn(doc, column).findIndex((p) => p.id === id) };
}

export function deleteCard(doc: Y.Doc, id: CardId, origin: Origin): boolean {
  if (!getCard(doc, id)) return false;
  doc.transact(() => getCards(doc).delete(id), origin);
  return true;
}
