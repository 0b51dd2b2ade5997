import type * as Y from 'yjs';
import { CARD_TEXT_MAX } from './card/fields.js';

/**
 * How long a card's text may be ([H4]). The limit of a workshop is the facilitator's setting
 * (workshopSettings.ts `cardTextMax`), else the server's `PKL_CARD_TEXT_MAX`, else 600. Counted the
 * same way by the editor's counter and by the server: the characters (UTF-16 units, as the editor
 * counts them) of every text node of the card's rich text, without the breaks between paragraphs.
 */
export const CARD_TEXT_LIMIT_DEFAULT = 600;
export const CARD_TEXT_LIMIT_MIN = 50;
/** The largest limit: the card table's bound on texts kept in history and origins. */
export const CARD_TEXT_LIMIT_MAX = CARD_TEXT_MAX;

/** The characters of a card's rich text. */
export function cardTextLength(node: Y.XmlFragment | Y.XmlElement): number {
  let n = 0;
  // Told apart by shape, not instanceof: a value import of yjs here would pull all of Yjs into the
  // first JavaScript of every page that reads a workshop setting (the start and join pages too).
  for (const child of node.toArray()) {
    if ('toArray' in child) n += cardTextLength(child as Y.XmlElement);
    else if ('insert' in child) n += (child as Y.XmlText).length;
  }
  return n;
}

/** A limit as given (setting or configuration), or null when it is not a whole number in range. */
export function validCardTextLimit(value: unknown): number | null {
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= CARD_TEXT_LIMIT_MIN &&
    value <= CARD_TEXT_LIMIT_MAX
    ? value
    : null;
}

/** The counter in the editor shows from this many characters before the limit (and always past it). */
export function showCounterFrom(limit: number): number {
  return Math.floor(limit * 0.8);
}
