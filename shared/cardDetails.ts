import * as Y from 'yjs';
import type { CardYMap } from './cardSchema.js';
import { getCard } from './cardSchema.js';
import { ARGUMENT_MAX, CARD_TEXT_MAX, HISTORY_MAX, STEP_FIELD_MAX, type Agreement, type ArgumentSide, type CardArgument, type HistoryEntry, type Supporter } from './card/fields.js';
import type { CardId, ParticipantId, PartnerId } from './ids.js';
import { randomId } from './ids.js';
import type { Origin } from './origins.js';

/**
 * The dialogue layer of a card (issue: guided session); the fields, their types and limits are rows of
 * the card table (card/fields.ts). Nested types are created lazily in the transaction that first needs
 * them; readers treat a missing one as empty.
 *   supporters: Y.Map<participantId, Supporter>          support (+1); withdrawing deletes the key
 *   arguments:  Y.Map<argumentId, Argument>              short arguments for and against
 *   agreedBy:   Y.Map<partnerId, Agreement>              agreement recorded per partner
 *   history:    Y.Array<HistoryEntry>                    earlier texts, appended when an edit ends
 *   buildsOn:   CardId | ''                              "build on this": the card it extends
 *   who, what, when: string                              required for a step (Acties) before agreement
 *   writtenBy, writtenByName: the typist when a card is written for someone else
 */
export interface Person {
  id: ParticipantId | '';
  name: string;
  partner: PartnerId | '';
}

export {
  AGREEMENTS_MAX,
  ARGUMENT_MAX,
  HISTORY_MAX,
  STEP_FIELD_MAX,
  type Agreement,
  type ArgumentSide,
  type CardArgument,
  type HistoryEntry,
  type Supporter,
} from './card/fields.js';

function nestedMap(card: CardYMap, key: string): Y.Map<unknown> {
  let m = card.get(key);
  if (!(m instanceof Y.Map)) {
    m = new Y.Map();
    card.set(key, m);
  }
  return m as Y.Map<unknown>;
}

function nestedArray(card: CardYMap, key: string): Y.Array<unknown> {
  let a = card.get(key);
  if (!(a instanceof Y.Array)) {
    a = new Y.Array();
    card.set(key, a);
  }
  return a as Y.Array<unknown>;
}

function withCard(doc: Y.Doc, id: CardId, origin: Origin, fn: (card: CardYMap) => void): boolean {
  const card = getCard(doc, id);
  if (!card) return false;
  doc.transact(() => fn(card), origin);
  return true;
}

export function setSupport(doc: Y.Doc, id: CardId, who: Person, support: boolean, origin: Origin): boolean {
  return withCard(doc, id, origin, (card) => {
    const m = nestedMap(card, 'supporters');
    if (support) m.set(who.id, { name: who.name, partner: who.partner, at: Date.now() } satisfies Supporter);
    else m.delete(who.id);
  });
}

export function addArgument(doc: Y.Doc, id: CardId, side: ArgumentSide, text: string, who: Person, origin: Origin): string | null {
  const clean = text.trim().slice(0, ARGUMENT_MAX);
  if (!clean) return null;
  const argId = randomId(10);
  const ok = withCard(doc, id, origin, (card) => {
    nestedMap(card, 'arguments').set(argId, {
      id: argId,
      side,
      text: clean,
      author: who.id,
      authorName: who.name,
      partner: who.partner,
      at: Date.now(),
    } satisfies CardArgument);
  });
  return ok ? argId : null;
}

export function removeArgument(doc: Y.Doc, id: CardId, argumentId: string, origin: Origin): boolean {
  return withCard(doc, id, origin, (card) => nestedMap(card, 'arguments').delete(argumentId));
}

export function setPartnerAgreement(doc: Y.Doc, id: CardId, partner: string, who: Person | null, origin: Origin): boolean {
  return withCard(doc, id, origin, (card) => {
    const m = nestedMap(card, 'agreedBy');
    if (who) m.set(partner, { by: who.id, name: who.name, at: Date.now() } satisfies Agreement);
    else m.delete(partner);
  });
}

export interface StepFields {
  who?: string;
  what?: string;
  when?: string;
}

export function setStepFields(doc: Y.Doc, id: CardId, fields: StepFields, origin: Origin): boolean {
  return withCard(doc, id, origin, (card) => {
    for (const key of ['who', 'what', 'when'] as const) {
      const v = fields[key];
      if (v !== undefined && card.get(key) !== v) card.set(key, v.slice(0, STEP_FIELD_MAX));
    }
  });
}

export function setBuildsOn(doc: Y.Doc, id: CardId, target: CardId | '', origin: Origin): boolean {
  return withCard(doc, id, origin, (card) => card.set('buildsOn', target));
}

/** Keep an earlier text when an edit ends; the oldest entries go when the list passes HISTORY_MAX. */
export function appendHistory(doc: Y.Doc, id: CardId, entry: HistoryEntry, origin: Origin): boolean {
  return withCard(doc, id, origin, (card) => {
    const a = nestedArray(card, 'history');
    const last = a.get(a.length - 1) as HistoryEntry | undefined;
    // Kept within the table's limit, so the server accepts the entry ([M12]).
    const kept: HistoryEntry = { text: entry.text.slice(0, CARD_TEXT_MAX), by: entry.by, name: entry.name, at: entry.at };
    if (last?.text === kept.text) return;
    a.push([kept]);
    if (a.length > HISTORY_MAX) a.delete(0, a.length - HISTORY_MAX);
  });
}
