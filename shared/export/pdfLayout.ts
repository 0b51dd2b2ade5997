import { COLUMNS, type ColumnId } from '../columns.js';
import type { CardSnapshot } from '../readModel.js';
import type { ExportInput } from './exportInput.js';
import { A3_LANDSCAPE, moveShape, type CardBox, type LayoutPage, type MapLayout, type Measure } from './layoutTypes.js';
import { cardHeight, cardRows, drawCard, noteRow, rowsHeight, type CardContext, type Row } from './pdfCard.js';
import { buildFrame, type Frame } from './pdfFrame.js';
import { FONT, GEOMETRY } from './pdfStyle.js';
import { exportTexts } from './texts.js';
import { memoMeasure } from './wrap.js';

export type { CardBox, LayoutPage, MapLayout, Measure, Shape } from './layoutTypes.js';

export interface LayoutOptions {
  maxFontSize?: number;
  minFontSize?: number;
}

/** A card ready to place: its rows at the chosen size. */
interface Prepared {
  card: CardSnapshot;
  rows: Row[];
  h: number;
}

interface Placement {
  page: number; // 0-based
  y: number;
  part: number;
  parts: number;
  rows: Row[];
  card: CardSnapshot;
}

function contextFor(input: ExportInput, measure: Measure, size: number, frame: Frame): CardContext {
  const cardW = frame.columns.values.w - 2 * GEOMETRY.columnPad;
  return { input, t: exportTexts(input.lang), measure, size, width: cardW - 2 * GEOMETRY.cardPad };
}

function prepare(cards: readonly CardSnapshot[], ctx: CardContext): Prepared[] {
  return cards.map((card) => {
    const rows = cardRows(card, ctx);
    return { card, rows, h: cardHeight(rows) };
  });
}

function stackHeight(cards: readonly Prepared[]): number {
  return cards.reduce((sum, c) => sum + c.h, 0) + Math.max(0, cards.length - 1) * GEOMETRY.cardGap;
}

/**
 * Split a card taller than a whole column into parts, at row boundaries. Every part after the first
 * says where it came from, every part but the last where it goes on, so nothing reads as cut off.
 */
function splitCard(p: Prepared, startPage: number, startY: number, areaH: number, ctx: CardContext): Placement[] {
  const pad = 2 * GEOMETRY.cardPad;
  const parts: { rows: Row[]; page: number; y: number }[] = [];
  let page = startPage;
  let y = startY;
  let i = 0;
  while (i < p.rows.length) {
    // Page numbers in the notes are 1-based: `page` is the 0-based page of this part.
    const head = parts.length ? [noteRow(ctx.t.continuedFrom(page), ctx)] : [];
    const room = areaH - y - pad - rowsHeight(head);
    const rest = p.rows.slice(i);
    if (rowsHeight(rest) <= room) {
      parts.push({ rows: [...head, ...rest], page, y });
      break;
    }
    const tail = noteRow(ctx.t.continuesOn(page + 2), ctx);
    let h = tail.h;
    let n = 0;
    while (i + n < p.rows.length && (n === 0 || h + p.rows[i + n].h <= room)) h += p.rows[i + n++].h;
    parts.push({ rows: [...head, ...p.rows.slice(i, i + n), ...(i + n < p.rows.length ? [tail] : [])], page, y });
    i += n;
    page++;
    y = 0;
  }
  return parts.map((part, k) => ({ ...part, part: k, parts: parts.length, card: p.card }));
}

/** Place one column's cards from the top of the area, continuing on the next page when full. */
function paginateColumn(cards: readonly Prepared[], areaH: number, ctx: CardContext): Placement[] {
  const out: Placement[] = [];
  let page = 0;
  let y = 0;
  for (const p of cards) {
    if (p.h <= areaH) {
      if (y > 0 && y + p.h > areaH) {
        page++;
        y = 0;
      }
      out.push({ page, y, part: 0, parts: 1, rows: p.rows, card: p.card });
      y += p.h + GEOMETRY.cardGap;
      continue;
    }
    // Taller than a whole column: start it on a fresh page unless most of this one is still free.
    if (y > 0 && areaH - y < areaH * 0.4) {
      page++;
      y = 0;
    }
    const parts = splitCard(p, page, y, areaH, ctx);
    out.push(...parts);
    const last = parts[parts.length - 1];
    page = last.page;
    y = last.y + cardHeight(last.rows) + GEOMETRY.cardGap;
  }
  return out;
}

