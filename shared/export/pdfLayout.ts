import { COLUMNS, type ColumnId } from '../columns.js';
import type { CardSnapshot } from '../readModel.js';
import type { ExportInput } from './exportInput.js';
import {
  A3_LANDSCAPE,
  moveShape,
  type CardBox,
  type LayoutPage,
  type MapLayout,
  type Measure,
  type Shape,
} from './layoutTypes.js';
import { cardHeight, cardRows, drawCard, noteRow, rowsHeight, type CardContext, type Row } from './pdfCard.js';
import { buildFrame, HEAD_GAP, type ColumnBoxes, type Frame } from './pdfFrame.js';
import { FONT, GEOMETRY } from './pdfStyle.js';
import { exportTexts, type ExportTexts } from './texts.js';

export type { MapLayout, Measure } from './layoutTypes.js';

export interface LayoutOptions {
  maxFontSize?: number;
  minFontSize?: number;
}

/** A card ready to place: its rows at the chosen size and width. */
interface Prepared {
  card: CardSnapshot;
  rows: Row[];
  h: number;
}

/** One card, or one part of a card taller than a whole sub-column, in a slot (a sub-column on a page). */
interface Placement {
  slot: number;
  y: number;
  part: number;
  parts: number;
  rows: Row[];
  card: CardSnapshot;
}

const { width: W } = A3_LANDSCAPE;
const M = GEOMETRY.margin;
/** Width the five columns share. */
const AVAIL = W - 2 * M - 4 * GEOMETRY.gutter;

/** [E1] The most sub-columns a column of width `w` has room for; `count` of them are each `width` wide. */
export function subColumns(w: number, count = maxSubColumns(w)): { count: number; width: number } {
  const inner = w - 2 * GEOMETRY.columnPad;
  return { count, width: (inner - (count - 1) * GEOMETRY.subGap) / count };
}

function maxSubColumns(w: number): number {
  return Math.max(
    1,
    Math.floor((w - 2 * GEOMETRY.columnPad + GEOMETRY.subGap) / (GEOMETRY.minSubWidth + GEOMETRY.subGap)),
  );
}

/** Trial sizes from large to the legible minimum, in fixed steps. */
function sizes(max: number, min: number): number[] {
  const out: number[] = [];
  for (let s = max; s > min + 1e-9; s -= FONT.shrinkStep) out.push(Math.round(s * 100) / 100);
  out.push(min);
  return out;
}

/**
 * Flow a column's cards through its slots: down one sub-column, then the next, then on to the
 * next sheet. A card never straddles two slots unless it is taller than a whole slot; then it is
 * split between rows, each later part saying it continues.
 */
function flowColumn(cards: readonly Prepared[], areaH: number, ctx: CardContext, t: ExportTexts): Placement[] {
  const out: Placement[] = [];
  let slot = 0;
  let y = 0;
  for (const p of cards) {
    if (p.h <= areaH) {
      if (y > 0 && y + p.h > areaH) {
        slot++;
        y = 0;
      }
      out.push({ slot, y, part: 0, parts: 1, rows: p.rows, card: p.card });
      y += p.h + GEOMETRY.cardGap;
      continue;
    }
    if (y > 0 && areaH - y < areaH * 0.4) {
      slot++;
      y = 0;
    }
    const pad = 2 * GEOMETRY.cardPad;
    const parts: Omit<Placement, 'part' | 'parts' | 'card'>[] = [];
    let i = 0;
    while (i < p.rows.length) {
      const head = parts.length ? [noteRow(t.continued, ctx)] : [];
      const room = areaH - y - pad - rowsHeight(head);
      let h = 0;
      let n = 0;
      while (i + n < p.rows.length && (n === 0 || h + p.rows[i + n].h <= room)) h += p.rows[i + n++].h;
      parts.push({ slot, y, rows: [...head, ...p.rows.slice(i, i + n)] });
      i += n;
      if (i < p.rows.length) {
        slot++;
        y = 0;
      }
    }
    parts.forEach((part, k) => out.push({ ...part, part: k, parts: parts.length, card: p.card }));
    const last = parts[parts.length - 1];
    y = last.y + cardHeight(last.rows) + GEOMETRY.cardGap;
  }
  return out;
}

/** Slots a column's placements use (at least one). */
const slotsUsed = (placements: readonly Placement[]) =>
  placements.length ? placements[placements.length - 1].slot + 1 : 1;

/** Column boxes from their widths: step 5 leftmost, step 1 (values) rightmost, as on the paper sheet. */
function boxes(widths: Record<ColumnId, number>): ColumnBoxes {
  const out = {} as ColumnBoxes;
  let x = M;
  for (const c of [...COLUMNS].reverse()) {
    out[c.id] = { x, w: widths[c.id] };
    x += widths[c.id] + GEOMETRY.gutter;
  }
  return out;
}

interface Fit {
  size: number;
  widths: Record<ColumnId, number>;
}

/**
 * Lay out a map on A3 landscape sheets ([E1]). One card text size for the whole map: the largest
 * at which everything fits one sheet, with each column as wide as its cards need (more cards →
 * more sub-columns); only when even the smallest size does not fit does the map go on to more
 * sheets, and then every column continues where it stopped, its heading repeated.
 */
