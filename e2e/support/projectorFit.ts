import type { Page } from 'playwright-core';
import { layoutProblems } from './layoutChecks.js';
import { eventually } from './pages.js';

/**
 * The projector's own checks ([U4][U6]), on top of layoutChecks' generic ones: every card of the
 * active column(s) drawn inside the window and inside its column, its text at least the floor, and
 * text that is cut ends in a visible "…". Shared by the layout spec and the demo session story.
 */

/** What a person would object to, as sentences (empty when the screen is right), and what was measured. */
export interface ProjectorCheck {
  problems: string[];
  /** Cards in the active column(s) found on the wall. */
  activeCards: number;
  /** The active columns' font size the fit chose (px). */
  font: number;
  board: string;
  /** The page's height in px (≤ the window's when it fits). */
  documentHeight: number;
}

/** Runs in the page. Plain JavaScript: it is sent as a string-compiled function. */
function inspectProjector(floor: number): ProjectorCheck {
  const problems: string[] = [];
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const board = document.querySelector('[data-testid="projector.board"]');
  const font = Number(board?.getAttribute('data-font') ?? 0);
  let activeCards = 0;
  for (const col of document.querySelectorAll('[data-testid^="projector.column."][data-fit-active]')) {
    const c = col.getBoundingClientRect();
    for (const card of col.querySelectorAll<HTMLElement>('[data-testid="snapshot.card"]')) {
      activeCards++;
      const id = card.getAttribute('data-card-id');
      const r = card.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) problems.push(`active card ${id} is not drawn`);
      if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5)
        problems.push(`active card ${id} outside the window`);
      if (r.left < c.left - 0.5 || r.top < c.top - 0.5 || r.right > c.right + 0.5 || r.bottom > c.bottom + 0.5) {
        problems.push(`active card ${id} sticks out of its column (${Math.round(r.bottom - c.bottom)} px below)`);
      }
      const text = card.querySelector<HTMLElement>('.snap-card-text')!;
      const size = parseFloat(getComputedStyle(text).fontSize);
      if (size < floor) problems.push(`active card ${id} text ${size} px < ${floor} px`);
      // Text cut off must end in a visible "…": a line clamp or an ellipsis, never a silent cut.
      const cut = text.scrollHeight > text.clientHeight + 1 || text.scrollWidth > text.clientWidth + 1;
      const style = getComputedStyle(text);
      if (cut && style.webkitLineClamp === 'none' && style.textOverflow !== 'ellipsis')
        problems.push(`card ${id} is cut without "…"`);
    }
  }
  const b = board?.getBoundingClientRect();
  return {
    problems: [...new Set(problems)],
    activeCards,
    font,
    board: b ? `${Math.round(b.width)}×${Math.round(b.height)}` : 'none',
    documentHeight: document.documentElement.scrollHeight,
  };
}

/**
 * Polls until the projector passes with `expectedActive` active cards (the fit settles after the
 * documents sync), or fails with what is wrong; the screenshot is taken either way.
 */
export async function expectProjectorFits(
  page: Page,
  floor: number,
  expectedActive: number,
  label: string,
  screenshot?: string,
): Promise<ProjectorCheck> {
  let last: ProjectorCheck = { problems: ['not checked'], activeCards: 0, font: 0, board: '', documentHeight: 0 };
  try {
    await eventually(async () => {
      const own = await page.evaluate(inspectProjector, floor);
      const generic = await layoutProblems(page, { root: '[data-testid="projector"]', fitHeight: true });
      last = { ...own, problems: [...own.problems, ...generic.problems] };
      return last.problems.length === 0 && last.activeCards === expectedActive;
    }, label);
  } catch {
    if (screenshot) await page.screenshot({ path: screenshot });
    throw new Error(
      `${label}: ${last.activeCards}/${expectedActive} active cards, board ${last.board}, font ${last.font}; ${last.problems.slice(0, 12).join('; ')}`,
    );
  }
  if (screenshot) await page.screenshot({ path: screenshot });
  return last;
}
