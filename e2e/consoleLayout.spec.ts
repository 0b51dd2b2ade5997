import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../shared/api.js';
import type { ColumnId } from '../shared/columns.js';
import type { PartnerId } from '../shared/ids.js';
import { LOCAL_USER } from '../shared/origins.js';
import { partnerMapName } from '../shared/protocol.js';
import { setActiveColumns, setSessionPlan, setStage } from '../shared/session.js';
import { launchBrowser, newActor } from './support/browser.js';
import { recordFigure } from './support/figures.js';
import { expectLayout, layoutProblems, SCREENS, type LayoutRules } from './support/layoutChecks.js';
import { byTestId, eventually, JoinPage, MapPage } from './support/pages.js';
import { joinByApi } from './support/people.js';
import { createWorkshop, openAsFacilitator, seedCards, spread } from './support/seedMap.js';
import { E2EServer } from './support/server.js';
import { agreeFirstActions } from './support/trajectory.js';

/**
 * The facilitator's console at the sizes of a facilitator's laptop (ROOM.md: 1280–1920 wide, usable
 * at 1024): the map is the main area, the panel stands beside it, nothing breaks inside a word.
 * Screenshots go to test-output/screens/ (not in git): look at them.
 */

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1600, height: 900 },
  { width: 1920, height: 1080 },
] as const;

/** Partner names as municipalities write them: long enough to break a narrow layout. */
const LONG_PARTNERS = [
  'Gemeente Arnhem',
  'Wijkteam Arnhem-Noord',
  'Woningcorporatie Volkshuisvesting',
  'Bewonersvereniging Geitenkamp',
];

let browser: Browser;
let server: E2EServer;

