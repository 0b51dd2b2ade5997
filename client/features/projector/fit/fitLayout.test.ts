import { describe, expect, it } from 'vitest';
import {
  CARD_FOCUS_MAX_EM,
  fitCard,
  fitLayout,
  fontFloor,
  lineWidth,
  wrapLines,
  type FitColumn,
  type FitInput,
} from './fitLayout.js';
import { createMeasurer } from './measure.js';

// jsdom has no canvas: the measurer falls back to an average glyph width, which is enough to test
// the decisions (the browser spec, e2e/projectorLayout.spec.ts, checks the real glyphs).
const m = createMeasurer(400, 'sans-serif');
const bold = createMeasurer(700, 'sans-serif');

const TEXTS = [
  'Vertrouwen',
  'Iedereen doet mee',
  'Mantelzorgers weten bij wie ze terecht kunnen',
  'Het huurachterstandenbegeleidingstraject start binnen twee weken',
  'Schuldhulpverleningsorganisaties en woningcorporaties werken samen',
  'We delen wat we weten, ook als het ongemakkelijk is',
];
const LONG = 'Wij willen dat ouderen in de wijk langer thuis kunnen blijven wonen met hulp van buren en vrijwilligers. '
  .repeat(6)
  .slice(0, 600);
const IDS = ['values', 'relations', 'actions', 'conditions', 'steps'];

/** `n` cards, 60 % in the active column, card 10 the 600-character one; steps cards with who/what/when. */
function columns(n: number, activeShare = 0.6): FitColumn[] {
  const counts = [Math.round(n * activeShare), 0, 0, 0, 0];
  for (let i = 0; i < n - counts[0]; i++) counts[1 + (i % 4)]++;
  return IDS.map((id, c) => ({
    id,
    step: bold.paragraphs(`Stap ${c + 1}`),
    title: bold.paragraphs(['Waarden', 'Relaties', 'Handelen', 'Condities', 'Acties'][c]),
    question: c === 0 ? bold.paragraphs('Wanneer is onze samenwerking geslaagd? Welk succes willen we samen?') : [],
    prompts: [],
    cards: Array.from({ length: counts[c] }, (_, i) => ({
      id: `${id}-${i}`,
      text: m.paragraphs(c === 0 && i === 9 ? LONG : TEXTS[(i + c) % TEXTS.length]),
      www:
        id === 'steps'
          ? [m.paragraphs('Wie Gemeente Arnhem en wijkteam Noord')[0], m.paragraphs('Wanneer voor 1 maart')[0]]
          : [],
    })),
  }));
}

/** The board under the projector's header at a window size (the header takes about 100 px). */
const board = (w: number, h: number, cols: FitColumn[], active = ['values']): FitInput => ({
  width: w - 24,
  height: h - 100,
  viewportHeight: h,
  columns: cols,
  active,
  space: m.space,
});

