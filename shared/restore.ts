import * as Y from 'yjs';
import { getCards, type CardYMap } from './cardSchema.js';
import type { Origin } from './origins.js';

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) {
    return (
      a instanceof Y.AbstractType &&
      b instanceof Y.AbstractType &&
      JSON.stringify(a.toJSON()) === JSON.stringify(b.toJSON())
    );
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function cloneValue(value: unknown): unknown {
  return value instanceof Y.AbstractType ? (value as Y.AbstractType<unknown> & { clone(): unknown }).clone() : value;
}

/** Make `card` equal to `source` field by field; only fields that differ are written. */
function restoreCard(card: CardYMap, source: CardYMap): void {
  for (const key of [...card.keys()]) if (!source.has(key)) card.delete(key);
  source.forEach((value, key) => {
    const current = card.get(key);
    if (sameValue(current, value)) return;
    if (key === 'text' && current instanceof Y.XmlFragment && value instanceof Y.XmlFragment) {
      // Keep the fragment itself (an open editor stays bound to it); replace its content.
      current.delete(0, current.length);
      current.insert(
        0,
        value.toArray().map((node) => (node as Y.XmlElement).clone()),
      );
      return;
    }
    card.set(key, cloneValue(value));
  });
}

/**
 * Make the cards of `doc` equal to those of `version` (another Y.Doc holding a saved state) as one
 * new change with `origin`: cards that are not in the version are deleted, missing ones are added
 * back, changed ones are set back field by field. Nothing is rewritten in history, so the restore is
 * itself a change that can be undone by restoring the state saved just before it.
 * Returns the number of cards touched.
 */
export function restoreCards(doc: Y.Doc, version: Y.Doc, origin: Origin): number {
  const cards = getCards(doc);
  const wanted = getCards(version);
  let touched = 0;
  doc.transact(() => {
    for (const id of [...cards.keys()]) {
      if (!wanted.has(id)) {
        cards.delete(id);
        touched++;
      }
    }
    wanted.forEach((source, id) => {
      if (!(source instanceof Y.Map)) return;
      const current = cards.get(id);
      if (!(current instanceof Y.Map)) {
        cards.set(id, source.clone() as CardYMap);
        touched++;
      } else if (!sameValue(current, source)) {
        restoreCard(current, source);
        touched++;
      }
    });
  }, origin);
  return touched;
}
