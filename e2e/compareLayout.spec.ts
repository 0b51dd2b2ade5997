import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnId } from '../shared/columns.js';
import { partnerMapName } from '../shared/docName.js';
import type { PartnerId } from '../shared/ids.js';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { setFocus, setSessionPlan, setStage } from '../shared/session.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { expectLayout, ROOM_SIZES } from './support/layoutChecks.js';
import { byTestId, eventually, JoinPage } from './support/pages.js';
import { openAsFacilitator, spread } from './support/seedMap.js';
import { createPartnersFirstWorkshop, PARTNER_NAMES, seedPartnerMaps } from './support/seedPartners.js';
import { E2EServer } from './support/server.js';

/**
 * The comparison of partner maps at the sizes of a meeting room (ROOM.md): the facilitator's compare
 * view in the console and the projector's comparison and progress, for 2–4 partner maps of 7, 30 and
 * 65 cards with long Dutch compounds. Screenshots in test-output/screens/compare-*.png: look at them.
 */

const SIZES = [ROOM_SIZES.tablet, ROOM_SIZES.projector720, ROOM_SIZES.laptop, ROOM_SIZES.projector1080];
/** The projector's text floors (ROOM.md): 18 px on a 1080 px screen, 14 px below; compact lines 12 px. */
const projectorFloor = (height: number) => (height >= 1080 ? 18 : 14);

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

async function openPage(path: string, size: { width: number; height: number }, options: { axe?: boolean } = {}) {
  // Reduced motion: layouts are checked where they land. Only pages checked with axe bypass the CSP (to inject it).
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: size,
    reducedMotion: 'reduce',
    bypassCSP: options.axe ?? false,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(path);
  return { context, page };
}

const FIXTURES = [
  { partners: 2, cards: 7 },
  { partners: 3, cards: 30 },
  { partners: 4, cards: 65 },
] as const;

describe('the comparison reads at every size', () => {
  for (const f of FIXTURES) {
    it(`[C6][C7] ${f.partners} partner maps of ${f.cards} cards: compare view, projector comparison and progress without overflow, broken words or small text`, async () => {
      const { created, info } = await createPartnersFirstWorkshop(
        server.url,
        `Samen zorgen in de wijk: ${f.partners}×${f.cards}`,
        PARTNER_NAMES.slice(0, f.partners),
      );
      const counts = spread(f.cards, ['values'], 0.6);
      const seeded = await seedPartnerMaps(server.url, created, info, counts);
      const session = await openAsFacilitator(server.url, created, 'session');
      const contexts: BrowserContext[] = [];
      const name = `${f.partners}x${f.cards}`;
      try {
        setSessionPlan(session.doc, { mode: 'separate' }, LOCAL_USER);
        // The homogeneous stage first: the projector shows the progress per partner.
        const beamer = await openPage(created.projectorPath, SIZES[0]);
        contexts.push(beamer.context);
        await byTestId(beamer.page, 'projector.progress').waitFor();
        const firstTotal = byTestId(beamer.page, `projector.progress.${info.partners[0].id}.total`);
        await eventually(async () => (await firstTotal.innerText()).trim() === String(f.cards), 'progress counted');
        for (const size of SIZES) {
          await beamer.page.setViewportSize(size);
          await expectLayout(
            beamer.page,
            {
              root: '[data-testid="projector"]',
              fitHeight: true,
              fontFloors: [{ selector: '.projector-progress-table td', px: projectorFloor(size.height) }],
            },
            `progress ${name} at ${size.width}×${size.height}`,
            `compare-progress-${name}-${size.width}x${size.height}.png`,
          );
          await expectRowsInside(beamer.page, f.partners);
        }

        // The mixed session, step 1 in focus: the projector compares it, the console shows the compare view.
        setStage(session.doc, 'heterogeneous', LOCAL_USER);
        setFocus(session.doc, { kind: 'column', column: 'values' }, LOCAL_USER);
        await byTestId(beamer.page, 'projector.focus').and(beamer.page.locator('[data-kind="compare"]')).waitFor();
        await eventually(
          async () => (await beamer.page.locator('[data-testid="compare.card"]').count()) >= f.partners,
          'partner cards on the projector',
        );
        for (const size of SIZES) {
          await beamer.page.setViewportSize(size);
          const floor = projectorFloor(size.height);
          await expectLayout(
            beamer.page,
            {
              root: '[data-testid="projector"]',
              fitHeight: true,
              fontFloors: [
                { selector: '.compare-card-text', px: floor },
                { selector: '.compare-partner-title', px: floor },
                { selector: '.compare-card-meta', px: 12 },
              ],
            },
            `projector comparison ${name} at ${size.width}×${size.height}`,
            `compare-projector-${name}-${size.width}x${size.height}.png`,
          );
          await expectPartnerColumnsInside(beamer.page, f.partners);
        }

        const consolePage = await openPage(created.facilitatorPath, SIZES[0]);
        contexts.push(consolePage.context);
        const compare = byTestId(consolePage.page, 'compare');
        await compare.waitFor();
        await eventually(
          async () => (await compare.locator('[data-testid="compare.card"]').count()) === f.partners * counts.values,
          'every partner card of step 1 in the compare view',
        );
        for (const size of SIZES) {
          await consolePage.page.setViewportSize(size);
          await expectLayout(
            consolePage.page,
            {
              root: '[data-testid="compare"]',
              fontFloors: [
                { selector: '.compare-card-text', px: 14 },
                { selector: '.compare-card-meta', px: 12 },
              ],
              minTarget: 24,
            },
            `compare view ${name} at ${size.width}×${size.height}`,
            `compare-console-${name}-${size.width}x${size.height}.png`,
          );
          const widths = await partnerColumnWidths(compare);
          // Readable columns: every partner column at least 12 em of its own text wide.
          for (const w of widths) expect(w.width, `${w.id} at ${size.width}`).toBeGreaterThanOrEqual(12 * w.font);
          // From 1440 px on, every partner map stands side by side in one row.
          if (size.width >= 1440)
            expect(new Set(widths.map((w) => Math.round(w.top))).size, `one row at ${size.width}`).toBe(1);
          console.info(
            `compare ${name} @${size.width}: partner columns ${widths.map((w) => Math.round(w.width)).join(', ')} px`,
          );
        }
      } finally {
        for (const c of contexts) await c.close();
        session.close();
        seeded.close();
      }
    }, 300_000);
  }
});

