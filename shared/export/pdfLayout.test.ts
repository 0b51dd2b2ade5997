import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS, type ColumnId } from '../columns.js';
import type { ExportInput } from './exportInput.js';
import { fixtureInput, makeMap, FIXTURE_PARTNERS, type CardSpec } from './testing/fixtureMap.js';
import { shapeBounds, type MapLayout, type Measure, type Shape } from './layoutTypes.js';
import { readExportFonts } from '../../server/export/fonts.js';
import { createPdfMeasure } from './pdf.js';
import { layoutMap } from './pdfLayout.js';
import { FONT, GEOMETRY } from './pdfStyle.js';

let measure: Measure;
beforeAll(async () => {
  measure = createPdfMeasure(await readExportFonts());
});

function input(specs: CardSpec[], extra: Partial<ExportInput> = {}): ExportInput {
  return {
    lang: 'nl',
    title: 'Test',
    date: '2026-03-12',
    partners: FIXTURE_PARTNERS,
    map: makeMap(specs),
    mapName: 'joint',
    ...extra,
  };
}

const texts = (shapes: Shape[]) => shapes.flatMap((s) => (s.kind === 'text' ? [s.text] : []));
const EPS = 0.01;

function expectInsidePage(layout: MapLayout) {
  for (const page of layout.pages) {
    for (const s of [...page.shapes, ...page.cards.flatMap((c) => c.shapes)]) {
      const b = shapeBounds(s);
      expect(b.x0, JSON.stringify(s)).toBeGreaterThanOrEqual(GEOMETRY.margin - 2);
      expect(b.y0, JSON.stringify(s)).toBeGreaterThanOrEqual(GEOMETRY.margin - 2);
      expect(b.x1, JSON.stringify(s)).toBeLessThanOrEqual(layout.width - GEOMETRY.margin + 2);
      expect(b.y1, JSON.stringify(s)).toBeLessThanOrEqual(layout.height - GEOMETRY.margin + 2);
    }
    for (const card of page.cards) {
      // Everything of a card stays inside the card, text inside its padding.
      for (const s of card.shapes.slice(1)) {
        const b = shapeBounds(s);
        expect(b.x0).toBeGreaterThanOrEqual(card.x + GEOMETRY.cardPad - EPS);
        expect(b.x1, JSON.stringify(s)).toBeLessThanOrEqual(card.x + card.w - GEOMETRY.cardPad + EPS);
        expect(b.y0).toBeGreaterThanOrEqual(card.y);
        expect(b.y1).toBeLessThanOrEqual(card.y + card.h + EPS);
      }
    }
    // Cards of one sub-column never overlap; every card stays inside its column.
    const frame = page.columns;
    for (const col of frame) {
      const inColumn = page.cards.filter((c) => c.column === col.column);
      for (const x of new Set(inColumn.map((c) => c.x))) {
        const cards = inColumn.filter((c) => c.x === x).sort((a, b) => a.y - b.y);
        for (let i = 1; i < cards.length; i++)
          expect(cards[i].y).toBeGreaterThanOrEqual(cards[i - 1].y + cards[i - 1].h);
      }
      const cards = inColumn;
      for (const c of cards) {
        expect(c.x).toBeGreaterThanOrEqual(col.x);
        expect(c.x + c.w).toBeLessThanOrEqual(col.x + col.w + EPS);
      }
    }
  }
}

const ORDER = (inp: ExportInput, id: string) => {
  for (const c of COLUMNS) {
    const i = inp.map.columns[c.id].findIndex((card) => card.id === id);
    if (i >= 0) return i;
  }
  return -1;
};

/** Every card exactly once (first parts), each column's cards in their order through slots and pages. */
function expectEveryCardOnceInOrder(inp: ExportInput, layout: MapLayout) {
  const firsts = layout.pages.flatMap((p) => p.cards.filter((c) => c.part === 0).map((c) => c.cardId));
  const all = COLUMNS.flatMap((c) => inp.map.columns[c.id].map((card) => card.id));
  expect([...firsts].sort()).toEqual([...all].sort());
  for (const col of COLUMNS) {
    // Reading order: page, then sub-column (left to right), then top to bottom.
    const seen = layout.pages.flatMap((p) =>
      p.cards
        .filter((c) => c.column === col.id && c.part === 0)
        .sort((a, b) => a.x - b.x || a.y - b.y)
        .map((c) => ORDER(inp, c.cardId)),
    );
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  }
}