describe('fitLayout', () => {
  it('[U4] font floors: 14 px at 720 px high, 18 px from 1080 px', () => {
    expect(fontFloor(720)).toBe(14);
    expect(fontFloor(900)).toBe(16);
    expect(fontFloor(1080)).toBe(18);
    expect(fontFloor(1440)).toBe(18);
  });

  for (const [w, h] of [
    [1280, 720],
    [1920, 1080],
  ]) {
    for (const n of [0, 7, 30, 65, 120]) {
      it(`[U4] ${n} cards at ${w}×${h}: every active card shown, text above the floor, the active column widest`, () => {
        const input = board(w, h, columns(n));
        const fit = fitLayout(input);
        expect(fit.fits).toBe(true);
        expect(fit.font).toBeGreaterThanOrEqual(fontFloor(h));
        const active = fit.columns.find((c) => c.id === 'values')!;
        expect(active.active).toBe(true);
        expect(active.cards.every((c) => c.visible)).toBe(true);
        expect(active.cards).toHaveLength(Math.round(n * 0.6));
        const widths = fit.columns.reduce((s, c) => s + c.width, 0) + fit.gap * 4;
        expect(widths).toBeLessThanOrEqual(input.width);
        for (const other of fit.columns.filter((c) => !c.active)) {
          expect(active.width).toBeGreaterThan(other.width);
          expect(other.density).toBe('line');
          expect(other.font).toBeGreaterThanOrEqual(12);
          expect(other.cards.filter((c) => c.visible).length + other.hidden).toBe(other.cards.length);
        }
      });
    }
  }

  it('[U4] few cards: full cards in large type; many: denser, more sub-columns, never below the floor', () => {
    const few = fitLayout(board(1920, 1080, columns(7))).columns[0];
    expect(few.density).toBe('full');
    expect(few.font).toBeGreaterThan(18);
    const many = fitLayout(board(1280, 720, columns(120, 1))).columns[0];
    expect(many.cards).toHaveLength(120);
    expect(many.density).not.toBe('full');
    expect(many.subColumns).toBeGreaterThan(1);
    expect(many.font).toBeGreaterThanOrEqual(14);
  });

  it('[U4] all columns active (nobody guides), 120 cards at 1280×720: all shown at the floor or above', () => {
    const fit = fitLayout(board(1280, 720, columns(120, 0.2), []));
    expect(fit.fits).toBe(true);
    expect(fit.columns.every((c) => c.active && c.cards.every((x) => x.visible))).toBe(true);
    expect(fit.font).toBeGreaterThanOrEqual(14);
  });

  it('[U6] the 600-character card is shortened on the map; short cards are not', () => {
    const fit = fitLayout(board(1920, 1080, columns(30)));
    const values = fit.columns[0];
    expect(values.cards.find((c) => c.id === 'values-9')).toMatchObject({ shortened: true });
    expect(values.cards.find((c) => c.id === 'values-0')).toMatchObject({ shortened: false });
  });

  it('[U5] long Dutch compounds: wrapped between words, the compound on a line of its own, broken only when wider than a line', () => {
    const text = m.paragraphs('Het huurachterstandenbegeleidingstraject start');
    const compound = text[0][1];
    // Wide enough: three lines, the compound alone on the second.
    expect(wrapLines(text, m.space, compound * 1.1)).toBe(3);
    // Narrower than the compound: only the compound breaks (into two pieces): Het / huurachter- / -standen… / start.
    expect(wrapLines(text, m.space, compound * 0.6)).toBe(4);
    // A sub-column of a full or compact card holds a 14-letter word on one line.
    const fit = fitLayout(board(1280, 720, columns(65, 1)));
    const col = fit.columns[0];
    if (col.density !== 'line') {
      const innerEm = (col.width - 4) / col.font - 0.8;
      const subEm = (innerEm - (col.subColumns - 1) * 0.5) / col.subColumns;
      expect(subEm - 1.2).toBeGreaterThan(lineWidth(m.paragraphs('samenwerkingen'), m.space));
    }
  });

  it('[U6] a card in focus is shown whole, as large as fits, and not wider than is easy to read', () => {
    const long = fitCard({
      width: 1256,
      height: 560,
      viewportHeight: 720,
      blocks: [{ paras: m.paragraphs(LONG), scale: 1 }],
      space: m.space,
    });
    expect(long.fits).toBe(true);
    expect(long.font).toBeGreaterThanOrEqual(14);
    expect(long.width).toBeLessThanOrEqual(CARD_FOCUS_MAX_EM * long.font);
    const short = fitCard({
      width: 1880,
      height: 900,
      viewportHeight: 1080,
      blocks: [{ paras: m.paragraphs('Vertrouwen'), scale: 1 }],
      space: m.space,
    });
    expect(short.font).toBeGreaterThan(long.font);
    expect(short.font).toBeLessThanOrEqual(18 * 3);
  });

  it('[U4] an empty map fits in the largest type; a board too small for its cards says it does not fit', () => {
    const empty = fitLayout(board(1280, 720, columns(0)));
    expect(empty.fits).toBe(true);
    expect(empty.font).toBe(Math.round(14 * 1.6));
    const tiny = fitLayout({ ...board(1280, 720, columns(120, 1)), width: 300, height: 120 });
    expect(tiny.fits).toBe(false);
    expect(tiny.columns[0].cards.every((c) => c.visible)).toBe(true);
  });
});

describe('measure', () => {
  it('[U4] measures a text once: the same text gives the same result object, a changed card a new one', () => {
    const measurer = createMeasurer(400, 'sans-serif');
    const a = measurer.paragraphs('Iedereen doet mee');
    expect(measurer.paragraphs('Iedereen doet mee')).toBe(a);
    const b = measurer.paragraphs('Iedereen doet mee!');
    expect(b).not.toBe(a);
    expect(a).toHaveLength(1);
    expect(a[0]).toHaveLength(3);
    expect(measurer.paragraphs('twee\nregels')).toHaveLength(2);
  });
});
