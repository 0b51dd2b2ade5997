import { beforeAll, describe, expect, it } from 'vitest';
import {
  breakPoints,
  hyphenateText,
  hyphenationLoaded,
  loadHyphenation,
  MAX_WHOLE_WORD,
  SOFT_HYPHEN,
  stripSoftHyphens,
} from './hyphenation.js';

/** Show soft hyphens as "|" so the expectations read like a dictionary. */
const shown = (text: string) => text.replaceAll(SOFT_HYPHEN, '|');

describe('[U20] Dutch soft hyphens for long words, render only', () => {
  it('[U20] leaves text as it is before the patterns are loaded', () => {
    // This runs first in its file: the module's patterns are not in yet.
    expect(hyphenationLoaded()).toBe(false);
    expect(hyphenateText('samenwerkingsovereenkomst')).toBe('samenwerkingsovereenkomst');
    expect(breakPoints('samenwerkingsovereenkomst')).toEqual([]);
  });

  describe('with the patterns', () => {
    beforeAll(() => loadHyphenation());

    it('[U20] breaks Dutch compounds at syllables, the parts of the compound among them', () => {
      expect(shown(hyphenateText('samenwerkingsovereenkomst'))).toBe('sa|men|wer|kings|over|een|komst');
      expect(shown(hyphenateText('ervaringsdeskundigheid'))).toBe('er|va|rings|des|kun|dig|heid');
      expect(shown(hyphenateText('woningcorporatiemedewerkers'))).toBe('wo|ning|cor|po|ra|tie|me|de|wer|kers');
      // Capitals keep their place.
      expect(shown(hyphenateText('Gemeenteraadsverkiezingen'))).toBe('Ge|meen|te|raads|ver|kie|zin|gen');
    });

    it('[U20] keeps words of up to 14 letters whole', () => {
      const words = 'De buurtbewoners en het jongerenwerk van Arnhem werken samen met de wijkverpleging';
      expect(words.split(' ').every((w) => w.length <= MAX_WHOLE_WORD)).toBe(true);
      expect(hyphenateText(words)).toBe(words);
      expect(breakPoints('verantwoordelijk')).not.toEqual([]); // 16 letters: a candidate
      expect(breakPoints('verantwoording')).toEqual([]); // 14 letters
    });

    it('[U20] leaves spaces, punctuation and short words around a long word exactly as they were', () => {
      const text = '  "Samenwerkingsovereenkomst", getekend!\n(ervaringsdeskundigheid)';
      const out = hyphenateText(text);
      expect(stripSoftHyphens(out)).toBe(text);
      expect(shown(out)).toBe('  "Sa|men|wer|kings|over|een|komst", getekend!\n(er|va|rings|des|kun|dig|heid)');
    });

    it('[U20] never puts a break next to the start or end of a word', () => {
      for (const word of ['mantelzorgondersteuning', 'ouderenadviseursfunctie', 'kwartiermakersfunctie']) {
        const points = breakPoints(word);
        expect(points.length).toBeGreaterThan(0);
        expect(Math.min(...points)).toBeGreaterThanOrEqual(2);
        expect(Math.max(...points)).toBeLessThanOrEqual(word.length - 3);
      }
    });

    it('[U20] treats the parts of a hyphenated compound as words of their own', () => {
      expect(shown(hyphenateText('Arnhem-samenwerkingsovereenkomst'))).toBe('Arnhem-sa|men|wer|kings|over|een|komst');
      expect(hyphenateText('Arnhem-Noord-Oost')).toBe('Arnhem-Noord-Oost');
    });

    it('[U20] leaves links, e-mail addresses, numbers and codes alone', () => {
      for (const token of [
        'https://www.samenwerkingsovereenkomst.nl/aanmelden',
        'www.samenwerkingsovereenkomst.nl',
        'samenwerkingsovereenkomst@arnhem.nl',
        'samenwerkingsovereenkomst2026',
        'samenwerkingsovereenkomst_v2',
        '1234567890123456789',
      ])
        expect(hyphenateText(`zie ${token} graag`)).toBe(`zie ${token} graag`);
    });

    it('[U20] does not add to soft hyphens someone typed, and strips them all for copying', () => {
      const typed = `samenwerkings${SOFT_HYPHEN}overeenkomst`;
      expect(hyphenateText(typed)).toBe(typed);
      expect(stripSoftHyphens(hyphenateText('de samenwerkingsovereenkomst'))).toBe('de samenwerkingsovereenkomst');
    });

    it('[U20] a text shown again gets the same breaks, also after thousands of other texts, long ones among them, came and went', () => {
      const text = 'de samenwerkingsovereenkomst';
      expect(shown(hyphenateText(text))).toBe('de sa|men|wer|kings|over|een|komst');
      const long = 'ervaringsdeskundigheid '.repeat(430);
      for (let i = 0; i < 6000; i++) {
        const other = i % 25 === 0 ? `${long}${i}` : `woningcorporatiemedewerkers ${i}`;
        expect(shown(hyphenateText(other)).startsWith(i % 25 === 0 ? 'er|va|rings' : 'wo|ning|cor')).toBe(true);
        if (i % 1000 === 0) expect(shown(hyphenateText(text))).toBe('de sa|men|wer|kings|over|een|komst');
      }
      expect(shown(hyphenateText(text))).toBe('de sa|men|wer|kings|over|een|komst');
      expect(stripSoftHyphens(hyphenateText(long))).toBe(long);
    });
  });
});
