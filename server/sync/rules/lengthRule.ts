import * as Y from 'yjs';
import { cardTextLength } from '../../../shared/cardLength.js';
import type { Notice } from '../../../shared/notices.js';

/**
 * [H4] A card's text stays within the workshop's limit. A change that makes a text longer than the
 * limit is reverted; a text that was already longer (written under a higher limit, or imported) may
 * still be edited as long as it does not grow.
 */

/**
 * The text length of every card of a document, kept up to date after each transaction, with the
 * length each changed text had before it. Measuring every card before every update cost 0.44 ms at
 * 700 cards (most of the server's time under the kill -9 test's load); this measures only the texts a
 * transaction changed, once.
 */
export class TextLengths {
  private readonly now = new WeakMap<Y.XmlFragment, number>();
  private readonly before = new WeakMap<Y.XmlFragment, number>();

  constructor(doc: Y.Doc, cards: Y.Map<Y.Map<unknown>>) {
    cards.forEach((card) => {
      const fragment = card instanceof Y.Map ? card.get('text') : null;
      if (fragment instanceof Y.XmlFragment) this.now.set(fragment, cardTextLength(fragment));
    });
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      const changed = new Set<Y.XmlFragment>();
      for (const type of tr.changedParentTypes.keys()) {
        const fragment = fragmentOf(type);
        if (fragment) changed.add(fragment);
      }
      for (const fragment of changed) {
        this.before.set(fragment, this.now.get(fragment) ?? 0);
        this.now.set(fragment, cardTextLength(fragment));
      }
    });
  }

  /**
   * The length now, and before the last transaction that changed it. A text not seen yet was made
   * after the tracker started (a new card, or a text replaced): it had no length before. (Yjs reports
   * no changes inside types created in the same transaction, so the handler above never sees them.)
   */
  of(fragment: Y.XmlFragment): { now: number; before: number } {
    let now = this.now.get(fragment);
    if (now === undefined) {
      now = cardTextLength(fragment);
      this.now.set(fragment, now);
      this.before.set(fragment, 0);
    }
    return { now, before: this.before.get(fragment) ?? now };
  }
}

/** The card text (XmlFragment) a changed type belongs to, if any. */
// biome-ignore lint/suspicious/noExplicitAny: Yjs types its event parameter as any here
function fragmentOf(type: Y.AbstractType<any>): Y.XmlFragment | null {
  // biome-ignore lint/suspicious/noExplicitAny: as above
  let t: Y.AbstractType<any> | null = type;
  while (t) {
    if (t instanceof Y.XmlFragment && !(t instanceof Y.XmlElement)) return t;
    const parent: unknown = t._item?.parent;
    t = parent instanceof Y.AbstractType ? parent : null;
  }
  return null;
}

const trackers = new WeakMap<Y.Doc, TextLengths>();

/** The document's tracker, made (and measured once) on first use: before the change it judges. */
export function textLengthsOf(doc: Y.Doc, cards: Y.Map<Y.Map<unknown>>): TextLengths {
  let t = trackers.get(doc);
  if (!t) trackers.set(doc, (t = new TextLengths(doc, cards)));
  return t;
}

export function lengthNotice(
  cards: Y.Map<Y.Map<unknown>>,
  textWritten: Iterable<string>,
  lengths: TextLengths,
  max: number,
): Notice | null {
  for (const id of textWritten) {
    const card = cards.get(id);
    const fragment = card instanceof Y.Map ? card.get('text') : null;
    if (!(fragment instanceof Y.XmlFragment)) continue;
    const { now, before } = lengths.of(fragment);
    if (now > max && now > before) return { code: 'text-too-long', max };
  }
  return null;
}
