import type { CardSnapshot } from '../readModel.js';
import type { Block } from '../richText.js';
import { cardOriginPartners, type ExportInput } from './exportInput.js';
import { BASELINE, flow, LINE_HEIGHT, type FlowItem } from './flow.js';
import { moveShape, type Measure, type Shape } from './layoutTypes.js';
import { CARD_STYLE, COLORS, FONT, GEOMETRY } from './pdfStyle.js';
import type { ExportTexts } from './texts.js';
import { linkNotes, type LinkNotes } from './linksSignoff.js';
import { cleanLine, wrapText } from './wrap.js';

/** A horizontal slice of a card: rows are never split, a card may be split between rows. */
export interface Row {
  h: number;
  shapes: Shape[];
}

export interface CardContext {
  input: ExportInput;
  t: ExportTexts;
  measure: Measure;
  /** Card text size. */
  size: number;
  /** Width inside the card's padding. */
  width: number;
}

/** Smaller print for status, author and partners, never below the legible minimum. */
export function metaSize(size: number): number {
  return Math.max(FONT.cardMin, size - 1.5);
}

function textRow(text: string, x: number, size: number, bold: boolean, color: string, measure: Measure): Row {
  return {
    h: size * LINE_HEIGHT,
    shapes: [{ kind: 'text', x, y: size * BASELINE, w: measure(text, size, bold), text, size, bold, color }],
  };
}

const spacer = (h: number): Row => ({ h, shapes: [] });

/** One logical paragraph of a card: its list marker (if any) and indent level. */
interface Para {
  marker: string;
  depth: number;
  text: string;
}

function paragraphs(blocks: Block[], depth = 0): Para[] {
  const out: Para[] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph') {
      // A hard break inside a paragraph starts a new line without a new marker.
      const text = b.runs.map((r) => r.text).join('');
      text.split('\n').forEach((line) => out.push({ marker: '', depth, text: line }));
      continue;
    }
    b.items.forEach((item, i) => {
      const inner = paragraphs(item, depth + 1);
      const marker = b.type === 'bulletList' ? '•' : `${i + 1}.`;
      if (inner.length && inner[0].depth === depth + 1 && !inner[0].marker) inner[0] = { ...inner[0], marker };
      else inner.unshift({ marker, depth: depth + 1, text: '' });
      out.push(...inner);
    });
  }
  return out;
}

/** [E2] The status as a mark in front of the text (✓ eens, ○ open, ‖ geparkeerd), explained by the legend. */
export const STATUS_MARK: Record<CardSnapshot['status'], string> = { agreed: '✓', open: '○', parked: '‖' };

function bodyRows(card: CardSnapshot, ctx: CardContext): Row[] {
  const { measure, size, width, t } = ctx;
  const paras = card.blocks.length
    ? paragraphs(card.blocks)
    : card.plainText.split('\n').map((text) => ({ marker: '', depth: 0, text }));
  while (paras.length && !cleanLine(paras[paras.length - 1].text) && !paras[paras.length - 1].marker) paras.pop();
  while (paras.length && !cleanLine(paras[0].text) && !paras[0].marker) paras.shift();
  const mark = STATUS_MARK[card.status];
  const markW = measure(`${mark} `, size, true);
  const markShape = () => textRow(mark, 0, size, true, CARD_STYLE[card.status].mark, measure).shapes[0];
  if (!paras.length) {
    const row = textRow(t.emptyCard, markW, size, false, COLORS.muted, measure);
    row.shapes.unshift(markShape());
    return [row];
  }
  const rows: Row[] = [];
  const indentStep = size * 0.9;
  for (const p of paras) {
    const first = rows.length === 0;
    if (!cleanLine(p.text) && !p.marker && !first) {
      rows.push(spacer(size * 0.5)); // an empty line in the card keeps a little air, not a full line
      continue;
    }
    // Hanging indent: wrapped lines start under the text, not under the bullet; the status mark
    // takes room on the card's first line only.
    const lead = first ? markW : 0;
    const indent = Math.max(0, p.depth - 1) * indentStep + (first && p.marker ? lead : 0);
    const markerW = p.marker ? measure(`${p.marker} `, size, false) : 0;
    const x = indent + markerW;
    const lines = wrapText(p.text, width - x, size, false, measure, width - x - (p.marker ? 0 : lead));
    lines.forEach((line, i) => {
      const row = textRow(line, i === 0 && !p.marker ? x + lead : x, size, false, COLORS.ink, measure);
      if (i === 0 && p.marker)
        row.shapes.unshift(textRow(p.marker, indent, size, false, COLORS.ink, measure).shapes[0]);
      if (first && i === 0) row.shapes.unshift(markShape());
      rows.push(row);
    });
  }
  return rows;
}

