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
  return { lang: 'nl', title: 'Test', date: '2026-03-12', partners: FIXTURE_PARTNERS, map: makeMap(specs), mapName: 'joint', ...extra };
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
    // Cards of one column never overlap and stay above the footer.
    const frame = page.columns;
    for (const col of frame) {
      const cards = page.cards.filter((c) => c.column === col.column).sort((a, b) => a.y - b.y);
      for (let i = 1; i < cards.length; i++) expect(cards[i].y).toBeGreaterThanOrEqual(cards[i - 1].y + cards[i - 1].h);
      for (const c of cards) {
        expect(c.x).toBeGreaterThanOrEqual(col.x);
        expect(c.x + c.w).toBeLessThanOrEqual(col.x + col.w + EPS);
      }
    }
  }
}

describe('layoutMap', () => {
  it('puts the columns right to left: step 1 (values) rightmost, step 5 (steps) leftmost', () => {
    const layout = layoutMap(fixtureInput(30), measure);
    for (const page of layout.pages) {
      const x = Object.fromEntries(page.columns.map((c) => [c.column, c.x])) as Record<ColumnId, number>;
      expect(x.values).toBeGreaterThan(x.relations);
      expect(x.relations).toBeGreaterThan(x.actions);
      expect(x.actions).toBeGreaterThan(x.conditions);
      expect(x.conditions).toBeGreaterThan(x.steps);
      for (const card of page.cards) expect(card.x).toBeGreaterThanOrEqual(x[card.column]);
    }
    expect(texts(layout.pages[0].shapes).some((t) => t.includes('stap 1 staat rechts'))).toBe(true);
  });

  it('keeps every card exactly once across the pages of a 150-card map', () => {
    const inp = fixtureInput(150);
    const layout = layoutMap(inp, measure);
    const firsts = layout.pages.flatMap((p) => p.cards.filter((c) => c.part === 0).map((c) => c.cardId));
    const all = COLUMNS.flatMap((c) => inp.map.columns[c.id].map((card) => card.id));
    expect(firsts.sort()).toEqual([...all].sort());
    expect(layout.pages.length).toBeGreaterThanOrEqual(2);
    // Each card's text appears once: its distinctive word is in exactly one card box.
    for (const col of COLUMNS) {
      for (const card of inp.map.columns[col.id]) {
        const token = card.plainText.split(' ')[0];
        const boxes = layout.pages.flatMap((p) => p.cards.filter((b) => texts(b.shapes).some((t) => t.includes(token))));
        expect(boxes.map((b) => b.cardId)).toEqual([card.id]);
      }
    }
  });

  it('shrinks the text before it adds pages, and never below the minimum', () => {
    const text = 'Wij delen kennis in een vast overleg, elke maand, met een verslag voor wie er niet bij was.';
    let previous = Infinity;
    let shrunkOnOnePage = false;
    let paginated = false;
    for (let n = 1; n <= 60; n += 3) {
      const layout = layoutMap(input(Array.from({ length: n }, (_, i) => ({ id: `c${i}`, column: 'values', text }))), measure);
      expect(layout.fontSize).toBeLessThanOrEqual(previous);
      expect(layout.fontSize).toBeGreaterThanOrEqual(FONT.cardMin);
      previous = layout.fontSize;
      if (layout.pages.length === 1 && layout.fontSize < FONT.cardMax) shrunkOnOnePage = true;
      if (layout.pages.length > 1) {
        paginated = true;
        expect(layout.fontSize).toBe(FONT.cardMin);
      }
    }
    expect(shrunkOnOnePage).toBe(true);
    expect(paginated).toBe(true);
    // A handful of cards keeps the largest size.
    expect(layoutMap(input([{ id: 'a', column: 'values', text }]), measure).fontSize).toBe(FONT.cardMax);
  });

  it('repeats the header and all column heads on every page, marking continued columns', () => {
    const layout = layoutMap(fixtureInput(150), measure);
    expect(layout.pages.length).toBeGreaterThanOrEqual(2);
    for (const page of layout.pages) {
      const t = texts(page.shapes);
      for (const col of COLUMNS) {
        expect(t).toContain(col.label.nl);
        expect(t).toContain(`Stap ${col.step}`);
      }
      expect(t).toContain('Samen sterk voor mantelzorgers in Zuidërwijk');
      expect(t.some((s) => s.startsWith(`Blad ${page.number} van ${layout.pages.length}`))).toBe(true);
      if (page.number > 1) {
        expect(page.columns.some((c) => c.continued)).toBe(true);
        expect(t.filter((s) => s === '(vervolg)').length).toBe(page.columns.filter((c) => c.continued).length);
      }
    }
    // Each column continues in its own place: a card never changes column position between pages.
    for (const page of layout.pages)
      for (const card of page.cards) expect(card.x).toBe(page.columns.find((c) => c.column === card.column)!.x + GEOMETRY.columnPad);
  });

  it('breaks very long words so they never overflow a card', () => {
    const word = 'Zorgverzekeringsmaatschappijenoverleg'.repeat(8) + 'ë';
    const url = 'https://example.org/' + 'a/'.repeat(120);
    const layout = layoutMap(input([{ id: 'long', column: 'relations', text: `Kort ${word} en ${url}` }]), measure);
    expectInsidePage(layout);
    const box = layout.pages[0].cards[0];
    const lines = texts(box.shapes);
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.join('').replace(/-/g, '')).toContain(word);
  });

  it('never places anything outside the page, also with long titles, names and huge cards', () => {
    const huge = Array.from({ length: 400 }, (_, i) => `zin ${i} over de samenwerking in de wijk.`).join(' ');
    const partners = Array.from({ length: 12 }, (_, i) => ({
      id: `p${i}` as never,
      name: `Partner met een heel erg lange naam nummer ${i} ${'x'.repeat(30)}`,
      color: '#1f5fa8',
    }));
    const specs: CardSpec[] = [
      { id: 'huge', column: 'conditions', text: huge, partner: 'p1', authorName: 'Iemand met een lange naam' },
      { id: 'step', column: 'steps', text: 'Een stap', who: 'x'.repeat(120), what: 'Iets doen', when: '' },
      ...Array.from({ length: 40 }, (_, i): CardSpec => ({ id: `v${i}`, column: 'values', text: `kaart ${i}`, partner: `p${i % 12}` })),
    ];
    const layout = layoutMap(
      input(specs, { title: 'Titel '.repeat(20), partners, mapName: 'p3', filledBy: 'Iemand van partner drie' }),
      measure,
    );
    expectInsidePage(layout);
    expect(layout.pages.length).toBeGreaterThan(1);
    expect(texts(layout.pages[0].shapes)).toContain('Ingevuld door: Iemand van partner drie');
  });

  it('splits a card taller than a whole column over pages without losing a line', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}`);
    const layout = layoutMap(input([{ id: 'big', column: 'values', text: words.join(' ') }, { id: 'after', column: 'values', text: 'daarna' }]), measure);
    const parts = layout.pages.flatMap((p) => p.cards.filter((c) => c.cardId === 'big'));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.part)).toEqual(parts.map((_, i) => i));
    const seen = parts.flatMap((p) => texts(p.shapes)).join(' ').split(/\s+/).filter((w) => /^w\d+$/.test(w));
    expect(seen).toEqual(words);
    expect(texts(parts[1].shapes)[0]).toBe('Vervolg van blad 1');
    expect(layout.pages.flatMap((p) => p.cards).filter((c) => c.cardId === 'after')).toHaveLength(1);
    expectInsidePage(layout);
  });

  it('lays out an empty map on one page and says so in every column; English labels in English', () => {
    const layout = layoutMap(input([], { lang: 'en' }), measure);
    expect(layout.pages).toHaveLength(1);
    const t = texts(layout.pages[0].shapes);
    expect(t.filter((s) => s === 'No cards yet.')).toHaveLength(5);
    for (const col of COLUMNS) expect(t).toContain(col.label.en);
    expectInsidePage(layout);
  });

  it('shows status, support, author, partner badges (origins on joint cards) and who/what/when', () => {
    const layout = layoutMap(
      input(
        [
          { id: 's', column: 'steps', text: 'Folder maken', status: 'agreed', who: 'Fatima', what: 'Folder', when: 'vóór 1 juni', supporters: 3, authorName: 'Joost', partner: 'zorg' },
          { id: 'p', column: 'values', text: 'Geparkeerd punt', status: 'parked', partner: 'gemeente' },
          { id: 'o', column: 'relations', text: 'Open punt', partner: 'welzijn' },
        ],
        { cardOrigins: { p: ['gemeente', 'bewoners'] } },
      ),
      measure,
    );
    const card = (id: string) => texts(layout.pages[0].cards.find((c) => c.cardId === id)!.shapes);
    expect(card('s')).toEqual(expect.arrayContaining(['✓ eens', 'steun: 3', 'Wie:', 'Fatima', 'Wat:', 'Folder', 'Wanneer:', 'vóór 1 juni', 'door Joost', 'Wijkzorg Noëlle']));
    expect(card('p')).toEqual(expect.arrayContaining(['‖ geparkeerd', 'Gemeente Zuidërwijk', 'Bewoners en mantelzorgers']));
    expect(card('o')).toEqual(expect.arrayContaining(['○ open', 'Stichting Welzijn & Coöperatie']));
    const dots = layout.pages[0].cards.find((c) => c.cardId === 'p')!.shapes.filter((s) => s.kind === 'circle');
    expect(dots.map((d) => (d.kind === 'circle' ? d.fill : ''))).toEqual(['#1f5fa8', '#7a3c8f']);
  });
});