const textSizes = (layout: MapLayout) =>
  layout.pages
    .flatMap((p) => [...p.shapes, ...p.cards.flatMap((c) => c.shapes)])
    .flatMap((s) => (s.kind === 'text' && s.text.trim() ? [s.size] : []));

describe('[E1] one A3 sheet for a real map', () => {
  const cases: [number, 'ordinary' | 'awkward', number][] = [
    [0, 'ordinary', 1],
    [7, 'ordinary', 1],
    [30, 'ordinary', 1],
    [65, 'ordinary', 1],
    [120, 'ordinary', 1],
    [250, 'ordinary', 3],
  ];
  it.each(cases)(
    '[E1] %i %s cards: at most %i sheet(s), no text below 6.5 pt, every card once and in order',
    (n, profile, maxPages) => {
      const inp = fixtureInput(n, 7, profile);
      const layout = layoutMap(inp, measure);
      expect(layout.pages.length).toBeLessThanOrEqual(maxPages);
      expect(Math.min(...textSizes(layout))).toBeGreaterThanOrEqual(FONT.cardMin);
      expect(layout.minTextSize).toBeGreaterThanOrEqual(6.5);
      expectEveryCardOnceInOrder(inp, layout);
      expectInsidePage(layout);
      console.log(
        `[export] layout ${n} ${profile}: ${layout.pages.length} sheet(s), cards at ${layout.fontSize} pt, smallest text ${layout.minTextSize} pt`,
      );
    },
  );

  it('[E1] a small map keeps a large size; the text shrinks before a second sheet is added', () => {
    expect(layoutMap(fixtureInput(7, 7, 'ordinary'), measure).fontSize).toBe(FONT.cardMax);
    const sizes = [30, 65, 120].map((n) => layoutMap(fixtureInput(n, 7, 'ordinary'), measure).fontSize);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const big = layoutMap(fixtureInput(250, 7, 'ordinary'), measure);
    expect(big.pages.length).toBeGreaterThan(1);
    expect(big.fontSize).toBe(FONT.cardMin);
  });

  it('[E1] a second sheet continues every column where it stopped, never one column per sheet', () => {
    const inp = fixtureInput(250, 7, 'ordinary');
    const layout = layoutMap(inp, measure);
    expect(layout.pages.length).toBeGreaterThanOrEqual(2);
    const columnsOn = (p: number) => new Set(layout.pages[p].cards.map((c) => c.column));
    expect(columnsOn(0).size).toBe(5);
    expect(columnsOn(1).size).toBeGreaterThanOrEqual(4);
    for (const page of layout.pages) {
      const t = texts(page.shapes);
      for (const col of COLUMNS) expect(t.some((s) => s.startsWith(col.label.nl))).toBe(true);
      expect(t.some((s) => s.startsWith(`Blad ${page.number} van ${layout.pages.length}`))).toBe(true);
      if (page.number > 1) {
        for (const c of page.columns) expect(c.continued).toBe(page.cards.some((card) => card.column === c.column));
        expect(t.filter((s) => s.endsWith('(vervolg)')).length).toBe(page.columns.filter((c) => c.continued).length);
      }
    }
  });

  it('[E1] columns get width in proportion to their cards, and a full column flows into sub-columns', () => {
    const specs: CardSpec[] = [
      ...Array.from(
        { length: 40 },
        (_, i): CardSpec => ({
          id: `v${i}`,
          column: 'values',
          text: `Waarde ${i}: mantelzorgers voelen zich gesteund, ook in het weekend`,
        }),
      ),
      { id: 'r', column: 'relations', text: 'Eén relatie' },
    ];
    const layout = layoutMap(input(specs), measure);
    expect(layout.pages).toHaveLength(1);
    const col = (id: ColumnId) => layout.pages[0].columns.find((c) => c.column === id)!;
    expect(col('values').w).toBeGreaterThan(2 * col('relations').w);
    expect(col('values').subColumns).toBeGreaterThan(1);
    expect(col('relations').w).toBeGreaterThanOrEqual(GEOMETRY.minColumnWidth);
    const xs = new Set(layout.pages[0].cards.filter((c) => c.column === 'values').map((c) => c.x));
    expect(xs.size).toBe(col('values').subColumns);
    expectInsidePage(layout);
  });

  it('[E1] long Dutch compounds hyphenate only when they must; ordinary words are never broken', () => {
    const text =
      'De ketensamenwerkingsovereenkomst en het huurachterstandenbegeleidingstraject vragen om samenwerking tussen vrijwilligers';
    const layout = layoutMap(
      input(
        Array.from(
          { length: 30 },
          (_, i): CardSpec => ({
            id: `c${i}`,
            column: (['values', 'relations', 'actions', 'conditions', 'steps'] as const)[i % 5],
            text,
          }),
        ),
      ),
      measure,
    );
    expectInsidePage(layout);
    for (const card of layout.pages.flatMap((p) => p.cards)) {
      const lines = texts(card.shapes).filter((l) => l !== '○');
      const joined = lines.join(' ').replace(/- /g, '');
      expect(joined).toContain('ketensamenwerkingsovereenkomst');
      expect(joined).toContain('huurachterstandenbegeleidingstraject');
      // Words of up to 14 letters stay whole.
      for (const word of ['samenwerking', 'vrijwilligers', 'tussen'])
        expect(lines.some((l) => l.split(' ').includes(word) || l.endsWith(word) || l.startsWith(word))).toBe(true);
    }
  });

  it('[E1] a 600-character card stays whole in its card on the one sheet', () => {
    const long = Array.from({ length: 150 }, (_, i) => `zin${i}`)
      .join(' ')
      .slice(0, 600);
    expect(long.length).toBe(600);
    const layout = layoutMap(
      input([
        { id: 'long', column: 'conditions', text: long },
        ...Array.from({ length: 20 }, (_, i): CardSpec => ({ id: `v${i}`, column: 'values', text: `kaart ${i}` })),
      ]),
      measure,
    );
    expect(layout.pages).toHaveLength(1);
    const parts = layout.pages[0].cards.filter((c) => c.cardId === 'long');
    expect(parts).toHaveLength(1);
    expect(texts(parts[0].shapes).join(' ').replace(/- ?/g, '').replace(/\s+/g, '')).toContain(
      long.replace(/\s+/g, ''),
    );
    expectInsidePage(layout);
  });

  it('[E1] a card taller than a whole sub-column is split between lines without losing a word', () => {
    const words = Array.from({ length: 2500 }, (_, i) => `w${i}`);
    const layout = layoutMap(
      input([
        { id: 'big', column: 'values', text: words.join(' ') },
        { id: 'after', column: 'values', text: 'daarna' },
      ]),
      measure,
    );
    const parts = layout.pages.flatMap((p) => p.cards.filter((c) => c.cardId === 'big'));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.part)).toEqual(parts.map((_, i) => i));
    const seen = parts
      .flatMap((p) => texts(p.shapes))
      .join(' ')
      .split(/\s+/)
      .filter((w) => /^w\d+$/.test(w));
    expect(seen).toEqual(words);
    expect(texts(parts[1].shapes)[0]).toBe('(vervolg)');
    expect(layout.pages.flatMap((p) => p.cards).filter((c) => c.cardId === 'after')).toHaveLength(1);
    expectInsidePage(layout);
  });

  it('[E1] never places anything outside the page, also with long titles and partner names', () => {
    const partners = Array.from({ length: 12 }, (_, i) => ({
      id: `p${i}` as never,
      name: `Partner met een heel erg lange naam nummer ${i} ${'x'.repeat(30)}`,
      color: '#1f5fa8',
    }));
    const specs: CardSpec[] = [
      { id: 'step', column: 'steps', text: 'Een stap', who: 'x'.repeat(120), what: 'Iets doen', when: '' },
      ...Array.from(
        { length: 40 },
        (_, i): CardSpec => ({ id: `v${i}`, column: 'values', text: `kaart ${i}`, partner: `p${i % 12}` }),
      ),
    ];
    const layout = layoutMap(
      input(specs, { title: 'Titel '.repeat(20), partners, mapName: 'p3', filledBy: 'Iemand van partner drie' }),
      measure,
    );
    expectInsidePage(layout);
  });
});

