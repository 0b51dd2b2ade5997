/**
 * The projector's layout, computed instead of left to CSS (ROOM.md "How to fit"): from the size of the
 * board and the measured text of every card, choose one font size for the active column(s) and per
 * column a density (full card → compact card → one line) and a number of sub-columns, so that every
 * card of the active column(s) is on the screen at once and the text stays above its floor. The other
 * columns get compact lines in what is left; what does not fit there is counted ("+ 12 more").
 *
 * Pure: no DOM. Text arrives pre-measured as word widths in em (the width at font-size 1 px), so the
 * same words can be wrapped at any font size and width. The box model below is the one
 * `projector.css` draws (`.fit-*` rules read the same numbers through CSS variables where they vary).
 */

import type { Density } from '../../../ui/SnapshotBoard.js';

export type { Density };
export const DENSITIES: readonly Density[] = ['full', 'compact', 'line'];

/** Word widths in em, one array per paragraph (a card's text keeps its line breaks). */
export type Paragraphs = readonly (readonly number[])[];

export interface FitCard {
  id: string;
  text: Paragraphs;
  /** Who / what / when of an action, one paragraph each, the label as its first word; empty: none. */
  www: Paragraphs;
}

export interface FitColumn {
  id: string;
  /** "Stap 1": one line, never wrapped. */
  step: Paragraphs;
  title: Paragraphs;
  /** Shown under the title of an active column; empty: no question. */
  question: Paragraphs;
  /** Shown when one column is in focus. */
  prompts: Paragraphs;
  cards: readonly FitCard[];
}

export interface FitInput {
  /** The board's box in px. */
  width: number;
  height: number;
  /** The window's height: it sets the font floor (14 px at 720 px, 18 px at 1080 px). */
  viewportHeight: number;
  columns: readonly FitColumn[];
  /** Columns whose every card must be visible; empty means all. */
  active: readonly string[];
  /** Width of a space in em. */
  space: number;
  /** One column in focus: its prompts are shown too. */
  showPrompts?: boolean;
}

export interface CardFit {
  id: string;
  /** Lines of text drawn (the rest is cut with "…"). */
  lines: number;
  shortened: boolean;
  /** Only for inactive columns: false when the card is beyond what fits (counted in `hidden`). */
  visible: boolean;
}

export interface ColumnFit {
  id: string;
  active: boolean;
  /** Width in px (border box). */
  width: number;
  /** Font size in px of the column; everything inside is in em of it. */
  font: number;
  density: Density;
  subColumns: number;
  cards: CardFit[];
  /** Cards of an inactive column that did not fit. */
  hidden: number;
  /** Lines the question takes (0: no question shown). */
  questionLines: number;
}

export interface FitResult {
  /** Font size of the active column(s) in px. */
  font: number;
  floor: number;
  /** False when even the smallest layout could not show every active card (far beyond 120 cards). */
  fits: boolean;
  gap: number;
  columns: ColumnFit[];
}

/** The box model, in em of the column's font unless the name says px. Mirrored in projector.css. */
export const BOX = {
  lineHeight: 1.3,
  cardPadY: 0.3,
  cardPadYLine: 0.12,
  cardPadX: 0.45,
  cardBorderLeft: 0.3,
  cardBorderPx: 1,
  cardGap: 0.3,
  colPad: 0.4,
  colBorderPx: 2,
  stepScale: 0.75,
  titleScale: 1.15,
  questionScale: 0.95,
  promptScale: 0.9,
  promptIndent: 1.2,
  headerGap: 0.3,
  metaScale: 0.8,
  metaGap: 0.2,
  wwwScale: 0.9,
  wwwGap: 0.2,
  subGap: 0.5,
  moreScale: 0.85,
} as const;

/** A full card shows at most this many lines; longer text is cut with "…" (whole when focused). */
export const MAX_FULL_LINES = 6;
export const MAX_COMPACT_LINES = 2;
/** Narrowest sub-column in em per density: a 14-letter word must fit on a line of full and compact cards. */
const MIN_SUB_EM: Record<Density, number> = { full: 11, compact: 10, line: 7.5 };
/**
 * What a layout is worth: font size × density × how much of the text is on the screen. A full card
 * at 20 px beats one line at 24 px, and two readable lines beat ten letters and "…" at any size.
 */