/** Every partner row of the progress table lies inside the window. */
async function expectRowsInside(page: Page, partners: number) {
  const rows = await page.locator('[data-testid^="projector.progress."]').evaluateAll((els) =>
    els
      .filter((e) => e.tagName === 'TR')
      .map((e) => {
        const r = e.getBoundingClientRect();
        return r.bottom <= window.innerHeight + 0.5 && r.right <= window.innerWidth + 0.5;
      }),
  );
  expect(rows).toHaveLength(partners);
  expect(rows.every(Boolean)).toBe(true);
}

/** Every partner's column (its heading at least) is on the screen, side by side. */
async function expectPartnerColumnsInside(page: Page, partners: number) {
  const boxes = await page.locator('.compare-partner').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, vw: window.innerWidth, vh: window.innerHeight };
    }),
  );
  expect(boxes).toHaveLength(partners);
  for (const b of boxes) {
    expect(b.left).toBeGreaterThanOrEqual(-0.5);
    expect(b.right).toBeLessThanOrEqual(b.vw + 0.5);
    expect(b.top).toBeLessThan(b.vh);
  }
}

async function partnerColumnWidths(compare: Locator) {
  return compare.locator('.compare-partner').evaluateAll((els) =>
    els.map((e) => ({
      id: e.getAttribute('data-testid') ?? '',
      width: e.getBoundingClientRect().width,
      top: e.getBoundingClientRect().top,
      font: parseFloat(getComputedStyle(e.querySelector('.compare-card-text') ?? e).fontSize),
    })),
  );
}

const CAFE = 'een dementiecafé opzetten';
const WALK = 'een wandelclub voor mensen met dementie';
const RENT = 'huurachterstand voorkomen';

/** The group that holds a card with this text (not one that merely offers it in its join list). */
const groupWith = (page: Page, text: string) =>
  page.locator('[data-testid="compare.group"]', { has: page.locator('.compare-group-text', { hasText: text }) });