beforeAll(async () => {
  fs.mkdirSync(SCREENS, { recursive: true });
  server = await new E2EServer().start();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Check = { problems: string[]; panel: string; map: string; columnWidth: number; tabPanelTop: number };

/** What only the console must hold: the panel beside the map, the board's columns wide enough to read. */
function inspectConsole(): Check {
  const problems: string[] = [];
  const map = document.querySelector('.console-map')!.getBoundingClientRect();
  const panel = document.querySelector('[data-testid="console.panel"]')!.getBoundingClientRect();
  if (panel.top > map.top + 1) problems.push(`panel starts ${Math.round(panel.top - map.top)} px below the map's top`);
  if (panel.left < map.right - 1) problems.push(`panel not beside the map (left ${Math.round(panel.left)})`);
  if (panel.bottom > window.innerHeight + 1 || map.bottom > window.innerHeight + 1)
    problems.push('the console is taller than the window (map and panel scroll inside it)');
  // The current step's column is in sight, however far the board scrolls sideways.
  for (const col of document.querySelectorAll('.console-map section.column[data-current-step]')) {
    const r = col.getBoundingClientRect();
    if (r.width > 0 && (r.left < map.left - 1 || r.right > map.right + 1))
      problems.push(`current step's column out of sight (${Math.round(r.left)}–${Math.round(r.right)} px)`);
  }
  // [U21] The chosen tab's tools start in the upper 65 % of the window (no timer set in these tests).
  // A folded panel shows no tab: nothing to check then.
  const folded = document.querySelector('[data-testid="console"][data-panel="collapsed"]') !== null;
  const tabPanel = document.querySelector('[data-testid="console.panel"] [role="tabpanel"]:not([hidden])');
  const tabPanelTop = tabPanel && !folded ? Math.round(tabPanel.getBoundingClientRect().top) : -1;
  if (!folded && tabPanelTop < 0) problems.push('no tab panel shown');
  else if (tabPanelTop > window.innerHeight * 0.65)
    problems.push(`the chosen tab's content starts at ${tabPanelTop} px, below 65 % of the window`);
  const widths = [...document.querySelectorAll('.console-map section.column')]
    .map((c) => c.getBoundingClientRect().width)
    .filter((w) => w > 0);
  return {
    problems,
    panel: `${Math.round(panel.left)},${Math.round(panel.top)} ${Math.round(panel.width)}×${Math.round(panel.height)}`,
    map: `${Math.round(map.width)}×${Math.round(map.height)}`,
    columnWidth: widths.length ? Math.round(Math.min(...widths)) : 0,
    tabPanelTop,
  };
}

/** ROOM.md's console rules, with the generic checks: labels ≥ 12 px, card text ≥ 14 px, targets ≥ 24 px. */
const RULES: LayoutRules = {
  root: '[data-testid="console"]',
  minTarget: 24,
  fontFloors: [
    { selector: '[data-testid="console"] *', px: 12 },
    { selector: '.card-text', px: 14 },
  ],
};

async function consolePage(created: CreateWorkshopResponse, size: { width: number; height: number }) {
  const context: BrowserContext = await browser.newContext({ baseURL: server.url, viewport: size });
  const page: Page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(created.facilitatorPath);
  await byTestId(page, 'console').waitFor();
  await page.locator('[data-testid="connection.state"][data-state="connected"]').first().waitFor({ state: 'attached' });
  return { context, page };
}

/** Checks one screen; what is wrong goes into `failures`, so one run reports every size. */
async function expectBreathes(page: Page, label: string, screenshot: string, failures: string[]): Promise<Check> {
  let last: Check = { problems: ['not checked'], panel: '', map: '', columnWidth: 0, tabPanelTop: -1 };
  // Polled: the layout settles after the documents sync and the fonts load.
  await eventually(async () => {
    const own = await page.evaluate(inspectConsole);
    const generic = await layoutProblems(page, RULES);
    last = { ...own, problems: [...own.problems, ...generic.problems] };
    return last.problems.length === 0;
  }, label).catch(() => undefined);
  await page.screenshot({ path: path.join(SCREENS, screenshot) });
  console.info(
    `${label}: panel ${last.panel}, map ${last.map}, narrowest column ${last.columnWidth} px, tab content at ${last.tabPanelTop} px`,
  );
  recordFigure('console-figures.json', label, {
    panel: last.panel,
    map: last.map,
    narrowestColumn: last.columnWidth,
    tabPanelTop: last.tabPanelTop,
    // The map's header (title, presence, step bar) above the board: what the board loses in height.
    mapHeaderHeight: await page.evaluate(() => {
      const header = document.querySelector('.console-map [data-testid="map.header"]');
      return header ? Math.round(header.getBoundingClientRect().height) : null;
    }),
    // Where the columns start, from the top of the map area: header and the bar above the board.
    boardTop: await page.evaluate(() => {
      const map = document.querySelector('.console-map');
      const board = map?.querySelector('.board');
      return map && board ? Math.round(board.getBoundingClientRect().top - map.getBoundingClientRect().top) : null;
    }),
    screenshot,
  });
  if (last.problems.length) failures.push(`${label}: ${last.problems.slice(0, 12).join('; ')}`);
  return last;
}

const total = (counts: Record<ColumnId, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

async function jointWorkshop(n: number) {
  const { created, info } = await createWorkshop(server.url, `Partnerschap Wijk Noord: ${n} kaarten`, {
    partners: LONG_PARTNERS,
  });
  const session = await openAsFacilitator(server.url, created, 'session');
  setSessionPlan(session.doc, { mode: 'separate' }, LOCAL_USER);
  setActiveColumns(session.doc, ['values'], LOCAL_USER);
  const counts = spread(n, ['values'], 0.6);
  const seeded = await seedCards(server.url, created, info, counts);
  return { created, info, counts, close: () => (session.close(), seeded.close()) };
}

/** Five window sizes per test on a shared two-core machine: give them room. */
const SLOW = 300_000;

describe('the console breathes', () => {
  for (const n of [0, 7, 30, 65, 120]) {
    it(
      `[U15][U16][U21] joint map, ${n} cards: panel beside the map, its tools in sight, no overflow, no word broken, targets ≥ 24 px`,
      async () => {
        const w = await jointWorkshop(n);
        const failures: string[] = [];
        try {
          for (const size of SIZES) {
            const { context, page } = await consolePage(w.created, size);
            try {
              await eventually(
                async () => (await page.locator('[data-testid="card"]').count()) === total(w.counts),
                `${total(w.counts)} cards in the console`,
              );
              const label = `joint ${n} at ${size.width}×${size.height}`;
              const shot = `console-joint-${n}-${size.width}x${size.height}.png`;
              await expectBreathes(page, label, shot, failures);
            } finally {
              await context.close();
            }
          }
        } finally {
          w.close();
        }
        expect(failures).toEqual([]);
      },
      SLOW,
    );
  }

  it(
    '[U15][U16] partners first, mixed stage: the joint map beside the comparison stays readable, the map choice one row from 1280 px',
    async () => {
      const { created, info } = await createWorkshop(server.url, 'Partnerschap Wijk Noord: eerst per partner', {
        flow: 'partners-first',
        partners: LONG_PARTNERS,
      });
      const closers: (() => void)[] = [];
      const failures: string[] = [];
      try {
        const session = await openAsFacilitator(server.url, created, 'session');
        closers.push(session.close);
        setSessionPlan(session.doc, { mode: 'separate' }, LOCAL_USER);
        setActiveColumns(session.doc, ['values'], LOCAL_USER);
        let seed = 2;
        for (const partner of info.partners) {
          const s = await seedCards(
            server.url,
            created,
            info,
            spread(12, ['values'], 0.5),
            seed++,
            partnerMapName(partner.id as PartnerId),
          );
          closers.push(s.close);
        }
        setStage(session.doc, 'heterogeneous', LOCAL_USER);
        const joint = await seedCards(server.url, created, info, spread(30, ['values'], 0.4), 9);
        closers.push(joint.close);
        for (const size of SIZES) {
          const { context, page } = await consolePage(created, size);
          try {
            await page.locator('[data-testid="console.mapArea"][data-view="compare"]').waitFor();
            await eventually(
              async () => (await page.locator('.mixed-pane-joint [data-testid="card"]').count()) === 30,
              '30 cards on the joint map',
            );
            const label = `mixed stage at ${size.width}×${size.height}`;
            const shot = `console-mixed-${size.width}x${size.height}.png`;
            let check = await expectBreathes(page, label, shot, failures);
            // Too narrow for both side by side (compare.css, 1500 px): the comparison stands alone and the
            // map bar's "Gezamenlijke kaart" shows the joint map; check that view too.
            const jointShown = await page.locator('.mixed-pane-joint').isVisible();
            if (!jointShown) {
              expect(await byTestId(page, 'compare.pane.joint').isVisible()).toBe(false);
              await byTestId(page, 'console.map.joint').click();
              await page.locator('[data-testid="console.mapArea"][data-view="joint"]').waitFor();
              const shot = `console-mixed-joint-${size.width}x${size.height}.png`;
              check = await expectBreathes(page, `${label}, joint map tab`, shot, failures);
            }
            if (check.columnWidth < 170) failures.push(`${label}: joint map columns ${check.columnWidth} px wide`);
            // From 1280 px the map choice is one row: the board does not lose a second row to it.
            const rows = await page
              .locator('.console-map .map-choice button')
              .evaluateAll((bs) => new Set(bs.map((b) => Math.round(b.getBoundingClientRect().top))).size);
            if (size.width >= 1280 && rows > 1) failures.push(`${label}: the map choice takes ${rows} rows`);
          } finally {
            await context.close();
          }
        }
      } finally {
        for (const close of closers) close();
      }
      expect(failures).toEqual([]);
    },
    SLOW,
  );
});

/**
 * The panel's own rules, for every tab: nothing in it sticks out sideways. The panel scrolls, so a table
 * wider than the panel was cut off without any scrollbar of the page (the sign-off table of "Waarden en
 * akkoord"); a wide table inside its own scroll box is meant and passes.
 */
const PANEL_RULES: LayoutRules = {
  root: '[data-testid="console.panel"]',
  contained: true,
  minTarget: 24,
  fontFloors: [{ selector: '*', px: 12 }],
};

describe('every tab of the panel', () => {
  it(
    '[U15][U16] at 1024×768 and 1920×1080, with links, agreed actions and representatives: nothing sticks out of the panel, no word broken, targets ≥ 24 px',
    async () => {
      const w = await jointWorkshop(30);
      await agreeFirstActions(server.url, w.created);
      for (const [i, name] of ['Anna', 'Bram', 'Carla de Vries-Hoogendoorn'].entries())
        await joinByApi(server.url, w.info, name, i + 1);
      const failures: string[] = [];
      try {
        for (const size of [SIZES[0], SIZES[4]]) {
          const { context, page } = await consolePage(w.created, size);
          try {
            await eventually(
              async () => (await page.locator('[data-testid="card"]').count()) === total(w.counts) + 4,
              'every card in the console',
            );
            const tabs = await page
              .locator('[data-testid^="console.tab."]')
              .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('console.tab.'.length)));
            expect(tabs).toEqual(expect.arrayContaining(['links', 'rounds', 'trajectory', 'agreement']));
            for (const tab of tabs) {
              await byTestId(page, `console.tab.${tab}`).click();
              const label = `tab ${tab} at ${size.width}×${size.height}`;
              let last: string[] = [];
              await eventually(async () => {
                last = (await layoutProblems(page, PANEL_RULES)).problems;
                return last.length === 0;
              }, label).catch(() => failures.push(`${label}: ${last.slice(0, 8).join('; ')}`));
              if (tab === 'links') {
                await byTestId(page, 'console.signoff').scrollIntoViewIfNeeded();
                await page.screenshot({
                  path: path.join(SCREENS, `console-tab-links-${size.width}x${size.height}.png`),
                });
              }
            }
          } finally {
            await context.close();
          }
        }
      } finally {
        w.close();
      }
      expect(failures).toEqual([]);
    },
    SLOW,
  );
});

describe('the console at a small laptop', () => {
  it('[U17] the panel folds to a rail beside the map, and stays folded after a reload', async () => {
    const w = await jointWorkshop(7);
    const { context, page } = await consolePage(w.created, { width: 1024, height: 768 });
    try {
      const width = (sel: string) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().width);
      const toggle = byTestId(page, 'console.panelToggle');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const mapOpen = await width('.console-map');
      await toggle.click();
      await eventually(async () => (await width('[data-testid="console.panel"]')) < 64, 'panel folded to a rail');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await width('.console-map')).toBeGreaterThan(mapOpen + 250);
      // Folded, the whole board fits beside the rail, still with nothing broken.
      await expectLayout(page, RULES, 'folded at 1024×768', 'console-folded-1024x768.png');
      expect(await page.evaluate(inspectConsole)).toMatchObject({ problems: [] });
      const sideways = await page.locator('.console-map .map-main').evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(sideways).toBeLessThanOrEqual(0);
      // Remembered in this browser: a reload opens it folded.
      await page.reload();
      await byTestId(page, 'console').waitFor();
      await page.locator('[data-testid="console"][data-panel="collapsed"]').waitFor();
      await byTestId(page, 'console.panelToggle').click();
      await page.locator('[data-testid="console"][data-panel="open"]').waitFor();
      expect(await byTestId(page, 'console.tab.steps').isVisible()).toBe(true);
    } finally {
      await context.close();
      w.close();
    }
  });
});

