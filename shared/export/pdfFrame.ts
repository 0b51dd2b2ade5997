import { COLUMNS, type ColumnId } from '../columns.js';
import { formatExportDate, isJointMap, partnerOf, type ExportInput } from './exportInput.js';
import { BASELINE, flow, LINE_HEIGHT } from './flow.js';
import { A3_LANDSCAPE, moveShape, type Measure, type Shape } from './layoutTypes.js';
import { COLORS, FONT, GEOMETRY } from './pdfStyle.js';
import type { ExportTexts } from './texts.js';
import { wrapText } from './wrap.js';

/**
 * The parts of a sheet that do not depend on the cards: header, column heads and footer. Computed
 * once per export, so the card area has the same size at every trial font size and on every page.
 */
export interface Frame {
  columns: Record<ColumnId, { x: number; w: number }>;
  areaTop: number;
  areaBottom: number;
  shapesFor(page: number, total: number, continued: ReadonlySet<ColumnId>): Shape[];
}

const { width: W, height: H } = A3_LANDSCAPE;
const M = GEOMETRY.margin;

function textAt(text: string, x: number, y: number, size: number, bold: boolean, color: string, measure: Measure): Shape {
  return { kind: 'text', x, y, w: measure(text, size, bold), text, size, bold, color };
}

function rightText(text: string, right: number, y: number, size: number, bold: boolean, color: string, measure: Measure): Shape {
  const w = measure(text, size, bold);
  return { kind: 'text', x: right - w, y, w, text, size, bold, color };
}

function header(input: ExportInput, t: ExportTexts, measure: Measure): { shapes: Shape[]; bottom: number } {
  const shapes: Shape[] = [];
  const inner = W - 2 * M;
  const date = formatExportDate(input.date, input.lang);
  const dateW = measure(date, FONT.date, false);
  let y = M;
  // Title, wrapped beside the date.
  const titleLines = wrapText(input.title || ' ', inner - dateW - 24, FONT.title, true, measure);
  titleLines.forEach((line, i) => {
    shapes.push(textAt(line, M, y + i * FONT.title * 1.2 + FONT.title * BASELINE, FONT.title, true, COLORS.ink, measure));
  });
  shapes.push(rightText(date, W - M, y + FONT.title * BASELINE, FONT.date, false, COLORS.ink, measure));
  y += titleLines.length * FONT.title * 1.2 + 4;

  const mapLabel = isJointMap(input) ? t.jointMap : t.partnerMap(partnerOf(input, input.mapName).name);
  const mapItems = [{ text: mapLabel, bold: true, color: COLORS.ink }];
  if (input.filledBy?.trim()) mapItems.push({ text: t.filledBy(input.filledBy.trim()), bold: false, color: COLORS.ink });
  const mapLine = flow(mapItems, inner, FONT.mapLine, measure, FONT.mapLine * 2);
  shapes.push(...mapLine.shapes.map((s) => moveShape(s, M, y)));
  y += mapLine.height + 3;

  // Partners on the left, the reading direction on the right of the same band.
  const dirW = measure(t.direction, FONT.direction, true);
  const partnerItems = [
    { text: t.partnersLabel, bold: true, color: COLORS.ink },
    ...input.partners.map((p) => ({ text: p.name, color: COLORS.ink, dot: p.color })),
  ];
  const partners = flow(partnerItems, inner - dirW - 30, FONT.partners, measure, FONT.partners * 1.4);
  shapes.push(...partners.shapes.map((s) => moveShape(s, M, y)));
  shapes.push(rightText(t.direction, W - M, y + FONT.direction * BASELINE, FONT.direction, true, COLORS.ink, measure));
  y += Math.max(partners.height, FONT.direction * LINE_HEIGHT) + 4;
  shapes.push({ kind: 'line', x1: M, y1: y, x2: W - M, y2: y, color: COLORS.rule, width: 0.6 });
  return { shapes, bottom: y + 8 };
}

