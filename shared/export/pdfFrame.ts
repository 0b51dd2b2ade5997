import { COLUMNS, type ColumnDef, type ColumnId } from '../columns.js';
import { formatExportDate, isJointMap, partnerOf, type ExportInput } from './exportInput.js';
import { BASELINE, flow, LINE_HEIGHT } from './flow.js';
import { A3_LANDSCAPE, moveShape, type Measure, type Shape, type TextTag } from './layoutTypes.js';
import { STATUS_MARK } from './pdfCard.js';
import { COLORS, FONT, GEOMETRY } from './pdfStyle.js';
import type { ExportTexts } from './texts.js';
import { wrapText } from './wrap.js';

/** Where each column sits on the sheet: x of its left edge and its width. */
export type ColumnBoxes = Record<ColumnId, { x: number; w: number }>;

/**
 * The parts of a sheet that do not depend on the cards: header, column heads (with the prompts of
 * the paper invulkaart) and footer (the banner and the legend). The header and footer are the same
 * at every trial; the column heads depend on the column widths the layout chooses.
 */
export interface Frame {
  /** Top of the column heads. */
  headTop: number;
  /** Bottom of the area for cards (top of the footer band). */
  footerTop: number;
  /** Height of the tallest column head when the columns have these widths. */
  headHeight(widths: ColumnBoxes): number;
  shapesFor(
    page: number,
    total: number,
    columns: ColumnBoxes,
    headH: number,
    continued: ReadonlySet<ColumnId>,
  ): Shape[];
}

const { width: W, height: H } = A3_LANDSCAPE;
const M = GEOMETRY.margin;
/** Space between the column heads and the cards. */
export const HEAD_GAP = 5;

function textAt(
  text: string,
  x: number,
  y: number,
  size: number,
  bold: boolean,
  color: string,
  measure: Measure,
  tag?: TextTag,
): Shape {
  return { kind: 'text', x, y, w: measure(text, size, bold), text, size, bold, color, ...(tag ? { tag } : {}) };
}

function rightText(
  text: string,
  right: number,
  y: number,
  size: number,
  bold: boolean,
  color: string,
  measure: Measure,
  tag?: TextTag,
): Shape {
  const w = measure(text, size, bold);
  return { kind: 'text', x: right - w, y, w, text, size, bold, color, ...(tag ? { tag } : {}) };
}

const tagged = (shapes: Shape[], tag: TextTag): Shape[] => shapes.map((s) => (s.kind === 'text' ? { ...s, tag } : s));

function header(input: ExportInput, t: ExportTexts, measure: Measure): { shapes: Shape[]; bottom: number } {
  const shapes: Shape[] = [];
  const inner = W - 2 * M;
  const date = formatExportDate(input.date, input.lang);
  const dateW = measure(date, FONT.date, false);
  let y = M;
  const titleLines = wrapText(input.title || ' ', inner - dateW - 24, FONT.title, true, measure);
  titleLines.forEach((line, i) => {
    shapes.push(
      textAt(line, M, y + i * FONT.title * 1.2 + FONT.title * BASELINE, FONT.title, true, COLORS.ink, measure, {
        role: 'title',
      }),
    );
  });
  shapes.push(
    rightText(date, W - M, y + FONT.title * BASELINE, FONT.date, false, COLORS.ink, measure, { role: 'meta' }),
  );
  y += titleLines.length * FONT.title * 1.2 + 2;

  // [E3] The map, and on a partner's own map who filled it in, as the paper sheet's "versie ingevuld door".
  const mapLabel = isJointMap(input) ? t.jointMap : t.partnerMap(partnerOf(input, input.mapName).name);
  const mapItems = [{ text: mapLabel, bold: true, color: COLORS.ink }];
  const filler = input.filledBy?.trim() || (isJointMap(input) ? '' : partnerOf(input, input.mapName).name);
  if (filler) mapItems.push({ text: t.versionBy(filler), bold: false, color: COLORS.ink });
  const dirW = measure(t.direction, FONT.direction, true);
  const mapLine = flow(mapItems, inner - dirW - 30, FONT.mapLine, measure, FONT.mapLine * 1.5);
  shapes.push(...tagged(mapLine.shapes, { role: 'meta' }).map((s) => moveShape(s, M, y)));
  shapes.push(
    rightText(t.direction, W - M, y + FONT.direction * BASELINE, FONT.direction, true, COLORS.ink, measure, {
      role: 'meta',
    }),
  );
  y += Math.max(mapLine.height, FONT.direction * LINE_HEIGHT) + 1;

  // Partners with their colour dots (the key to the dots on the cards), the "contributes" arrow right.
  const contribW = measure(t.contributes, FONT.direction, false);
  const partnerItems = [
    { text: t.partnersLabel, bold: true, color: COLORS.ink },
    ...input.partners.map((p) => ({ text: p.name, color: COLORS.ink, dot: p.color })),
  ];
  const partners = flow(partnerItems, inner - contribW - 30, FONT.partners, measure, FONT.partners * 1.4);
  shapes.push(...tagged(partners.shapes, { role: 'meta' }).map((s) => moveShape(s, M, y)));
  shapes.push(
    rightText(t.contributes, W - M, y + FONT.direction * BASELINE, FONT.direction, false, COLORS.muted, measure, {
      role: 'meta',
    }),
  );
  y += Math.max(partners.height, FONT.direction * LINE_HEIGHT) + 3;
  shapes.push({ kind: 'line', x1: M, y1: y, x2: W - M, y2: y, color: COLORS.rule, width: 0.6 });
  return { shapes, bottom: y + 5 };
}

