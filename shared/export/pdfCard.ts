import type { CardSnapshot } from '../readModel.js';
import type { Block } from '../richText.js';
import { cardPartners, type ExportInput } from './exportInput.js';
import { BASELINE, flow, LINE_HEIGHT, type FlowItem } from './flow.js';
import { moveShape, type Measure, type Shape } from './layoutTypes.js';
import { CARD_STYLE, COLORS, FONT, GEOMETRY } from './pdfStyle.js';
import type { ExportTexts } from './texts.js';
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

function bodyRows(card: CardSnapshot, ctx: CardContext): Row[] {
  const { measure, size, width, t } = ctx;
  const paras = card.blocks.length
    ? paragraphs(card.blocks)
    : card.plainText.split('\n').map((text) => ({ marker: '', depth: 0, text }));
  while (paras.length && !cleanLine(paras[paras.length - 1].text) && !paras[paras.length - 1].marker) paras.pop();
  while (paras.length && !cleanLine(paras[0].text) && !paras[0].marker) paras.shift();
  if (!paras.length) return [textRow(t.emptyCard, 0, size, false, COLORS.muted, measure)];
  const rows: Row[] = [];
  const indentStep = size * 0.9;
  for (const p of paras) {
    if (!cleanLine(p.text) && !p.marker) {
      rows.push(spacer(size * 0.5)); // an empty line in the card keeps a little air, not a full line
      continue;
    }
    // Hanging indent: wrapped lines start under the text, not under the bullet.
    const indent = Math.max(0, p.depth - 1) * indentStep;
    const markerW = p.marker ? measure(p.marker + ' ', size, false) : 0;
    const x = indent + markerW;
    const lines = wrapText(p.text, width - x, size, false, measure);
    lines.forEach((line, i) => {
      const row = textRow(line, x, size, false, COLORS.ink, measure);
      if (i === 0 && p.marker) row.shapes.unshift(textRow(p.marker, indent, size, false, COLORS.ink, measure).shapes[0]);
      rows.push(row);
    });
  }
  return rows;
}

/** Who / what / when of a step card, labels in a column of their own. */
function stepRows(card: CardSnapshot, ctx: CardContext): Row[] {
  const { measure, size, width, t } = ctx;
  const fields: [string, string][] = [
    [t.who, card.who],
    [t.what, card.what],
    [t.when, card.when],
  ];
  const labelW = Math.max(...fields.map(([l]) => measure(l, size, true))) + size * 0.4;
  const rows: Row[] = [spacer(size * 0.35)];
  for (const [label, value] of fields) {
    const text = cleanLine(value) || t.notFilled;
    const lines = wrapText(text, width - labelW, size, false, measure);
    lines.forEach((line, i) => {
      const row = textRow(line, labelW, size, false, COLORS.ink, measure);
      if (i === 0) row.shapes.unshift(textRow(label, 0, size, true, COLORS.ink, measure).shapes[0]);
      rows.push(row);
    });
  }
  return rows;
}

function flowRows(items: FlowItem[], width: number, size: number, measure: Measure): Row[] {
  const f = flow(items, width, size, measure);
  const lineH = size * LINE_HEIGHT;
  // Split the flow back into one row per line so a long list of partners can break across pages.
  return Array.from({ length: f.lines }, (_, i) => ({
    h: lineH,
    shapes: f.shapes
      .filter((s) => s.kind !== 'line' && s.y >= i * lineH && s.y < (i + 1) * lineH)
      .map((s) => moveShape(s, 0, -i * lineH)),
  }));
}

function statusRows(card: CardSnapshot, ctx: CardContext): Row[] {
  const { measure, width, t } = ctx;
  const m = metaSize(ctx.size);
  const items: FlowItem[] = [{ text: t.status[card.status], bold: true, color: CARD_STYLE[card.status].mark }];
  const status = measure(items[0].text, m, true);
  const support = card.supporters.length ? t.support(card.supporters.length) : '';
  const supportW = support ? measure(support, m, false) : 0;
  if (support && status + supportW + m <= width) {
    const row = textRow(items[0].text, 0, m, true, items[0].color, measure);
    row.shapes.push(textRow(support, width - supportW, m, false, COLORS.muted, measure).shapes[0]);
    return [row];
  }
  if (support) items.push({ text: support, color: COLORS.muted });
  return flowRows(items, width, m, measure);
}

function metaRows(card: CardSnapshot, ctx: CardContext): Row[] {
  const { input, measure, width, t } = ctx;
  const items: FlowItem[] = [];
  if (card.authorName.trim()) items.push({ text: t.by(card.authorName.trim()), color: COLORS.muted });
  for (const p of cardPartners(input, card)) items.push({ text: p.name, color: COLORS.ink, dot: p.color });
  if (!items.length) return [];
  return [spacer(ctx.size * 0.35), ...flowRows(items, width, metaSize(ctx.size), measure)];
}

/** All rows of a card, top to bottom, relative to the inside of its padding. */
export function cardRows(card: CardSnapshot, ctx: CardContext): Row[] {
  return [
    ...statusRows(card, ctx),
    spacer(ctx.size * 0.25),
    ...bodyRows(card, ctx),
    ...(card.column === 'steps' ? stepRows(card, ctx) : []),
    ...metaRows(card, ctx),
  ];
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
  return { h: rowsHeight(rows), shapes: rows.flatMap((r, i) => r.shapes.map((s) => moveShape(s, 0, i * m * LINE_HEIGHT))) };
}

/** The card's frame and its rows, placed with its top left corner at (x, y). */
export function drawCard(card: CardSnapshot, rows: readonly Row[], x: number, y: number, w: number): { h: number; shapes: Shape[] } {
  const style = CARD_STYLE[card.status];
  const h = cardHeight(rows);
  const shapes: Shape[] = [
    { kind: 'rect', x, y, w, h, r: GEOMETRY.cardRadius, fill: style.fill, stroke: style.stroke, lineWidth: style.lineWidth, dashed: style.dashed },
  ];
  let ry = y + GEOMETRY.cardPad;
  for (const row of rows) {
    shapes.push(...row.shapes.map((s) => moveShape(s, x + GEOMETRY.cardPad, ry)));
    ry += row.h;
  }
  return { h, shapes };
}