/** Trial sizes from large to the legible minimum, in fixed steps. */
function sizes(max: number, min: number): number[] {
  const out: number[] = [];
  for (let s = max; s > min + 1e-9; s -= FONT.shrinkStep) out.push(Math.round(s * 100) / 100);
  out.push(min);
  return out;
}

/**
 * Lay out a map on A3 landscape sheets. One font size for the whole map: the largest at which every
 * column fits on one sheet; if even the minimum does not fit, the map continues on more sheets,
 * each column in its own place, with header and column heads repeated.
 */
export function layoutMap(input: ExportInput, measureFn: Measure, options: LayoutOptions = {}): MapLayout {
  const measure = memoMeasure(measureFn);
  const t = exportTexts(input.lang);
  const frame = buildFrame(input, t, measure);
  const areaH = frame.areaBottom - frame.areaTop;
  const max = options.maxFontSize ?? FONT.cardMax;
  const min = options.minFontSize ?? FONT.cardMin;

  // Cards get shorter as the text gets smaller, so "fits on one sheet" flips once along the steps:
  // try the largest, then the smallest, then bisect, instead of laying out every step.
  const steps = sizes(max, min);
  const tried = new Map<number, { cols: Record<ColumnId, Prepared[]>; fits: boolean }>();
  const attempt = (i: number) => {
    let r = tried.get(i);
    if (!r) {
      const ctx = contextFor(input, measure, steps[i], frame);
      const cols = Object.fromEntries(COLUMNS.map((c) => [c.id, prepare(input.map.columns[c.id] ?? [], ctx)])) as Record<ColumnId, Prepared[]>;
      r = { cols, fits: COLUMNS.every((c) => stackHeight(cols[c.id]) <= areaH) };
      tried.set(i, r);
    }
    return r;
  };
  let chosen = 0;
  if (!attempt(0).fits) {
    let lo = 1; // candidates lo..hi; the last step is used when nothing fits
    let hi = steps.length - 1;
    if (!attempt(hi).fits) lo = hi;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (attempt(mid).fits) hi = mid;
      else lo = mid + 1;
    }
    chosen = lo;
  }
  const size = steps[chosen];
  const prepared = attempt(chosen).cols;
  const ctx = contextFor(input, measure, size, frame);
  const placements = Object.fromEntries(
    COLUMNS.map((c) => [c.id, paginateColumn(prepared[c.id], areaH, ctx)]),
  ) as Record<ColumnId, Placement[]>;
  const total = Math.max(1, ...COLUMNS.map((c) => placements[c.id].reduce((m, p) => Math.max(m, p.page + 1), 0)));

  const pages: LayoutPage[] = [];
  for (let page = 0; page < total; page++) {
    const continued = new Set<ColumnId>();
    const cards: CardBox[] = [];
    for (const c of COLUMNS) {
      const col = frame.columns[c.id];
      const x = col.x + GEOMETRY.columnPad;
      const w = col.w - 2 * GEOMETRY.columnPad;
      const here = placements[c.id].filter((p) => p.page === page);
      if (page > 0 && here.length) continued.add(c.id);
      for (const p of here) {
        const drawn = drawCard(p.card, p.rows, x, frame.areaTop + p.y, w);
        cards.push({ cardId: p.card.id, column: c.id, part: p.part, parts: p.parts, x, y: frame.areaTop + p.y, w, h: drawn.h, shapes: drawn.shapes });
      }
    }
    const shapes = frame.shapesFor(page + 1, total, continued);
    if (page === 0) {
      for (const c of COLUMNS) {
        if (placements[c.id].length) continue;
        const note = noteRow(t.emptyColumn, ctx);
        const x = frame.columns[c.id].x + GEOMETRY.columnPad + GEOMETRY.cardPad;
        shapes.push(...note.shapes.map((s) => moveShape(s, x, frame.areaTop)));
      }
    }
    pages.push({ number: page + 1, shapes, columns: COLUMNS.map((c) => ({ column: c.id, ...frame.columns[c.id], continued: continued.has(c.id) })), cards });
  }
  return { width: A3_LANDSCAPE.width, height: A3_LANDSCAPE.height, fontSize: size, pages };
}
