import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../shared/api.js';
import type { ColumnId } from '../shared/columns.js';
import type { PartnerId } from '../shared/ids.js';
import { LOCAL_USER } from '../shared/origins.js';
import { partnerMapName } from '../shared/protocol.js';
import { setActiveColumns, setSessionPlan, setStage } from '../shared/session.js';
import { launchBrowser } from './support/browser.js';
import { byTestId, eventually } from './support/pages.js';
import { createWorkshop, openAsFacilitator, seedCards, spread } from './support/seedMap.js';
import { E2EServer } from './support/server.js';

/**
 * The facilitator's console at the sizes of a facilitator's laptop (ROOM.md: 1280–1920 wide, usable
 * at 1024): the map is the main area, the panel stands beside it, nothing breaks inside a word.
 * Screenshots go to test-output/screens/ (not in git): look at them.
 */

const SCREENS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-output', 'screens');
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

type Check = { problems: string[]; panel: string; map: string; columnWidth: number };

/** Runs in the page (sent as a string-compiled function: plain JavaScript only). */
function inspect(): Check {
  const problems: string[] = [];
  const vw = window.innerWidth;
  const root = document.documentElement;
  if (root.scrollWidth > vw) problems.push(`horizontal overflow: ${root.scrollWidth} px in ${vw} px`);
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    return (
      r.width > 0 && r.height > 0 && !el.closest('[hidden], .sr-only') && getComputedStyle(el).visibility !== 'hidden'
    );
  };
  // The panel beside the map, never below it.
  const map = document.querySelector('.console-map')!.getBoundingClientRect();
  const panel = document.querySelector('[data-testid="console.panel"]')!.getBoundingClientRect();
  if (panel.top > map.top + 1) problems.push(`panel starts ${Math.round(panel.top - map.top)} px below the map's top`);
  if (panel.left < map.left + 100) problems.push(`panel not beside the map (left ${Math.round(panel.left)})`);
  // Columns of the board wide enough to read.
  const widths = [...document.querySelectorAll('.console-map [data-testid^="column."]')]
    .filter((c) => /^column\.[a-z]+$/.test(c.getAttribute('data-testid') ?? '') && visible(c))
    .map((c) => c.getBoundingClientRect().width);
  const columnWidth = widths.length ? Math.round(Math.min(...widths)) : 0;
  // Text above its floor; targets at least 24 × 24 px (WCAG 2.5.8).
  const scope = document.querySelector('[data-testid="console"]')!;
  for (const el of scope.querySelectorAll<HTMLElement>('button, select, input, summary, [role="tab"], a.button')) {
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 23.5 || r.height < 23.5)
      problems.push(
        `target "${(el.textContent || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)} px`,
      );
  }
  // No ordinary word (2–14 letters) over two lines; every text at least 12 px.
  const range = document.createRange();
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const el = node.parentElement;
    if (!el || !node.data.trim() || !visible(el)) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 12) problems.push(`"${node.data.trim().slice(0, 20)}" at ${size} px`);
    // A line may end after a hyphen ("Arnhem-|Noord"): that is a break between words.
    const words = /[^\s\-‐/]+/g;
    for (let m = words.exec(node.data); m; m = words.exec(node.data)) {
      const word = m[0].replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (word.length < 2 || word.length > 14) continue;
      const start = m.index + m[0].indexOf(word);
      range.setStart(node, start);
      range.setEnd(node, start + word.length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) problems.push(`"${word}" broken over ${tops.size} lines`);
    }
  }
  return {
    problems: [...new Set(problems)],
    panel: `${Math.round(panel.left)},${Math.round(panel.top)} ${Math.round(panel.width)}×${Math.round(panel.height)}`,
    map: `${Math.round(map.width)}×${Math.round(map.height)}`,
    columnWidth,
  };
}

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
  let last: Check = { problems: ['not checked'], panel: '', map: '', columnWidth: 0 };
  // Polled: the layout settles after the documents sync and the fonts load.
  await eventually(async () => {
    last = await page.evaluate(inspect);
    return last.problems.length === 0;
  }, label).catch(() => undefined);
  await page.screenshot({ path: screenshot });
  console.info(`${label}: panel ${last.panel}, map ${last.map}, narrowest column ${last.columnWidth} px`);
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

describe('the console breathes', () => {
  for (const n of [0, 7, 30, 65, 120]) {
    it(`[U15][U16] joint map, ${n} cards: panel beside the map, no overflow, no word broken, targets ≥ 24 px`, async () => {
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
            const shot = path.join(SCREENS, `console-joint-${n}-${size.width}x${size.height}.png`);
            await expectBreathes(page, label, shot, failures);
          } finally {
            await context.close();
          }
        }
      } finally {
        w.close();
      }
      expect(failures).toEqual([]);
    });
  }

  it('[U15][U16] partners first, mixed stage: the joint map beside the comparison stays readable', async () => {
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
          const shot = path.join(SCREENS, `console-mixed-${size.width}x${size.height}.png`);
          let check = await expectBreathes(page, label, shot, failures);
          // Too narrow for both side by side: the comparison and the joint map are tabs; check the map too.
          const jointTab = byTestId(page, 'compare.pane.joint');
          if (await jointTab.isVisible()) {
            await jointTab.click();
            const shot = path.join(SCREENS, `console-mixed-joint-${size.width}x${size.height}.png`);
            check = await expectBreathes(page, `${label}, joint map tab`, shot, failures);
          }
          if (check.columnWidth < 176) failures.push(`${label}: joint map columns ${check.columnWidth} px wide`);
        } finally {
          await context.close();
        }
      }
    } finally {
      for (const close of closers) close();
    }
    expect(failures).toEqual([]);
  });
});