describe('[E2] like the paper invulkaart', () => {
  it('[E2] puts the columns right to left with step numbers and the prompts under each heading', () => {
    const layout = layoutMap(fixtureInput(30, 7, 'ordinary'), measure);
    const page = layout.pages[0];
    const x = Object.fromEntries(page.columns.map((c) => [c.column, c.x])) as Record<ColumnId, number>;
    expect(x.values).toBeGreaterThan(x.relations);
    expect(x.relations).toBeGreaterThan(x.actions);
    expect(x.actions).toBeGreaterThan(x.conditions);
    expect(x.conditions).toBeGreaterThan(x.steps);
    const shapes = page.shapes.filter((s) => s.kind === 'text');
    for (const col of COLUMNS) {
      const heading = shapes
        .filter((s) => s.kind === 'text' && s.tag?.role === 'heading' && s.tag.column === col.id)
        .map((s) => (s.kind === 'text' ? s.text : ''));
      expect(heading).toEqual([String(col.step), col.label.nl]);
      for (const [i, prompt] of col.prompts.entries()) {
        const lines = shapes.filter(
          (s) => s.kind === 'text' && s.tag?.role === 'prompt' && s.tag.column === col.id && s.tag.index === i,
        );
        expect(lines.map((s) => (s.kind === 'text' ? s.text : '')).join(' ')).toBe(prompt.nl);
        // Under its own heading, inside its column.
        for (const s of lines)
          expect(
            s.kind === 'text' &&
              s.x >= x[col.id] &&
              s.x + s.w <= x[col.id] + page.columns.find((c) => c.column === col.id)!.w,
          ).toBe(true);
      }
    }
  });

  it('[E2] prints the banner, the legend of statuses and dots, the title and the date', () => {
    const layout = layoutMap(fixtureInput(30, 7, 'ordinary'), measure);
    const t = texts(layout.pages[0].shapes);
    const banner = layout.pages[0].shapes
      .filter((s) => s.kind === 'text' && s.tag?.role === 'banner')
      .sort((a, b) => (a.kind === 'text' && b.kind === 'text' ? a.x - b.x : 0));
    expect(banner.map((s) => (s.kind === 'text' ? s.text : '')).join(' ')).toBe(
      'acties + voorwaarden + samenwerking = succes',
    );
    expect(t.find((s) => s.startsWith('Status van een kaart:'))).toBe(
      'Status van een kaart: ✓ eens   ○ nog open   ‖ geparkeerd   · gekleurde stip: van welke partner de kaart komt',
    );
    expect(t).toContain('Samen sterk voor mantelzorgers in Zuidërwijk');
    expect(t).toContain('12 maart 2026');
    expect(t).toContain('Gezamenlijke kaart');
  });

  it('[E3] says "versie ingevuld door" on a partner map, in English too', () => {
    const nl = texts(layoutMap(input([], { mapName: 'zorg', filledBy: 'Team Noëlle' }), measure).pages[0].shapes);
    expect(nl).toContain('Kaart van Wijkzorg Noëlle');
    expect(nl).toContain('versie ingevuld door Team Noëlle');
    const en = layoutMap(input([], { lang: 'en', mapName: 'zorg' }), measure);
    const t = texts(en.pages[0].shapes);
    expect(t).toContain('version filled in by Wijkzorg Noëlle');
    expect(t.filter((s) => s === 'No cards yet.')).toHaveLength(5);
    for (const col of COLUMNS) expect(t).toContain(col.label.en);
    expect(texts(layoutMap(input([]), measure).pages[0].shapes).some((s) => s.startsWith('versie ingevuld'))).toBe(
      false,
    );
  });

  it('[E2] marks the status before the text and shows the partner maps a merged card came from', () => {
    const layout = layoutMap(
      input(
        [
          {
            id: 's',
            column: 'steps',
            text: 'Folder maken',
            status: 'agreed',
            who: 'Fatima',
            what: 'Folder',
            when: 'vóór 1 juni',
            partner: 'zorg',
          },
          { id: 'p', column: 'values', text: 'Geparkeerd punt', status: 'parked', partner: 'gemeente' },
          { id: 'o', column: 'relations', text: 'Open punt', partner: 'welzijn' },
        ],
        { cardOrigins: { p: ['gemeente', 'bewoners'] } },
      ),
      measure,
    );
    const card = (id: string) => texts(layout.pages[0].cards.find((c) => c.cardId === id)!.shapes);
    expect(card('s')).toEqual(['✓', 'Folder maken', 'Wie:', 'Fatima', 'Wat:', 'Folder', 'Wanneer:', 'vóór 1 juni']);
    expect(card('p')).toEqual(['‖', 'Geparkeerd punt', 'Gemeente Zuidërwijk', 'Bewoners en mantelzorgers']);
    expect(card('o')).toEqual(['○', 'Open punt']);
    const dots = layout.pages[0].cards.find((c) => c.cardId === 'p')!.shapes.filter((s) => s.kind === 'circle');
    expect(dots.map((d) => (d.kind === 'circle' ? d.fill : ''))).toEqual(['#1f5fa8', '#7a3c8f']);
  });
});