/** Column head content relative to its box: step, label, question. Returns shapes and height. */
function columnHead(col: (typeof COLUMNS)[number], w: number, continued: boolean, input: ExportInput, t: ExportTexts, measure: Measure) {
  const pad = GEOMETRY.headerPad;
  const inner = w - 2 * pad;
  const shapes: Shape[] = [];
  const stepItems = [{ text: t.step(col.step), bold: true, color: COLORS.muted }];
  if (continued) stepItems.push({ text: t.continued, bold: false, color: COLORS.muted });
  const step = flow(stepItems, inner, FONT.stepLine, measure, FONT.stepLine * 0.5);
  shapes.push(...step.shapes.map((s) => moveShape(s, pad, pad)));
  let y = pad + step.height + 1;
  // The step number in a dark disc, as on the paper sheet, then the label.
  const r = FONT.columnLabel * 0.6;
  shapes.push({ kind: 'circle', x: pad + r, y: y + FONT.columnLabel * 0.62, r, fill: COLORS.stepBadge });
  const num = String(col.step);
  const numW = measure(num, FONT.columnLabel * 0.75, true);
  shapes.push({ kind: 'text', x: pad + r - numW / 2, y: y + FONT.columnLabel * 0.62 + FONT.columnLabel * 0.27, w: numW, text: num, size: FONT.columnLabel * 0.75, bold: true, color: COLORS.white });
  const labelX = pad + 2 * r + 6;
  const label = wrapText(col.label[input.lang], inner - (labelX - pad), FONT.columnLabel, true, measure);
  label.forEach((line, i) => {
    shapes.push(textAt(line, labelX, y + i * FONT.columnLabel * LINE_HEIGHT + FONT.columnLabel * BASELINE, FONT.columnLabel, true, COLORS.ink, measure));
  });
  y += Math.max(label.length * FONT.columnLabel * LINE_HEIGHT, 2 * r) + 3;
  const question = wrapText(col.question[input.lang], inner, FONT.question, false, measure);
  question.forEach((line, i) => {
    shapes.push(textAt(line, pad, y + i * FONT.question * LINE_HEIGHT + FONT.question * BASELINE, FONT.question, false, COLORS.ink, measure));
  });
  y += question.length * FONT.question * LINE_HEIGHT + pad;
  return { shapes, height: y };
}

export function buildFrame(input: ExportInput, t: ExportTexts, measure: Measure): Frame {
  const top = header(input, t, measure);
  const colW = (W - 2 * M - 4 * GEOMETRY.gutter) / 5;
  // Step 1 is the rightmost column: the paper sheet is filled from right to left.
  const columns = Object.fromEntries(
    COLUMNS.map((c) => [c.id, { x: M + (5 - c.step) * (colW + GEOMETRY.gutter), w: colW }]),
  ) as Record<ColumnId, { x: number; w: number }>;
  const heads = (continued: boolean) => COLUMNS.map((c) => columnHead(c, colW, continued, input, t, measure));
  const headH = Math.max(...[...heads(false), ...heads(true)].map((h) => h.height));
  const headTop = top.bottom;
  const areaTop = headTop + headH + 6 + GEOMETRY.columnPad;
  const footerTop = H - M - FONT.formula * LINE_HEIGHT - FONT.footer * LINE_HEIGHT - 4;
  const areaBottom = footerTop - 6 - GEOMETRY.columnPad;

  const shapesFor = (page: number, total: number, continued: ReadonlySet<ColumnId>): Shape[] => {
    const shapes: Shape[] = [...top.shapes];
    COLUMNS.forEach((c) => {
      const { x } = columns[c.id];
      const head = columnHead(c, colW, continued.has(c.id), input, t, measure);
      shapes.push({ kind: 'rect', x, y: headTop, w: colW, h: headH, r: 4, fill: COLORS.columnHead });
      shapes.push(...head.shapes.map((s) => moveShape(s, x, headTop)));
      shapes.push({ kind: 'rect', x, y: headTop + headH + 6, w: colW, h: footerTop - 6 - (headTop + headH + 6), r: 4, stroke: COLORS.columnFrame, lineWidth: 0.6 });
      // An arrow in the gutter to the left of every column but the last: the way the steps go.
      if (c.step < 5) {
        const arrowSize = 12;
        const aw = measure('←', arrowSize, true);
        const gx = x - GEOMETRY.gutter / 2 - aw / 2;
        shapes.push({ kind: 'text', x: gx, y: headTop + headH / 2 + arrowSize * 0.35, w: aw, text: '←', size: arrowSize, bold: true, color: COLORS.muted });
      }
    });
    // Footer: the formula of the sheet, then the status legend and the page number.
    const fy = footerTop + FONT.formula * BASELINE;
    const fw = measure(t.formula, FONT.formula, true);
    shapes.push({ kind: 'text', x: (W - fw) / 2, y: fy, w: fw, text: t.formula, size: FONT.formula, bold: true, color: COLORS.ink });
    const ly = footerTop + FONT.formula * LINE_HEIGHT + 2 + FONT.footer * BASELINE;
    const legend = `${t.legend} ${t.status.agreed}   ${t.status.open}   ${t.status.parked}`;
    shapes.push(textAt(legend, M, ly, FONT.footer, false, COLORS.muted, measure));
    shapes.push(rightText(`${t.page(page, total)} · ${t.madeWith}`, W - M, ly, FONT.footer, false, COLORS.muted, measure));
    return shapes;
  };

  return { columns, areaTop, areaBottom, shapesFor };
}
