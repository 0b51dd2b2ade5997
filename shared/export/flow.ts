import type { Measure, Shape } from './layoutTypes.js';
import { wrapText } from './wrap.js';

/** A piece of inline content: text, optionally preceded by a coloured dot (a partner badge). */
export interface FlowItem {
  text: string;
  bold?: boolean;
  color: string;
  dot?: string;
}

export interface FlowResult {
  shapes: Shape[];
  height: number;
  lines: number;
}

/** Line height and baseline as fractions of the font size, shared by every text row. */
export const LINE_HEIGHT = 1.22;
export const BASELINE = 0.93;

/**
 * Lay items out left to right and wrap them to `width`, relative to (0, 0). An item wider than a
 * whole line is itself wrapped, so a 60-character partner name still stays inside its card.
 */
export function flow(
  items: readonly FlowItem[],
  width: number,
  size: number,
  measure: Measure,
  gap = size * 0.9,
): FlowResult {
  const shapes: Shape[] = [];
  const lineH = size * LINE_HEIGHT;
  const dotR = size * 0.36;
  const dotW = dotR * 2 + size * 0.3;
  let line = 0;
  let x = 0;
  const baseline = () => line * lineH + size * BASELINE;
  const put = (text: string, at: number, bold: boolean, color: string) => {
    const w = measure(text, size, bold);
    shapes.push({ kind: 'text', x: at, y: baseline(), w, text, size, bold, color });
    return w;
  };
  for (const item of items) {
    if (!item.text) continue;
    const bold = !!item.bold;
    const lead = item.dot ? dotW : 0;
    const w = lead + measure(item.text, size, bold);
    if (x > 0 && x + w > width) {
      line++;
      x = 0;
    }
    if (item.dot) shapes.push({ kind: 'circle', x: x + dotR, y: baseline() - size * 0.33, r: dotR, fill: item.dot });
    if (w <= width - x) {
      put(item.text, x + lead, bold, item.color);
      x += w + gap;
      continue;
    }
    const parts = wrapText(item.text, width, size, bold, measure, width - x - lead);
    parts.forEach((part, i) => {
      const at = i === 0 ? x + lead : 0;
      if (i > 0) line++;
      x = at + put(part, at, bold, item.color) + gap;
    });
  }
  const lines = shapes.length ? line + 1 : 0;
  return { shapes, height: lines * lineH, lines };
}
