import type { Page } from 'playwright-core';

/**
 * What a phone shows, measured the way a person sees it: which step's column is on screen (a phone
 * shows one at a time, [U1]), and how much of the screen the map's header takes ([U9]).
 */

/** The ids of the map columns drawn on the page now (hidden panes and tabs excluded). */
export function shownColumns(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid^="column."][id^="column-"]')]
      .filter((c) => c.offsetParent !== null)
      .map((c) => c.id.replace('column-', '')),
  );
}

/** True when the page shows exactly this one column. */
export async function showsOnly(page: Page, column: string): Promise<boolean> {
  return JSON.stringify(await shownColumns(page)) === JSON.stringify([column]);
}

/** The drawn map header's height in px (0.1 px), the one a person on this page sees. */
export function mapHeaderHeight(page: Page): Promise<number> {
  return page.evaluate(() => {
    const header = [...document.querySelectorAll('[data-testid="map.header"]')]
      .map((h) => h.getBoundingClientRect())
      .find((r) => r.height > 0);
    return header ? Math.round(header.height * 10) / 10 : 0;
  });
}

/** Is a card editor open on this page (someone typing: the phone must not be moved away then)? */
export async function isEditing(page: Page): Promise<boolean> {
  return (await page.locator('[data-testid="card.editor"]').count()) > 0;
}

/**
 * Is the step's title (the column's heading) in sight, below the sticky header and inside the
 * window? A phone moved to a new step must show where the step starts, not the end of its column.
 */
export function stepTitleInSight(page: Page, column: string): Promise<boolean> {
  return page.evaluate((id) => {
    const title = document.querySelector(`#column-${id} h2`)?.getBoundingClientRect();
    const header = [...document.querySelectorAll('[data-testid="map.header"]')]
      .map((h) => h.getBoundingClientRect())
      .find((r) => r.height > 0);
    if (!title || title.height === 0) return false;
    return title.top >= (header?.bottom ?? 0) - 1 && title.bottom <= window.innerHeight + 1;
  }, column);
}