describe("the facilitator's corrections reach everyone", () => {
  it('[C4][C6][X4] the facilitator splits a pair and joins two cards, a participant sees it; the projector follows the compare step; focus is never under the sticky tabs', async () => {
    const { created, info } = await createPartnersFirstWorkshop(server.url, 'Samen zorgen', ['Gemeente', 'Zorg']);
    const [gemeente, zorg] = info.partners;
    const maps = await Promise.all(
      [gemeente, zorg].map((p) => openAsFacilitator(server.url, created, partnerMapName(p.id as PartnerId))),
    );
    const add = (i: number, text: string, column: ColumnId = 'values') =>
      createCard(
        maps[i].doc,
        { column, text, author: '', authorName: 'Test', partner: info.partners[i].id as PartnerId },
        LOCAL_USER,
      );
    add(0, CAFE);
    add(1, WALK);
    add(1, RENT);
    add(0, 'elke maand overleg met de huisartsen', 'relations');
    const session = await openAsFacilitator(server.url, created, 'session');
    const contexts: BrowserContext[] = [];
    try {
      setSessionPlan(session.doc, { mode: 'free', active: ['values'] }, LOCAL_USER);
      setStage(session.doc, 'heterogeneous', LOCAL_USER);
      const fac = await openPage(created.facilitatorPath, ROOM_SIZES.laptop, { axe: true });
      const beamer = await openPage(created.projectorPath, ROOM_SIZES.projector1080);
      // Wide enough for the joint map and the comparison side by side (the join waits for the map).
      const anna = await openPage('/', ROOM_SIZES.projector1080, { axe: true });
      contexts.push(fac.context, beamer.context, anna.context);
      await new JoinPage(anna.page).join(created.participantPath, 'Anna', 'Gemeente');

      // Café and walking club are grouped for both.
      // Polled with the suite's own wait (10 s): expect.poll gives up after 1 s, less than a sync
      // through the server takes on a busy machine.
      for (const page of [fac.page, anna.page])
        await eventually(async () => (await groupWith(page, CAFE).getAttribute('data-single')) === 'false', 'grouped');

      // "Niet hetzelfde": the facilitator splits the pair; Anna's screen shows two single cards.
      await groupWith(fac.page, CAFE).locator('li', { hasText: CAFE }).getByTestId('compare.split').click();
      await eventually(
        async () =>
          (await groupWith(anna.page, CAFE).getAttribute('data-single')) === 'true' &&
          (await groupWith(anna.page, WALK).getAttribute('data-single')) === 'true',
        'Anna sees the pair split',
      );

      // Join the café with the rent card, with a select and a button (no dragging).
      const cafe = groupWith(fac.page, CAFE);
      const option = await cafe
        .getByTestId('compare.join.select')
        .locator('option', { hasText: 'huurachterstand' })
        .getAttribute('value');
      await cafe.getByTestId('compare.join.select').selectOption(option!);
      await cafe.getByTestId('compare.join.button').click();
      await eventually(
        async () =>
          (await groupWith(anna.page, RENT).getAttribute('data-single')) === 'false' &&
          (await groupWith(anna.page, RENT).locator('.compare-group-text').allInnerTexts()).includes(CAFE),
        'Anna sees café and rent joined',
      );
      // [X4] The compare view with the facilitator's controls, and Anna's: no serious axe violations.
      expect(describeViolations(await seriousViolations(fac.page))).toEqual([]);
      expect(describeViolations(await seriousViolations(anna.page))).toEqual([]);
      // Anna has no way to split or join.
      expect(await anna.page.getByTestId('compare.split').count()).toBe(0);
      expect(await anna.page.getByTestId('compare.join.select').count()).toBe(0);

      // The projector shows the comparison of the step the facilitator picks in the compare view.
      await fac.page.getByTestId('compare.column.relations').click();
      await eventually(
        async () => (await byTestId(beamer.page, 'projector.focus').getAttribute('data-column')) === 'relations',
        'the projector on step 2',
      );
      await eventually(
        async () => (await beamer.page.getByTestId('compare.card').first().innerText()).includes('huisartsen'),
        "step 2's card on the projector",
      );
      await fac.page.getByTestId('compare.column.values').click();
      await eventually(
        async () => (await byTestId(beamer.page, 'projector.focus').getAttribute('data-column')) === 'values',
        'the projector back on step 1',
      );
      // …and the projector shows the corrected groups too.
      await eventually(
        async () => (await groupWith(beamer.page, RENT).getAttribute('data-single')) === 'false',
        'the corrected groups on the projector',
      );

      // [X4] On a phone the mixed session's tabs stay on top while scrolling: whatever gets focus by Tab
      // is scrolled clear of them (and of anything else sticky), never hidden underneath.
      await anna.page.setViewportSize(ROOM_SIZES.phone);
      await anna.page.getByTestId('compare.pane.compare').click();
      const tabs = anna.page.locator('.mixed-tabs');
      await tabs.waitFor();
      let checked = 0;
      for (let i = 0; i < 40; i++) {
        await anna.page.keyboard.press('Tab');
        const hidden = await anna.page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const r = el.getBoundingClientRect();
          for (const s of document.querySelectorAll<HTMLElement>('*')) {
            if (s.contains(el) || getComputedStyle(s).position !== 'sticky') continue;
            const b = s.getBoundingClientRect();
            const overlap = Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top);
            if (b.width > 0 && overlap > 0 && overlap >= r.height - 1 && r.left < b.right && r.right > b.left)
              return `${el.textContent?.trim().slice(0, 30) || el.tagName} under ${s.className}`;
          }
          return '';
        });
        if (hidden === null) continue;
        checked++;
        expect(hidden, `focus ${i}`).toBe('');
      }
      expect(checked).toBeGreaterThan(20);
    } finally {
      for (const c of contexts) await c.close();
      session.close();
      for (const m of maps) m.close();
    }
  }, 180_000);
});