/**
 * [E2] Column head relative to its box: step number in a disc, label and the prompts ("hulpvragen")
 * of the paper invulkaart. The app's one-line question is left out: the prompts say it in full.
 */
function columnHead(
  col: ColumnDef,
  w: number,
  continued: boolean,
  input: ExportInput,
  t: ExportTexts,
  measure: Measure,
) {
  const pad = GEOMETRY.headerPad;
  const inner = w - 2 * pad;
  const shapes: Shape[] = [];
  const heading: TextTag = { role: 'heading', column: col.id };
  let y = pad;
  const r = FONT.columnLabel * 0.6;
  shapes.push({ kind: 'circle', x: pad + r, y: y + FONT.columnLabel * 0.62, r, fill: COLORS.stepBadge });
  const num = String(col.step);
  const numSize = FONT.columnLabel * 0.75;
  const numW = measure(num, numSize, true);
  shapes.push({
    kind: 'text',
    x: pad + r - numW / 2,
    y: y + FONT.columnLabel * 0.62 + numSize * 0.36,
    w: numW,
    text: num,
    size: numSize,
    bold: true,
    color: COLORS.white,
    tag: heading,
  });
  const labelX = pad + 2 * r + 5;
  const labelText = continued ? `${col.label[input.lang]} ${t.continued}` : col.label[input.lang];
  const label = wrapText(labelText, inner - (labelX - pad), FONT.columnLabel, true, measure);
  label.forEach((line, i) => {
    shapes.push(
      textAt(
        line,
        labelX,
        y + i * FONT.columnLabel * LINE_HEIGHT + FONT.columnLabel * BASELINE,
        FONT.columnLabel,
        true,
        COLORS.ink,
        measure,
        heading,
      ),
    );
  });
  y += Math.max(label.length * FONT.columnLabel * LINE_HEIGHT, 2 * r) + 2;
  // The prompts ("hulpvragen") of the paper invulkaart, as a bulleted list with a hanging indent.
  const bullet = '•';
  const bulletW = measure(`${bullet} `, FONT.prompt, false);
  col.prompts.forEach((prompt, index) => {
    const tag: TextTag = { role: 'prompt', column: col.id, index };
    const lines = wrapText(prompt[input.lang], inner - bulletW, FONT.prompt, false, measure);
    lines.forEach((line, i) => {
      const baseline = y + i * FONT.prompt * LINE_HEIGHT + FONT.prompt * BASELINE;
      if (i === 0) shapes.push(textAt(bullet, pad, baseline, FONT.prompt, false, COLORS.muted, measure));
      shapes.push(textAt(line, pad + bulletW, baseline, FONT.prompt, false, COLORS.ink, measure, tag));
    });
    y += lines.length * FONT.prompt * LINE_HEIGHT;
  });
  return { shapes, height: y + pad };
}