const DENSITY_WORTH: Record<Density, number> = { full: 1, compact: 0.82, line: 0.62 };
const worthOf = (font: number, density: Density, coverage: number) =>
  font * DENSITY_WORTH[density] * (0.15 + 0.85 * coverage);
/** Largest font per density, × the floor: one word and "…" in big letters tells the room nothing. */
const DENSITY_MAX: Record<Density, number> = { full: 1.6, compact: 1.35, line: 1.15 };
/** Canvas widths and the browser's line breaking differ by a few percent; err on the side of fewer words per line. */
const WIDTH_SAFETY = 1.05;
const HEIGHT_SAFETY = 0.97;

/** The font floor of the active column: 14 px at 720 px high, 18 px from 1080 px, linear in between. */
export function fontFloor(viewportHeight: number): number {
  return Math.round(Math.min(18, Math.max(14, 14 + ((viewportHeight - 720) * 4) / 360)));
}

/** Compact lines of the other columns: smaller than the active text, never below 12 px. */
export function inactiveFont(activeFont: number, floor: number): number {
  return Math.max(12, Math.round(Math.min(floor * 0.8, activeFont * 0.75)));
}

/** Lines of text when wrapped between words at `width` em; a word longer than a line breaks inside. */
export function wrapLines(paras: Paragraphs, space: number, width: number): number {
  const w = width / WIDTH_SAFETY;
  if (w <= 0) return Infinity;
  let lines = 0;
  for (const words of paras) {
    let n = 1;
    let x = 0;
    for (const word of words) {
      if (word > w) {
        if (x > 0) n++;
        const pieces = Math.ceil(word / w);
        n += pieces - 1;
        x = word - (pieces - 1) * w;
        continue;
      }
      const need = x === 0 ? word : x + space + word;
      if (need <= w) x = need;
      else {
        n++;
        x = word;
      }
    }
    lines += n;
  }
  return Math.max(lines, 1);
}

const lineWidths = new WeakMap<Paragraphs, { space: number; width: number }>();

/** Width of the paragraphs set on one line (for one-line cards and labels that never wrap). */
export function lineWidth(paras: Paragraphs, space: number): number {
  const known = lineWidths.get(paras);
  if (known && known.space === space) return known.width;
  let total = 0;
  let count = 0;
  for (const words of paras)
    for (const word of words) {
      total += word;
      count++;
    }
  const width = (total + Math.max(0, count - 1) * space) * WIDTH_SAFETY;
  lineWidths.set(paras, { space, width });
  return width;
}

interface CardBox {
  height: number;
  lines: number;
  shortened: boolean;
  /** Share of the text that is on the screen (0–1). */
  coverage: number;
}

/** Height in em of one card at a density, with the sub-column `subEm` em wide. */
function cardBox(card: FitCard, density: Density, subEm: number, font: number, space: number): CardBox {
  const border = (2 * BOX.cardBorderPx) / font;
  const textW = subEm - 2 * BOX.cardPadX - BOX.cardBorderLeft - (2 * BOX.cardBorderPx) / font;
  const L = BOX.lineHeight;
  if (density === 'line') {
    const full = lineWidth(card.text, space);
    return {
      height: 2 * BOX.cardPadYLine + L + border,
      lines: 1,
      shortened: full > textW,
      coverage: Math.min(1, textW / Math.max(full, 1e-6)),
    };
  }
  const all = wrapLines(card.text, space, textW);
  const max = density === 'full' ? MAX_FULL_LINES : MAX_COMPACT_LINES;
  const lines = Math.min(all, max);
  let height = 2 * BOX.cardPadY + lines * L + border;
  if (density === 'full') {
    if (card.www.length > 0) {
      height += BOX.wwwGap;
      for (const field of card.www) height += BOX.wwwScale * L * wrapLines([field], space, textW / BOX.wwwScale);
    }
    height += BOX.metaGap + BOX.metaScale * L;
  } else if (card.www.length > 0) {
    height += BOX.wwwGap + BOX.wwwScale * L;
  }
  return { height, lines, shortened: all > lines, coverage: lines / all };
}

interface ColumnBox {
  headerEm: number;
  innerEm: number;
  availEm: number;
  questionLines: number;
}