export function layoutMap(input: ExportInput, measureFn: Measure, options: LayoutOptions = {}): MapLayout {
  // The export measure is a per-character sum already; a memo of whole strings costs more than it saves.
  const measure = measureFn;
  const t = exportTexts(input.lang);
  const frame: Frame = buildFrame(input, t, measure);
  const steps = sizes(options.maxFontSize ?? FONT.cardMax, options.minFontSize ?? FONT.cardMin);
  const cardsOf = (c: ColumnId) => input.map.columns[c] ?? [];

  const ctxCache = new Map<string, { ctx: CardContext; prepared: Map<ColumnId, Prepared[]> }>();
  const prepared = (column: ColumnId, size: number, subW: number) => {
    const innerW = Math.round((subW - 2 * GEOMETRY.cardPad) * 100) / 100;
    const key = `${size}|${innerW}`;
    let entry = ctxCache.get(key);
    if (!entry) {
      entry = { ctx: { input, t, measure, size, width: innerW }, prepared: new Map() };
      ctxCache.set(key, entry);
    }
    let list = entry.prepared.get(column);
    if (!list) {
      const ctx = entry.ctx;
      list = cardsOf(column).map((card) => {
        const rows = cardRows(card, ctx);
        return { card, rows, h: cardHeight(rows) };
      });
      entry.prepared.set(column, list);
    }
    return { ctx: entry.ctx, list };
  };
  const placeColumn = (column: ColumnId, size: number, w: number, areaH: number, count = maxSubColumns(w)) => {
    const sub = subColumns(w, count);
    const { ctx, list } = prepared(column, size, sub.width);
    const placements = flowColumn(list, areaH, ctx, t);
    return { sub, ctx, placements, pages: Math.ceil(slotsUsed(placements) / sub.count) };
  };
  /** The final placement: as few sub-columns as fit one sheet, so a short column keeps wide cards. */
  const placeFinal = (column: ColumnId, size: number, w: number, areaH: number) => {
    for (let count = 1; count < maxSubColumns(w); count++) {
      const placed = placeColumn(column, size, w, areaH, count);
      if (placed.pages <= 1) return placed;
    }
    return placeColumn(column, size, w, areaH);
  };
  const fitsOneSheet = (column: ColumnId, size: number, w: number, areaH: number) =>
    placeColumn(column, size, w, areaH).pages <= 1;

  /**
   * The narrowest width (on an 8 pt grid) at which the column fits one sheet, or Infinity. Starts
   * from an estimate (the column's cards stacked at the narrowest sub-column, cut into sheet-high
   * pieces) and walks from there, so a column is laid out only a few times per trial size.
   */
  const STEP = 8;
  const minWidth = (column: ColumnId, size: number, areaH: number): number => {
    if (!cardsOf(column).length) return GEOMETRY.minColumnWidth;
    const fits = (w: number) => fitsOneSheet(column, size, w, areaH);
    const stacked = prepared(column, size, GEOMETRY.minSubWidth).list.reduce(
      (sum, p) => sum + p.h + GEOMETRY.cardGap,
      0,
    );
    const slots = Math.max(1, Math.ceil(stacked / areaH));
    const clamp = (w: number) => Math.min(AVAIL, Math.max(GEOMETRY.minColumnWidth, w));
    let w = clamp(slots * (GEOMETRY.minSubWidth + GEOMETRY.subGap) - GEOMETRY.subGap + 2 * GEOMETRY.columnPad);
    if (fits(w)) {
      while (w > GEOMETRY.minColumnWidth && fits(clamp(w - STEP))) w = clamp(w - STEP);
      return w;
    }
    while (w < AVAIL) {
      w = clamp(w + STEP);
      if (fits(w)) return w;
    }
    return Infinity;
  };

  const fitAt = (size: number, areaH: number): Fit | null => {
    const need = {} as Record<ColumnId, number>;
    let total = 0;
    // Fullest columns first: when they do not fit, the others need not be tried.
    for (const c of [...COLUMNS].sort((a, b) => cardsOf(b.id).length - cardsOf(a.id).length)) {
      need[c.id] = minWidth(c.id, size, areaH);
      total += need[c.id];
      if (total > AVAIL) return null;
    }
    // The room left over goes to the columns in proportion to what they need, so a full column
    // gets wider sub-columns (or more of them); a column that would no longer fit keeps its minimum.
    const widths = { ...need };
    const grow = new Set(COLUMNS.map((c) => c.id));
    for (let round = 0; round < 3; round++) {
      const fixed = COLUMNS.filter((c) => !grow.has(c.id)).reduce((s, c) => s + need[c.id], 0);
      const base = [...grow].reduce((s, id) => s + need[id], 0);
      for (const id of grow) widths[id] = need[id] + ((AVAIL - fixed - base) * need[id]) / base;
      const failed = [...grow].filter((id) => cardsOf(id).length && !fitsOneSheet(id, size, widths[id], areaH));
      if (!failed.length) break;
      for (const id of failed) {
        grow.delete(id);
        widths[id] = need[id];
      }
      if (!grow.size) break;
    }
    return { size, widths };
  };

  /** More sheets at the smallest size: widths in proportion to each column's amount of card. */
  const spreadAt = (size: number): Fit => {
    const amount = (c: ColumnId) => {
      const { list } = prepared(c, size, GEOMETRY.minSubWidth);
      return list.reduce((s, p) => s + p.h + GEOMETRY.cardGap, 0) * GEOMETRY.minSubWidth;
    };
    const amounts = Object.fromEntries(COLUMNS.map((c) => [c.id, amount(c.id)])) as Record<ColumnId, number>;
    const sum = COLUMNS.reduce((s, c) => s + amounts[c.id], 0) || 1;
    const spare = AVAIL - 5 * GEOMETRY.minColumnWidth;
    return {
      size,
      widths: Object.fromEntries(
        COLUMNS.map((c) => [c.id, GEOMETRY.minColumnWidth + (spare * amounts[c.id]) / sum]),
      ) as Record<ColumnId, number>,
    };
  };

  const choose = (areaH: number): Fit => {
    // "Fits one sheet" flips once along the sizes: try the largest, then the smallest, then bisect.
    const tried = new Map<number, Fit | null>();
    const attempt = (i: number) => {
      if (!tried.has(i)) tried.set(i, fitAt(steps[i], areaH));
      return tried.get(i)!;
    };
    if (attempt(0)) return attempt(0)!;
    const last = steps.length - 1;
    if (!attempt(last)) return spreadAt(steps[last]);
    let lo = 1;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (attempt(mid)) hi = mid;
      else lo = mid + 1;
    }
    return attempt(lo)!;
  };

  // The column heads get taller as columns get narrower: settle the head height in a few rounds.
  const equal = boxes(Object.fromEntries(COLUMNS.map((c) => [c.id, AVAIL / 5])) as Record<ColumnId, number>);
  let headH = frame.headHeight(equal);
  const areaFor = (h: number) => frame.footerTop - 3 - (frame.headTop + h + HEAD_GAP) - 2 * GEOMETRY.columnPad;
  let fit = choose(areaFor(headH));
  for (let round = 0; round < 3; round++) {
    const needed = frame.headHeight(boxes(fit.widths));
    if (needed <= headH) break;
    headH = needed;
    fit = choose(areaFor(headH));
  }
  const areaH = areaFor(headH);
  const areaTop = frame.headTop + headH + HEAD_GAP + GEOMETRY.columnPad;
  const columns = boxes(fit.widths);
  const placed = Object.fromEntries(
    COLUMNS.map((c) => [c.id, placeFinal(c.id, fit.size, fit.widths[c.id], areaH)]),
  ) as Record<ColumnId, ReturnType<typeof placeColumn>>;
  const total = Math.max(1, ...COLUMNS.map((c) => (cardsOf(c.id).length ? placed[c.id].pages : 1)));

  const pages: LayoutPage[] = [];
  for (let page = 0; page < total; page++) {
    const continued = new Set<ColumnId>();
    const cards: CardBox[] = [];
    const noteShapes: Shape[] = [];
    for (const c of COLUMNS) {
      const { sub, placements, ctx } = placed[c.id];
      const here = placements.filter((p) => Math.floor(p.slot / sub.count) === page);
      if (page > 0 && here.length) continued.add(c.id);
      for (const p of here) {
        const x = columns[c.id].x + GEOMETRY.columnPad + (p.slot % sub.count) * (sub.width + GEOMETRY.subGap);
        const drawn = drawCard(p.card, p.rows, x, areaTop + p.y, sub.width);
        cards.push({
          cardId: p.card.id,
          column: c.id,
          part: p.part,
          parts: p.parts,
          x,
          y: areaTop + p.y,
          w: sub.width,
          h: drawn.h,
          shapes: drawn.shapes,
        });
      }
      if (page === 0 && !placements.length) {
        const note = noteRow(t.emptyColumn, ctx);
        const x = columns[c.id].x + GEOMETRY.columnPad + GEOMETRY.cardPad;
        noteShapes.push(
          ...note.shapes.map((s) =>
            s.kind === 'text'
              ? { ...moveShape(s, x, areaTop), tag: { role: 'empty' as const, column: c.id } }
              : moveShape(s, x, areaTop),
          ),
        );
      }
    }
    const shapes = [...frame.shapesFor(page + 1, total, columns, headH, continued), ...noteShapes];
    pages.push({
      number: page + 1,
      shapes,
      columns: COLUMNS.map((c) => ({
        column: c.id,
        ...columns[c.id],
        subColumns: placed[c.id].sub.count,
        continued: continued.has(c.id),
      })),
      cards,
    });
  }
  let minTextSize = Infinity;
  for (const p of pages)
    for (const s of [...p.shapes, ...p.cards.flatMap((c) => c.shapes)])
      if (s.kind === 'text' && s.text.trim()) minTextSize = Math.min(minTextSize, s.size);
  return { width: A3_LANDSCAPE.width, height: A3_LANDSCAPE.height, fontSize: fit.size, minTextSize, pages };
}
