import * as Y from 'yjs';
import { CARD_FIELDS, isCardFieldName, matchesValue, type CardDocKind, type CardFieldDef } from './fields.js';

/**
 * Checks of stored cards against the card table (fields.ts), for the server's content guard, the
 * reveal of drafts and backup import. A check looks at the state after a change, so it does not care
 * how the change was encoded; a pre-apply validator uses the table's `storage` directly.
 */
export interface CardProblem {
  /** The card's key in `cards`. */
  card: string;
  /** The field, or '' for the card entry itself. */
  field: string;
  reason: 'not-a-card' | 'unknown-field' | 'missing' | 'invalid' | 'not-in-this-document' | 'too-many';
}

const isPlain = (v: unknown) => !(v instanceof Y.AbstractType) && !(v instanceof Uint8Array) && !(v instanceof Y.Doc);

/** Check one field of a card as it stands now (`null`: fine). */
export function checkCardField(
  cardId: string,
  card: Y.Map<unknown>,
  key: string,
  doc: CardDocKind,
): CardProblem | null {
  const problem = (reason: CardProblem['reason']): CardProblem => ({ card: cardId, field: key, reason });
  if (!isCardFieldName(key)) return problem('unknown-field');
  const def = CARD_FIELDS[key] as CardFieldDef<unknown>;
  if (!card.has(key)) return def.onCreate ? problem('missing') : null;
  if (!def.docs.includes(doc)) return problem('not-in-this-document');
  const raw = card.get(key);
  const storage = def.storage;
  switch (storage.kind) {
    case 'value':
      if (!isPlain(raw) || !matchesValue(storage.value, raw)) return problem('invalid');
      if (key === 'id' && raw !== cardId) return problem('invalid');
      return null;
    case 'xmlFragment':
      return raw instanceof Y.XmlFragment && !(raw instanceof Y.XmlElement) ? null : problem('invalid');
    case 'map': {
      if (!(raw instanceof Y.Map)) return problem('invalid');
      if (raw.size > storage.maxEntries) return problem('too-many');
      for (const [k, v] of raw.entries()) {
        if (!matchesValue(storage.key, k) || !isPlain(v) || !matchesValue(storage.value, v)) return problem('invalid');
      }
      return null;
    }
    case 'array': {
      if (!(raw instanceof Y.Array)) return problem('invalid');
      if (raw.length > storage.maxLength) return problem('too-many');
      for (const v of raw.toArray()) if (!isPlain(v) || !matchesValue(storage.item, v)) return problem('invalid');
      return null;
    }
  }
}

/** Check a whole card entry: a Y.Map, every key in the table and valid, every create-time field present. */
export function checkCard(cardId: string, card: unknown, doc: CardDocKind): CardProblem[] {
  if (!(card instanceof Y.Map)) return [{ card: cardId, field: '', reason: 'not-a-card' }];
  const keys = new Set<string>([
    ...card.keys(),
    ...Object.keys(CARD_FIELDS).filter((k) => CARD_FIELDS[k as keyof typeof CARD_FIELDS].onCreate),
  ]);
  const problems: CardProblem[] = [];
  for (const key of keys) {
    const p = checkCardField(cardId, card, key, doc);
    if (p) problems.push(p);
  }
  return problems;
}

/** Every problem of every card in a `cards` root map. */
export function checkCards(cards: Y.Map<unknown>, doc: CardDocKind): CardProblem[] {
  const problems: CardProblem[] = [];
  cards.forEach((card, id) => problems.push(...checkCard(id, card, doc)));
  return problems;
}
