import * as Y from 'yjs';
import { getCards } from '../../shared/cardSchema.js';
import type { Accepted, LandingItem, ParentRef } from './updateValidation.js';

/**
 * What the guard's cheap path needs to know of an update before it is applied (docs/decisions/0029):
 * whether it does nothing but edit the rich text of cards, and of which cards. Read from the update's
 * own structs as the validation placed them (updateValidation.ts: every new item with the type it
 * lands in) and from its delete set, never by applying it.
 */
export interface TextEdit {
  card: Y.Map<unknown>;
  fragment: Y.XmlFragment;
  /** Length of every item the update puts inside this text: an upper bound on how much it can grow. */
  inserted: number;
}

/** Deleted runs (structs) looked at before the cheap path gives up: a long deletion takes the full guard. */
const MAX_DELETED_STRUCTS = 64;

type Found = { id: string; card: Y.Map<unknown>; fragment: Y.XmlFragment } | null;

/**
 * The cards whose text alone the update edits, by card id, or null when it touches anything else (a
 * card field, a card itself, another root, a text that is no longer its card's, a long deletion).
 * An update that changes nothing (a resend) gives an empty map.
 */
export function textOnlyEdits(doc: Y.Doc, accepted: Accepted): Map<string, TextEdit> | null {
  const cards = getCards(doc);
  const found = new Map<object, Found>();

  /** The card whose text the type `t` (a live one) is, or lies inside. */
  const liveText = (t: Y.AbstractType<unknown>): Found => {
    const cached = found.get(t);
    if (cached !== undefined) return cached;
    let result: Found = null;
    const item = t._item;
    const parent = item?.parent;
    if (item && parent instanceof Y.AbstractType) {
      if (t instanceof Y.XmlElement || t instanceof Y.XmlText) result = liveText(parent);
      else if (
        t instanceof Y.XmlFragment &&
        item.parentSub === 'text' &&
        parent instanceof Y.Map &&
        parent._item?.parent === cards &&
        typeof parent._item.parentSub === 'string'
      ) {
        const id = parent._item.parentSub;
        // Only the text the card holds now, of the card the id stands for now.
        if (cards.get(id) === parent && parent.get('text') === t) result = { id, card: parent, fragment: t };
      }
    }
    found.set(t, result);
    return result;
  };

  /** The card whose text a place lies inside. */
  const textOf = (ref: ParentRef): Found => {
    if (ref.kind === 'live') return liveText(ref.type);
    if (ref.kind === 'root') return null;
    // A node this update creates: inside a text when it is an element or text node landing inside one.
    const cached = found.get(ref.item);
    if (cached !== undefined) return cached;
    const landing: LandingItem | undefined = accepted.landingOf.get(ref.item);
    const content = ref.item.content;
    const node =
      content instanceof Y.ContentType && (content.type instanceof Y.XmlElement || content.type instanceof Y.XmlText);
    const result = landing && node && landing.parent ? textOf(landing.parent) : null;
    found.set(ref.item, result);
    return result;
  };

  const edits = new Map<string, TextEdit>();
  for (const l of accepted.landing) {
    const at = textOf(l.parent);
    if (!at) return null;
    const edit = edits.get(at.id) ?? { card: at.card, fragment: at.fragment, inserted: 0 };
    edit.inserted += l.item.length;
    edits.set(at.id, edit);
  }

  let structs = 0;
  for (const [client, ranges] of accepted.deletes) {
    const known = Y.getState(doc.store, client);
    for (const [clock, len] of ranges) {
      // Items this update itself adds are in `landing` (checked above) or become garbage at once.
      const end = Math.min(clock + len, known);
      let at = clock;
      while (at < end) {
        if (++structs > MAX_DELETED_STRUCTS) return null;
        const struct = Y.getItem(doc.store, Y.createID(client, at)) as Y.Item | Y.GC;
        at = struct.id.clock + struct.length;
        // Deleting what is already deleted changes nothing.
        if (struct.deleted) continue;
        const parent = (struct as Y.Item).parent;
        const inside = parent instanceof Y.AbstractType ? liveText(parent) : null;
        if (!inside) return null;
        if (!edits.has(inside.id)) edits.set(inside.id, { card: inside.card, fragment: inside.fragment, inserted: 0 });
      }
    }
  }
  return edits;
}