/** [E2] The banner of the paper sheet, each word under its own columns: acties + voorwaarden + samenwerking = succes. */
function banner(columns: ColumnBoxes, top: number, t: ExportTexts, measure: Measure): Shape[] {
  const y = top + FONT.banner * BASELINE;
  const tag: TextTag = { role: 'banner' };
  const centred = (text: string, x0: number, x1: number, bold = true): Shape => {
    const w = measure(text, FONT.banner, bold);
    return { kind: 'text', x: (x0 + x1) / 2 - w / 2, y, w, text, size: FONT.banner, bold, color: COLORS.ink, tag };
  };
  const span = (a: ColumnId, b: ColumnId) =>
    [Math.min(columns[a].x, columns[b].x), Math.max(columns[a].x + columns[a].w, columns[b].x + columns[b].w)] as const;
  const gap = (left: ColumnId, right: ColumnId) => [columns[left].x + columns[left].w, columns[right].x] as const;
  const b = t.banner;
  // Left to right on the sheet: step 5 (acties), 4 (voorwaarden), 3 + 2 (samenwerking), 1 (succes).
  return [
    centred(b.steps, ...span('steps', 'steps')),
    centred('+', ...gap('steps', 'conditions'), false),
    centred(b.conditions, ...span('conditions', 'conditions')),
    centred('+', ...gap('conditions', 'actions'), false),
    centred(b.collaboration, ...span('actions', 'relations')),
    centred('=', ...gap('relations', 'values'), false),
    centred(b.success, ...span('values', 'values')),
  ];
}

export function buildFrame(input: ExportInput, t: ExportTexts, measure: Measure): Frame {
  const top = header(input, t, measure);
  const headTop = top.bottom;
  const footerTop = H - M - FONT.banner * LINE_HEIGHT - FONT.footer * LINE_HEIGHT - 4;
  const headHeight = (columns: ColumnBoxes) =>
    Math.max(
      ...COLUMNS.flatMap((c) =>
        [false, true].map((cont) => columnHead(c, columns[c.id].w, cont, input, t, measure).height),
      ),
    );

  const shapesFor = (
    page: number,
    total: number,
    columns: ColumnBoxes,
    headH: number,
    continued: ReadonlySet<ColumnId>,
  ): Shape[] => {
    const shapes: Shape[] = [...top.shapes];
    COLUMNS.forEach((c) => {
      const { x, w } = columns[c.id];
      const head = columnHead(c, w, continued.has(c.id), input, t, measure);
      shapes.push({ kind: 'rect', x, y: headTop, w, h: headH, r: 3, fill: COLORS.columnHead });
      shapes.push(...head.shapes.map((s) => moveShape(s, x, headTop)));
      const areaTop = headTop + headH + HEAD_GAP;
      shapes.push({
        kind: 'rect',
        x,
        y: areaTop,
        w,
        h: footerTop - 3 - areaTop,
        r: 3,
        stroke: COLORS.columnFrame,
        lineWidth: 0.6,
      });
      // An arrow in the gutter left of every column but the last: the way the steps go.
      if (c.step < 5) {
        const arrowSize = 11;
        const aw = measure('←', arrowSize, true);
        shapes.push({
          kind: 'text',
          x: x - GEOMETRY.gutter / 2 - aw / 2,
          y: headTop + 14,
          w: aw,
          text: '←',
          size: arrowSize,
          bold: true,
          color: COLORS.muted,
        });
      }
    });
    shapes.push(...banner(columns, footerTop, t, measure));
    const ly = footerTop + FONT.banner * LINE_HEIGHT + 2 + FONT.footer * BASELINE;
    const legend = `${t.legend} ${STATUS_MARK.agreed} ${t.statusWord.agreed}   ${STATUS_MARK.open} ${t.statusWord.open}   ${STATUS_MARK.parked} ${t.statusWord.parked}   · ${t.legendDots}`;
    shapes.push(textAt(legend, M, ly, FONT.footer, false, COLORS.muted, measure, { role: 'legend' }));
    shapes.push(
      rightText(`${t.page(page, total)} · ${t.madeWith}`, W - M, ly, FONT.footer, false, COLORS.muted, measure),
    );
    return shapes;
  };

  return { headTop, footerTop, headHeight, shapesFor };
}