/** Who / what / when of a step card, in small print on as few lines as fit ("what" only when it adds to the text). */
function stepRows(card: CardSnapshot, ctx: CardContext): Row[] {
  const { measure, width, t } = ctx;
  const m = metaSize(ctx.size);
  const what = cleanLine(card.what);
  const fields: [string, string][] = [
    [t.who, cleanLine(card.who)],
    ...(what && what !== cleanLine(card.plainText) ? [[t.what, what] as [string, string]] : []),
    [t.when, cleanLine(card.when)],
  ];
  if (fields.every(([, v]) => !v)) return [];
  const items: FlowItem[] = fields.flatMap(([label, value]) => [
    { text: label, bold: true, color: COLORS.ink },
    { text: value || t.notFilled, color: COLORS.ink },
  ]);
  return [spacer(ctx.size * 0.2), ...flowRows(items, width, m, measure, m * 0.35)];
}

function flowRows(items: FlowItem[], width: number, size: number, measure: Measure, gap?: number): Row[] {
  const f = flow(items, width, size, measure, gap);
  const lineH = size * LINE_HEIGHT;
  // Split the flow back into one row per line so a long list of partners can break between slots.
  return Array.from({ length: f.lines }, (_, i) => ({
    h: lineH,
    shapes: f.shapes
      .filter((s) => s.kind !== 'line' && s.y >= i * lineH && s.y < (i + 1) * lineH)
      .map((s) => moveShape(s, 0, -i * lineH)),
  }));
}

/**
 * Small print under the text: the partner maps a merged card came from, each with its colour dot.
 * Authors and support counts stay in the app: the sheet is about what was said, as on paper.
 */
function metaRows(card: CardSnapshot, ctx: CardContext): Row[] {
  const { input, measure, width } = ctx;
  const items: FlowItem[] = cardOriginPartners(input, card).map((p) => ({
    text: p.name,
    color: COLORS.muted,
    dot: p.color,
  }));
  // [L6] Links, only on a map that has them: a card others serve shows its code ("W2"), a card that
  // serves others where it points ("→ W2, R1"). A map without links prints as before.
  const links = linksOf(input);
  if (links.isServed(card.id)) items.push({ text: links.code(card.id), bold: true, color: COLORS.ink });
  const serves = links.short(card);
  if (serves) items.push({ text: serves, color: COLORS.ink });
  if (!items.length) return [];
  return [spacer(ctx.size * 0.2), ...flowRows(items, width, metaSize(ctx.size), measure)];
}

const linkCache = new WeakMap<ExportInput, LinkNotes>();
const linksOf = (input: ExportInput): LinkNotes => {
  let notes = linkCache.get(input);
  if (!notes) linkCache.set(input, (notes = linkNotes(input.map, input.lang)));
  return notes;
};

/** All rows of a card, top to bottom, relative to the inside of its padding. */
export function cardRows(card: CardSnapshot, ctx: CardContext): Row[] {
  return [...bodyRows(card, ctx), ...(card.column === 'steps' ? stepRows(card, ctx) : []), ...metaRows(card, ctx)];
}

export function rowsHeight(rows: readonly Row[]): number {
  return rows.reduce((sum, r) => sum + r.h, 0);
}

/** Height of a whole card with its padding. */
export function cardHeight(rows: readonly Row[]): number {
  return rowsHeight(rows) + 2 * GEOMETRY.cardPad;
}

/** A muted one-line note inside a split card ("continued from page 1"). */
export function noteRow(text: string, ctx: CardContext): Row {
  const m = metaSize(ctx.size);
  const rows = flowRows([{ text, color: COLORS.muted }], ctx.width, m, ctx.measure);
  return {
    h: rowsHeight(rows),
    shapes: rows.flatMap((r, i) => r.shapes.map((s) => moveShape(s, 0, i * m * LINE_HEIGHT))),
  };
}

/** The card's frame and its rows, placed with its top left corner at (x, y). */
export function drawCard(
  card: CardSnapshot,
  rows: readonly Row[],
  x: number,
  y: number,
  w: number,
): { h: number; shapes: Shape[] } {
  const style = CARD_STYLE[card.status];
  const h = cardHeight(rows);
  const shapes: Shape[] = [
    {
      kind: 'rect',
      x,
      y,
      w,
      h,
      r: GEOMETRY.cardRadius,
      fill: style.fill,
      stroke: style.stroke,
      lineWidth: style.lineWidth,
      dashed: style.dashed,
    },
  ];
  let ry = y + GEOMETRY.cardPad;
  for (const row of rows) {
    shapes.push(...row.shapes.map((s) => moveShape(s, x + GEOMETRY.cardPad, ry)));
    ry += row.h;
  }
  return { h, shapes };
}
