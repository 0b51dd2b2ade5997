import { beforeAll, describe, expect, it } from 'vitest';
import { loadHyphenation } from '../text/hyphenation.js';
import type { Measure } from './layoutTypes.js';
import { breakWord, cleanLine, wrapText } from './wrap.js';

/** Every character is half the font size wide: easy to reason about. */
const mono: Measure = (text, size) => Array.from(text).length * size * 0.5;

describe('wrapText', () => {
  it('wraps on spaces without exceeding the width', () => {
    const lines = wrapText('een twee drie vier vijf zes zeven', 50, 10, false, mono); // 10 characters a line
    expect(lines).toEqual(['een twee', 'drie vier', 'vijf zes', 'zeven']);
    for (const l of lines) expect(mono(l, 10, false)).toBeLessThanOrEqual(50);
  });

  it('breaks a word longer than a line into hyphenated pieces that fit', () => {
    const lines = wrapText('kort Arbeidsongeschiktheidsverzekering eind', 50, 10, false, mono);
    for (const l of lines) expect(mono(l, 10, false)).toBeLessThanOrEqual(50);
    expect(lines[0]).toBe('kort');
    expect(lines.join(' ').replace(/- ?/g, '')).toContain('Arbeidsongeschiktheidsverzekering');
    expect(lines.at(-1)).toMatch(/eind$/);
  });

  it('gives the first line less room when asked (label or bullet in front)', () => {
    expect(wrapText('aaaa bbbb cccc', 50, 10, false, mono, 20)).toEqual(['aaaa', 'bbbb cccc']);
    expect(breakWord('abcdefghijklmnop', 50, 10, false, mono, 20)).toEqual(['abc-', 'defghijkl-', 'mnop']);
  });

  it('keeps surrogate pairs whole and cleans odd spaces and control characters', () => {
    expect(breakWord('😀😀😀😀😀😀', 20, 10, false, mono).join('').replace(/-/g, '')).toBe('😀😀😀😀😀😀');
    expect(cleanLine('a\tb\u00a0\u00a0c\u0007 ')).toBe('a b c');
    expect(wrapText('', 50, 10, false, mono)).toEqual(['']);
  });
});

describe('wrapText with the Dutch patterns loaded', () => {
  beforeAll(() => loadHyphenation());

  it('[U20] breaks a long compound at a syllable, not anywhere', () => {
    // 12 characters a line: without the patterns this was "samenwerkin-", "gsovereenko-", "mst".
    const lines = wrapText('de samenwerkingsovereenkomst', 60, 10, false, mono);
    expect(lines).toEqual(['de', 'samenwer-', 'kingsover-', 'eenkomst']);
    for (const l of lines) expect(mono(l, 10, false)).toBeLessThanOrEqual(60);
  });

  it('[U20] falls back to a break anywhere when no syllable break fits in the line', () => {
    // Four letters and a hyphen a line: "kings" does not fit, so "king-" is cut where the room ends.
    expect(breakWord('samenwerkingsovereenkomst', 25, 10, false, mono)).toEqual([
      'sa-',
      'men-',
      'wer-',
      'king-',
      'sove-',
      'reen-',
      'komst',
    ]);
  });
});