describe('from the keyboard to a new card', () => {
  /** The key presses a person makes; the test asserts how few it takes. */
  async function editorIn(page: Page, column: ColumnId): Promise<boolean> {
    return page.evaluate(
      (c) => !!document.activeElement?.closest(`[data-testid="column.${c}"] [data-testid="card.editor"]`),
      column,
    );
  }

  it('[U18] console: Alt+N opens a new card in the current step in one key press, shown on its button', async () => {
    const w = await jointWorkshop(7);
    const { context, page } = await consolePage(w.created, { width: 1280, height: 720 });
    try {
      const values = page.locator('[data-testid="column.values"]');
      await eventually(async () => (await values.locator('[data-testid="card"]').count()) === w.counts.values, 'cards');
      // The shortcut is shown on the add button of the current step only, and told to assistive technology.
      const add = byTestId(values, 'column.values.add');
      expect(await add.getAttribute('aria-keyshortcuts')).toBe('Alt+N');
      expect(await byTestId(values, 'column.addShortcut').innerText()).toBe('Alt+N');
      expect(await page.locator('[data-testid="column.addShortcut"]').count()).toBe(1);
      await page.keyboard.press('Alt+KeyN');
      await eventually(() => editorIn(page, 'values'), 'the new card editor has the focus');
      expect(await values.locator('[data-testid="card"]').count()).toBe(w.counts.values + 1);
      // Typing goes straight into the new card.
      await page.keyboard.type('Samen sterker');
      await page.keyboard.press('Escape');
      await eventually(
        async () => (await values.locator('[data-testid="card.text"]').allInnerTexts()).includes('Samen sterker'),
        'the text is on the card',
      );
    } finally {
      await context.close();
      w.close();
    }
  });

  it('[U18] participant map: Tab, Enter, Enter from a fresh page reach the new card editor past every card', async () => {
    const w = await jointWorkshop(7);
    const { context, page } = await newActor(browser, server.url, { width: 1280, height: 720 });
    try {
      await new JoinPage(page).join(w.created.participantPath, 'Fatima', LONG_PARTNERS[1]);
      await page.reload();
      await new MapPage(page).waitUntilConnected();
      const values = page.locator('[data-testid="column.values"]');
      await eventually(async () => (await values.locator('[data-testid="card"]').count()) === w.counts.values, 'cards');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('map.skipToAdd');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await eventually(() => editorIn(page, 'values'), 'the new card editor has the focus');
      expect(await values.locator('[data-testid="card"]').count()).toBe(w.counts.values + 1);
    } finally {
      await context.close();
      w.close();
    }
  });
});
