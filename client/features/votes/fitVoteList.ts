/**
 * [Q9] How a vote result fits the projector (ROOM.md: fitted, never scrolled): every ranked card is one
 * line (count, bar, text cut with "…"), in as many columns as the width allows, at the largest font
 * that lets them all fit. When even the floor font cannot hold them all, the top cards are shown and the
 * last cell says how many more there are ("en nog 12"), so nothing is ever cut off unsaid.
 */

export interface VoteListFit {
  /** Font of the lines, px. */
  font: number;
  columns: number;
  rows: number;
  /** How many ranked cards are shown (the first ones). */
  shown: number;
  /** How many are left out, told in the last line; 0 when all are shown. */
  more: number;
}

/** A line is this many ems high (line height and the gap between lines). */
export const LINE_EM = 1.5;
/** A column is at least this many ems wide: count, bar and some twenty letters of text. */
const MIN_COLUMN_EM = 24;
const COLUMN_GAP_EM = 1.5;
/** Largest font, × the floor: big enough to read from the back, small enough to keep lines long. */
const MAX_FONT_FACTOR = 1.6;

function grid(count: number, box: { width: number; height: number }, font: number) {
  const rows = Math.max(1, Math.floor(box.height / (font * LINE_EM)));
  const gap = COLUMN_GAP_EM * font;
  const maxColumns = Math.max(1, Math.floor((box.width + gap) / (MIN_COLUMN_EM * font + gap)));
  return { rows, maxColumns, needed: Math.ceil(count / rows) };
}

/** The fit of `count` ranked lines in a box (px), never below `floor` px. */
export function fitVoteList(count: number, box: { width: number; height: number }, floor: number): VoteListFit {
  if (count === 0) return { font: floor, columns: 1, rows: 1, shown: 0, more: 0 };
  for (let font = Math.round(floor * MAX_FONT_FACTOR); font >= floor; font--) {
    const { maxColumns, needed } = grid(count, box, font);
    if (needed <= maxColumns) {
      // Balanced: as few rows as these columns need, so the columns end level.
      return { font, columns: needed, rows: Math.ceil(count / needed), shown: count, more: 0 };
    }
  }
  const { rows, maxColumns } = grid(count, box, floor);
  const shown = Math.max(0, rows * maxColumns - 1);
  return { font: floor, columns: maxColumns, rows, shown, more: count - shown };
}
