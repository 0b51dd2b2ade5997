import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newActor } from './support/browser.js';
import { eventually, JoinPage, MapPage, StartPage } from './support/pages.js';
import { E2EServer } from './support/server.js';

let browser: Browser;
let server: E2EServer;

beforeAll(async () => {
  server = await new E2EServer().start();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Press Tab until the focused element matches, as a keyboard user would (no clicks). */
async function tabTo(page: Page, testId: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return;
  }
  throw new Error(`could not reach ${testId} with Tab`);
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

describe('keyboard only', () => {
  it('[U3] a keyboard user adds a card, writes it and moves it to the next step and back up; another participant sees it', async () => {
    const setup = await newActor(browser, server.url);
    const start = new StartPage(setup.page);
    await start.open();
    const { participantUrl } = await start.createWorkshop('Toetsenbord', ['Gemeente', 'Welzijn']);

    const watcher = await newActor(browser, server.url);
    await new JoinPage(watcher.page).join(participantUrl, 'Kijker', 'Welzijn');
    const watcherMap = new MapPage(watcher.page);

    const kb = await newActor(browser, server.url);
    await new JoinPage(kb.page).join(participantUrl, 'Toets', 'Gemeente');
    const page = kb.page;

    // Reach "add a card" in step 1 with Tab, open it with Enter, type, leave the editor with Escape.
    await tabTo(page, 'column.values.add');
    await page.keyboard.press('Enter');
    await eventually(
      async () => (await page.evaluate(() => document.activeElement?.getAttribute('contenteditable'))) === 'true',
      'editor focused',
    );
    await page.keyboard.type('Iedereen doet mee');
    await page.keyboard.press('Escape');
    expect(await focusedTestId(page)).toBe('card');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-card-id'));
    expect(id).toBeTruthy();
    await eventually(
      async () => (await watcherMap.cardTextsIn('values')).includes('Iedereen doet mee'),
      'watcher sees the card',
    );

    // A second card, so that moving up has somewhere to go.
    await tabTo(page, 'column.values.add');
    await page.keyboard.press('Enter');
    await eventually(
      async () => (await page.evaluate(() => document.activeElement?.getAttribute('contenteditable'))) === 'true',
      'editor 2 focused',
    );
    await page.keyboard.type('Tweede kaart');
    await page.keyboard.press('Escape');

    // Alt+ArrowLeft moves to the column on the left: step 2 Relaties. Focus follows the card.
    const map = new MapPage(page);
    await map.card(id!).focus();
    await page.keyboard.press('Alt+ArrowLeft');
    await eventually(async () => (await map.columnOf(id!)) === 'column.relations', 'moved to step 2');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-card-id'))).toBe(id);
    await eventually(async () => (await watcherMap.columnOf(id!)) === 'column.relations', 'watcher sees the move');

    // And back to step 1 (Alt+ArrowRight), then Alt+ArrowDown puts it below the second card.
    await page.keyboard.press('Alt+ArrowRight');
    await eventually(async () => (await map.columnOf(id!)) === 'column.values', 'back in step 1');
    const order = async () =>
      await map.cards('values').evaluateAll((els) => els.map((e) => e.getAttribute('data-card-id')));
    const before = await order();
    await page.keyboard.press(before[0] === id ? 'Alt+ArrowDown' : 'Alt+ArrowUp');
    await eventually(async () => (await order()).indexOf(id!) !== before.indexOf(id!), 'moved within the column');
    await eventually(
      async () =>
        JSON.stringify(
          await watcherMap.cards('values').evaluateAll((els) => els.map((e) => e.getAttribute('data-card-id'))),
        ) === JSON.stringify(await order()),
      'watcher sees the same order',
    );

    await Promise.all([setup.context.close(), watcher.context.close(), kb.context.close()]);
  });
});