function columnBox(
  col: FitColumn,
  width: number,
  height: number,
  font: number,
  withQuestion: boolean,
  withPrompts: boolean,
  space: number,
): ColumnBox {
  const L = BOX.lineHeight;
  const innerEm = (width - 2 * BOX.colBorderPx) / font - 2 * BOX.colPad;
  let headerEm = BOX.stepScale * L + BOX.titleScale * L * wrapLines(col.title, space, innerEm / BOX.titleScale);
  let questionLines = 0;
  if (withQuestion && col.question.length > 0) {
    questionLines = wrapLines(col.question, space, innerEm / BOX.questionScale);
    headerEm += BOX.headerGap + BOX.questionScale * L * questionLines;
  }
  if (withPrompts) {
    for (const p of col.prompts)
      headerEm += BOX.promptScale * L * wrapLines([p], space, (innerEm - BOX.promptIndent) / BOX.promptScale);
    if (col.prompts.length > 0) headerEm += BOX.headerGap;
  }
  headerEm += BOX.headerGap;
  const availEm = (height * HEIGHT_SAFETY - 2 * BOX.colBorderPx) / font - 2 * BOX.colPad - headerEm;
  return { headerEm, innerEm, availEm, questionLines };
}

/**
 * Place the cards top to bottom, then the next sub-column (what CSS multi-column with
 * `column-fill: auto` does). Returns the per-card boxes, or null when they need more than `subs`.
 */
function place(
  cards: readonly FitCard[],
  density: Density,
  subs: number,
  box: ColumnBox,
  font: number,
  space: number,
): CardBox[] | null {
  const subEm = (box.innerEm - (subs - 1) * BOX.subGap) / subs;
  if (subEm < MIN_SUB_EM[density]) return null;
  if (box.availEm <= 0) return cards.length === 0 ? [] : null;
  const out: CardBox[] = [];
  let sub = 1;
  let y = 0;
  for (const card of cards) {
    const b = cardBox(card, density, subEm, font, space);
    if (b.height > box.availEm) return null;
    if (y > 0 && y + b.height > box.availEm) {
      sub++;
      y = 0;
      if (sub > subs) return null;
    }
    y += b.height + BOX.cardGap;
    out.push(b);
  }
  return out;
}

interface ActiveChoice {
  density: Density;
  subColumns: number;
  boxes: CardBox[];
  box: ColumnBox;
}

/** The best way to show every card of an active column at this font and width, or null. */
function fitActive(
  col: FitColumn,
  width: number,
  height: number,
  font: number,
  floor: number,
  withPrompts: boolean,
  space: number,
): ActiveChoice | null {
  const box = columnBox(col, width, height, font, true, withPrompts, space);
  for (const density of DENSITIES) {
    if (font > Math.round(floor * DENSITY_MAX[density])) continue;
    const maxSubs = Math.max(1, Math.floor((box.innerEm + BOX.subGap) / (MIN_SUB_EM[density] + BOX.subGap)));
    for (let subs = 1; subs <= maxSubs; subs++) {
      const boxes = place(col.cards, density, subs, box, font, space);
      if (boxes) return { density, subColumns: subs, boxes, box };
    }
  }
  return null;
}

/** An inactive column: one-line cards at its small font, as many as fit, the rest counted. */
function fitInactive(col: FitColumn, width: number, height: number, font: number, space: number): ColumnFit {
  const box = columnBox(col, width, height, font, false, false, space);
  const subEm = box.innerEm;
  const L = BOX.lineHeight;
  const cards: CardFit[] = [];
  let y = 0;
  let hidden = 0;
  const moreEm = BOX.moreScale * L + BOX.cardGap;
  col.cards.forEach((card, i) => {
    const b = cardBox(card, 'line', subEm, font, space);
    const isLast = i === col.cards.length - 1;
    const room = box.availEm - (isLast ? 0 : moreEm);
    const fits = hidden === 0 && y + b.height <= room;
    if (fits) y += b.height + BOX.cardGap;
    else hidden++;
    cards.push({ id: card.id, lines: 1, shortened: b.shortened, visible: fits });
  });
  return { id: col.id, active: false, width, font, density: 'line', subColumns: 1, cards, hidden, questionLines: 0 };
}

/** Narrowest an inactive column may be: its longest title word and "Stap n" must fit. */
function minInactiveWidth(cols: readonly FitColumn[], font: number, space: number): number {
  let em = 6;
  for (const c of cols) {
    em = Math.max(em, lineWidth(c.step, space) * BOX.stepScale);
    for (const p of c.title) for (const w of p) em = Math.max(em, w * BOX.titleScale * WIDTH_SAFETY);
  }
  return Math.ceil((em + 2 * BOX.colPad) * font + 2 * BOX.colBorderPx + 2);
}

