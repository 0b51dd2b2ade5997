import type { ColumnId } from '../columns.js';

/**
 * Width in points of `text` set at `fontSize` in the regular or bold export font. Injected so the
 * layout stays a pure function; the PDF, the SVG and the tests all pass the same font metrics.
 */
export type Measure = (text: string, fontSize: number, bold: boolean) => number;

/**
 * What a text on the sheet is, for the structure tree of the tagged PDF (headings, paragraphs, list
 * items in reading order). Texts without a tag (page numbers, arrows) are decoration (artifacts).
 */
export type TextTag =
  | { role: 'title' | 'meta' | 'banner' | 'legend' }
  | { role: 'heading' | 'empty'; column: ColumnId }
  | { role: 'prompt'; column: ColumnId; index: number };

/** Drawing primitives in points; origin top left, y grows downwards. */
export type Shape =
  | {
      kind: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      r: number;
      fill?: string;
      stroke?: string;
      lineWidth?: number;
      dashed?: boolean;
    }
  | { kind: 'circle'; x: number; y: number; r: number; fill: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number }
  /** One line of text; x is its left edge, y its baseline, w its measured width. */
  | {
      kind: 'text';
      x: number;
      y: number;
      w: number;
      text: string;
      size: number;
      bold: boolean;
      color: string;
      tag?: TextTag;
    };

/** One card (or one part of a card that is longer than a whole column) placed on a page. */
export interface CardBox {
  cardId: string;
  column: ColumnId;
  /** 0 for the card's first part; a card is split only when it is taller than a whole column. */
  part: number;
  parts: number;
  x: number;
  y: number;
  w: number;
  h: number;
  shapes: Shape[];
}

export interface ColumnFrame {
  column: ColumnId;
  x: number;
  w: number;
  /** How many sub-columns the cards flow through, top to bottom then left to right. */
  subColumns: number;
  /** True when this page continues the column from an earlier page. */
  continued: boolean;
}

export interface LayoutPage {
  /** 1-based page number. */
  number: number;
  /** Header, column heads and footer. */
  shapes: Shape[];
  columns: ColumnFrame[];
  cards: CardBox[];
}

export interface MapLayout {
  width: number;
  height: number;
  /** The card text size chosen for the whole map. */
  fontSize: number;
  /** The smallest text size anywhere on the sheets. */
  minTextSize: number;
  pages: LayoutPage[];
}

/** A3 landscape in points. */
export const A3_LANDSCAPE = { width: 1190.55, height: 841.89 } as const;

export function moveShape(s: Shape, dx: number, dy: number): Shape {
  switch (s.kind) {
    case 'line':
      return { ...s, x1: s.x1 + dx, y1: s.y1 + dy, x2: s.x2 + dx, y2: s.y2 + dy };
    default:
      return { ...s, x: s.x + dx, y: s.y + dy };
  }
}

/** Bounding box of a shape; text reaches about 0.8 em above and 0.25 em below its baseline. */
export function shapeBounds(s: Shape): { x0: number; y0: number; x1: number; y1: number } {
  switch (s.kind) {
    case 'rect':
      return { x0: s.x, y0: s.y, x1: s.x + s.w, y1: s.y + s.h };
    case 'circle':
      return { x0: s.x - s.r, y0: s.y - s.r, x1: s.x + s.r, y1: s.y + s.r };
    case 'line':
      return { x0: Math.min(s.x1, s.x2), y0: Math.min(s.y1, s.y2), x1: Math.max(s.x1, s.x2), y1: Math.max(s.y1, s.y2) };
    case 'text':
      return { x0: s.x, y0: s.y - s.size * 0.8, x1: s.x + s.w, y1: s.y + s.size * 0.25 };
  }
}
