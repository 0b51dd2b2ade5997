import { hyphenateText, SOFT_HYPHEN } from '../text/hyphenation.js';
import type { Measure } from './layoutTypes.js';

/** Tabs, non-breaking and other odd spaces become plain spaces; control characters go. */
export function cleanLine(text: string): string {
  return text
    .replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b\u00ad]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Character offsets (in `Array.from(word)`) where the Dutch patterns allow a break ([U20]). */
function syllableBreaks(word: string): Set<number> {
  const breaks = new Set<number>();
  let at = 0;
  for (const ch of hyphenateText(word)) {
    if (ch === SOFT_HYPHEN) breaks.add(at);
    else at++;
  }
  return breaks;
}

/**
 * Break a word that is wider than the line into pieces that fit, each but the last ending in a
 * hyphen, so a long compound or a pasted URL never runs out of its card. A piece ends at the last
 * Dutch syllable break that fits when there is one (once the patterns are loaded, see
 * text/hyphenation.ts), otherwise after as many characters as fit. The first piece may have less
 * room (`firstWidth`) when the line starts with a label or bullet.
 */
export function breakWord(
  word: string,
  width: number,
  size: number,
  bold: boolean,
  measure: Measure,
  firstWidth = width,
): string[] {
  const chars = Array.from(word);
  const syllables = syllableBreaks(word);
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    const room = pieces.length === 0 ? firstWidth : width;
    const rest = chars.slice(start).join('');
    if (measure(rest, size, bold) <= room) {
      pieces.push(rest);
      break;
    }
    // Largest n with chars[start..start+n] + '-' fitting; always at least one character so we advance.
    let lo = 1;
    let hi = chars.length - start - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (measure(`${chars.slice(start, start + mid).join('')}-`, size, bold) <= room) lo = mid;
      else hi = mid - 1;
    }
    // Step back to a syllable break if one lies in the latter half of what fits (further back would
    // leave most of the line empty; then a break anywhere is the lesser evil).
    for (let n = lo; n >= Math.ceil(lo / 2); n--) {
      if (syllables.has(start + n)) {
        lo = n;
        break;
      }
    }
    const piece = chars.slice(start, start + lo).join('');
    pieces.push(piece.endsWith('-') ? piece : `${piece}-`);
    start += lo;
  }
  return pieces;
}

/**
 * Greedy word wrap of one paragraph. `firstWidth` lets a caller keep room for a label or a bullet
 * on the first line only. Returns at least one line (possibly empty).
 */
export function wrapText(
  text: string,
  width: number,
  size: number,
  bold: boolean,
  measure: Measure,
  firstWidth: number = width,
): string[] {
  const words = cleanLine(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  const room = () => (lines.length === 0 ? firstWidth : width);
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, size, bold) <= room()) {
      line = candidate;
      continue;
    }
    if (line) {
      lines.push(line);
      line = '';
    }
    if (measure(word, size, bold) <= room()) {
      line = word;
      continue;
    }
    const pieces = breakWord(word, width, size, bold, measure, room());
    line = pieces.pop() ?? '';
    lines.push(...pieces);
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