/** Share the active width by how much each column has to show (square root: a full column gets more, not all). */
function shareWidths(
  cols: readonly FitColumn[],
  total: number,
  height: number,
  font: number,
  space: number,
  withPrompts: boolean,
): number[] {
  if (cols.length === 1) return [total];
  const even = total / cols.length;
  const weights = cols.map((c) => {
    const box = columnBox(c, even, height, font, true, withPrompts, space);
    const subEm = box.innerEm;
    let need = 0;
    for (const card of c.cards) need += cardBox(card, 'full', subEm, font, space).height + BOX.cardGap;
    return Math.sqrt(Math.max(1, need / Math.max(1, box.availEm)));
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((total * w) / sum));
}

/** Every active column fitted at `font`, with inactive columns `inactiveWidth` px wide; null if one does not fit. */
function tryLayout(
  input: FitInput,
  font: number,
  floor: number,
  inactiveWidth: number,
  gap: number,
  even: boolean,
): { columns: ColumnFit[]; worth: number } | null {
  const { columns, space } = input;
  const activeSet = activeIds(input);
  const act = columns.filter((c) => activeSet.has(c.id));
  const rest = columns.filter((c) => !activeSet.has(c.id));
  const usable = input.width - gap * (columns.length - 1);
  const activeTotal = usable - rest.length * inactiveWidth;
  if (activeTotal <= 0) return null;
  const widths = even
    ? act.map(() => Math.floor(activeTotal / act.length))
    : shareWidths(act, activeTotal, input.height, font, space, !!input.showPrompts);
  // The active column(s) get the most room.
  if (rest.length > 0 && widths.some((w) => w < inactiveWidth * 1.2)) return null;
  const fitted = new Map<string, ColumnFit>();
  let worth = 0;
  for (let i = 0; i < act.length; i++) {
    const col = act[i];
    const choice = fitActive(col, widths[i], input.height, font, floor, !!input.showPrompts, space);
    if (!choice) return null;
    const coverage = choice.boxes.length ? choice.boxes.reduce((s, b) => s + b.coverage, 0) / choice.boxes.length : 1;
    worth += worthOf(font, choice.density, coverage);
    fitted.set(col.id, {
      id: col.id,
      active: true,
      width: widths[i],
      font,
      density: choice.density,
      subColumns: choice.subColumns,
      cards: col.cards.map((c, j) => ({
        id: c.id,
        lines: choice.boxes[j].lines,
        shortened: choice.boxes[j].shortened,
        visible: true,
      })),
      hidden: 0,
      questionLines: choice.box.questionLines,
    });
  }
  const small = inactiveFont(font, floor);
  for (const col of rest) fitted.set(col.id, fitInactive(col, inactiveWidth, input.height, small, space));
  return { columns: columns.map((c) => fitted.get(c.id)!), worth: worth / Math.max(1, act.length) };
}

function activeIds(input: FitInput): Set<string> {
  const ids = new Set(input.columns.map((c) => c.id));
  const active = input.active.filter((id) => ids.has(id));
  return new Set(active.length > 0 ? active : ids);
}

/**
 * The layout of the board. Tries font sizes from large to the floor, and for each a few widths for
 * the inactive columns; keeps the one whose active text is worth most (font × density). Below the
 * floor only when nothing else shows every active card, and `fits` is false when not even that does.
 */
export function fitLayout(input: FitInput): FitResult {
  const floor = fontFloor(input.viewportHeight);
  const top = Math.round(floor * 1.6);
  const gap = Math.round(floor * 0.5);
  const activeSet = activeIds(input);
  const rest = input.columns.filter((c) => !activeSet.has(c.id));
  const usable = input.width - gap * Math.max(0, input.columns.length - 1);
  const fractions = rest.length === 0 ? [0] : [0.16, 0.13, 0.11, 0.09, 0.075];

  // A holder, not a `let`: TypeScript cannot see the closure assign it.
  type Best = { columns: ColumnFit[]; worth: number; font: number };
  const found: { best: Best | null } = { best: null };
  /** Tries every width split at `font`; true when at least one shows every active card. */
  const attempt = (font: number): boolean => {
    const minInactive = rest.length ? minInactiveWidth(rest, inactiveFont(font, floor), input.space) : 0;
    const widths = [
      ...new Set(fractions.map((f) => (rest.length ? Math.max(minInactive, Math.floor(usable * f)) : 0))),
    ];
    let any = false;
    for (const w of widths) {
      // Active columns shared by what they hold, or evenly (better when they hold about the same).
      for (const even of activeSet.size > 1 ? [false, true] : [false]) {
        const layout = tryLayout(input, font, floor, w, gap, even);
        if (!layout) continue;
        any = true;
        // Ties go to the first (wider) inactive columns: the rest of the map stays readable.
        if (!found.best || layout.worth > found.best.worth) found.best = { ...layout, font };
      }
    }
    return any;
  };
  // A smaller font fits whatever a larger one fits: find the largest that fits by halving, then walk
  // down from there while a smaller font can still be worth more (worth is at most the font size).
  const MIN_FONT = 9;
  let largest = -1;
  if (attempt(top)) largest = top;
  else {
    let lo = MIN_FONT;
    let hi = top - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (attempt(mid)) {
        largest = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
  }
  // Below the floor only when nothing at or above it shows every card (hundreds of cards).
  const lowest = largest >= floor ? floor : MIN_FONT;
  // The search tried fonts below the floor too: choose again, only among allowed sizes.
  found.best = null as Best | null;
  for (let font = largest; largest > 0 && font >= lowest; font--) {
    if (found.best && font <= found.best.worth) break;
    attempt(font);
  }
  if (found.best) return { font: found.best.font, floor, fits: true, gap, columns: found.best.columns };
  return fallback(input, floor, gap);
}

/** Nothing fits: one-line cards at 9 px in even columns; what falls off the bottom is clipped. */
function fallback(input: FitInput, floor: number, gap: number): FitResult {
  const font = 9;
  const width = Math.floor(
    (input.width - gap * Math.max(0, input.columns.length - 1)) / Math.max(1, input.columns.length),
  );
  const columns = input.columns.map((col) => {
    const box = columnBox(col, width, input.height, font, true, false, input.space);
    const subs = Math.max(1, Math.floor((box.innerEm + BOX.subGap) / (MIN_SUB_EM.line + BOX.subGap)));
    const subEm = (box.innerEm - (subs - 1) * BOX.subGap) / subs;
    return {
      id: col.id,
      active: true,
      width,
      font,
      density: 'line' as const,
      subColumns: subs,
      cards: col.cards.map((c) => ({
        id: c.id,
        lines: 1,
        shortened: cardBox(c, 'line', subEm, font, input.space).shortened,
        visible: true,
      })),
      hidden: 0,
      questionLines: box.questionLines,
    };
  });
  return { font, floor, fits: false, gap, columns };
}

export interface CardFocusInput {
  width: number;
  height: number;
  viewportHeight: number;
  /** The card's text, then further blocks (who/what/when, arguments) with their scale. */
  blocks: readonly { paras: Paragraphs; scale: number }[];
  space: number;
}

/** Widest a focused card gets, in em: longer lines are hard to follow from the back of the room. */
export const CARD_FOCUS_MAX_EM = 34;

/**
 * One card in focus, shown whole: the largest font (up to 3× the floor) at which all of it fits,
 * the card at most `CARD_FOCUS_MAX_EM` wide. Below the floor only for very long cards.
 */
export function fitCard(input: CardFocusInput): { font: number; width: number; fits: boolean } {
  const floor = fontFloor(input.viewportHeight);
  const L = BOX.lineHeight;
  const heightAt = (font: number) => {
    const width = Math.min(input.width, CARD_FOCUS_MAX_EM * font);
    const textW = width / font - 2 * BOX.cardPadX - BOX.cardBorderLeft - (2 * BOX.cardBorderPx) / font;
    let h = 2 * BOX.cardPadY + (2 * BOX.cardBorderPx) / font + BOX.metaGap + BOX.metaScale * L;
    for (const b of input.blocks) h += b.scale * L * wrapLines(b.paras, input.space, textW / b.scale) + BOX.wwwGap;
    return { h: h * font, width };
  };
  for (let font = floor * 3; font >= 9; font--) {
    const { h, width } = heightAt(font);
    if (h <= input.height * HEIGHT_SAFETY) return { font, width, fits: true };
  }
  return { font: 9, width: heightAt(9).width, fits: false };
}
