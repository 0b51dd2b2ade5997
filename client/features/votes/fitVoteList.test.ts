import { describe, expect, it } from 'vitest';
import { fitVoteList, LINE_EM } from './fitVoteList.js';

/** The list's box on the projector at the sizes of ROOM.md (the section minus heading and padding). */
const BOX_1080 = { width: 1650, height: 820 };
const BOX_720 = { width: 1100, height: 520 };

const holds = (fit: ReturnType<typeof fitVoteList>, box: { width: number; height: number }) =>
  fit.rows * fit.font * LINE_EM <= box.height && fit.columns * 24 * fit.font <= box.width;

describe('a vote result fits the projector', () => {
  it('[Q9] a few cards: one column in big letters, all shown', () => {
    const fit = fitVoteList(5, BOX_1080, 18);
    expect(fit).toMatchObject({ columns: 1, rows: 5, shown: 5, more: 0 });
    expect(fit.font).toBeGreaterThan(18);
  });

  it('[Q9] forty cards: columns, every card shown, never below the floor', () => {
    for (const [box, floor] of [
      [BOX_1080, 18],
      [BOX_720, 14],
    ] as const) {
      const fit = fitVoteList(40, box, floor);
      expect(fit.shown).toBe(40);
      expect(fit.more).toBe(0);
      expect(fit.font).toBeGreaterThanOrEqual(floor);
      expect(fit.columns * fit.rows).toBeGreaterThanOrEqual(40);
      expect(holds(fit, box)).toBe(true);
    }
  });

  it('[Q9] more than fits at the floor: the top cards and one line "and M more", together exactly all', () => {
    const fit = fitVoteList(300, BOX_720, 14);
    expect(fit.font).toBe(14);
    expect(fit.more).toBeGreaterThan(0);
    expect(fit.shown + fit.more).toBe(300);
    // The "more" line takes the last cell: shown + 1 cells, all within the grid.
    expect(fit.shown + 1).toBe(fit.columns * fit.rows);
    expect(holds(fit, BOX_720)).toBe(true);
  });
});
