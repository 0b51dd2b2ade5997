import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse, WorkshopInfo } from '../shared/api.js';
import { COLUMN_IDS, type ColumnId } from '../shared/columns.js';
import { JOINT_MAP } from '../shared/protocol.js';
import { DEFAULTS } from '../server/config.js';
import { demoFileFor, type SampleWorkshop } from '../server/workshops/sampleWorkshop.js';
import { launchBrowser, newActor } from './support/browser.js';
import { recordFigure } from './support/figures.js';
import { ROOM_SIZES, SCREENS } from './support/layoutChecks.js';
import { byTestId, eventually, JoinPage, MapPage } from './support/pages.js';
import { isEditing, mapHeaderHeight, shownColumns, showsOnly, stepTitleInSight } from './support/phone.js';
import { expectProjectorFits, type ProjectorCheck } from './support/projectorFit.js';
import { seedCards } from './support/seedMap.js';
import { E2EServer } from './support/server.js';

/**
 * Issue 10's "done when", as a facilitator lives it: the product's own demo workshop (the one "Open
 * voorbeeldworkshop" makes on a fresh install) with Waarden grown to 65 cards, run as a guided session
 * from a 1280×800 laptop, with the wall at 1280×720 and two phones in the room. Every step is walked
 * with the console's buttons (1 → 5, one back, forward again); at each the wall must show every card
 * of the step without scrolling, and both phones must have moved along by themselves. Screenshots:
 * test-output/screens/demo-session-*.png; figures: test-output/demo-session-figures.json.
 */

const CONSOLE = { width: 1280, height: 800 };
const WALL = { ...ROOM_SIZES.projector720, floor: 14 };
const PHONES = [
  { ...ROOM_SIZES.phone, name: 'Noor van den Heuvel-Bakker' },
  { ...ROOM_SIZES.phoneSmall, name: 'Sem' },
] as const;
/** ROOM.md: a phone's header is at most 120 px high ([U9]). */
const HEADER_MAX = 120;
const WAARDEN = 65;
/** The card a phone adds in step 1: people write long compounds, and the wall has to carry them. */
const PHONE_CARD = 'Ervaringsdeskundigheid van mantelzorgers telt mee bij elk keukentafelgesprek';

/** Step number and a file-name word per column (the Dutch step names). */
const STEP: Record<ColumnId, { n: number; word: string }> = {
  values: { n: 1, word: 'waarden' },
  relations: { n: 2, word: 'relaties' },
  actions: { n: 3, word: 'handelen' },
  conditions: { n: 4, word: 'condities' },
  steps: { n: 5, word: 'acties' },
};

let browser: Browser;
let server: E2EServer;

beforeAll(async () => {
  fs.mkdirSync(SCREENS, { recursive: true });
  // An empty PKL_DEMO_FIXTURE is the default: the built-in demo, as on a fresh install.
  server = await new E2EServer({ PKL_DEMO_FIXTURE: '' }).start();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const demo = (): SampleWorkshop => JSON.parse(fs.readFileSync(demoFileFor(DEFAULTS.demoFixturePath, 'nl')!, 'utf8'));

/** The facilitator's click on "Open voorbeeldworkshop"; the links the server answered with. */
async function openDemo(page: Page): Promise<CreateWorkshopResponse> {
  await page.goto('/');
  await byTestId(page, 'lang.select').selectOption('nl');
  const answer = page.waitForResponse((r) => r.url().includes('/api/demo') && r.request().method() === 'POST');
  await byTestId(page, 'start.demo').click();
  const created = (await (await answer).json()) as CreateWorkshopResponse;
  await byTestId(page, 'console').waitFor();
  return created;
}

/** A console tab, by click. */
async function tab(page: Page, id: string) {
  await byTestId(page, `console.tab.${id}`).click();
}

interface StepFigures {
  step: string;
  projector: {
    documentHeight: number;
    viewportHeight: number;
    activeVisible: number;
    activeTotal: number;
    activeFontPx: number;
  };
  /** followedAfterMs: from the click until the test saw the phone on the step (an upper bound, polled). */
  phones: { size: string; headerHeight: number; followedAfterMs: number | null; screenshot: string }[];
  screenshot: string;
}

describe('the whole demo session on a 720p projector', () => {
  it('[U19][U4][U5][U9][U10][C7] the demo workshop with 65 cards in Waarden: every active card on the wall at every step, phones follow each change', async () => {
    const sample = demo();
    const fac = await newActor(browser, server.url, CONSOLE);
    const created = await openDemo(fac.page);
    const info = (await (await fetch(`${server.url}/api/workshops/${created.id}`)).json()) as WorkshopInfo;
    expect(info.flow).toBe('partners-first');

    // Waarden grows to 65 cards on the joint map: the demo's own, 63 written in (long compounds and
    // one card of about 600 characters among them), and one from a phone below.
    const inDemo = (column: ColumnId) => sample.jointMap.filter((c) => c.column === column).length;
    const counts = Object.fromEntries(COLUMN_IDS.map((c) => [c, 0])) as Record<ColumnId, number>;
    counts.values = WAARDEN - inDemo('values') - 1;
    const seeded = await seedCards(server.url, created, info, counts, 10, JOINT_MAP);
    seeded.close();
    const expected = Object.fromEntries(COLUMN_IDS.map((c) => [c, inDemo(c)])) as Record<ColumnId, number>;
    expected.values = WAARDEN;

    // The wall: the projector link, read-only, reduced motion so the fit is checked where it lands.
    const wallContext = await browser.newContext({ baseURL: server.url, viewport: WALL, reducedMotion: 'reduce' });
    const wall = await wallContext.newPage();
    wall.setDefaultTimeout(15_000);
    await wall.goto(created.projectorPath);
    await byTestId(wall, 'projector').waitFor();

    // Two phones join with the code on the wall. Partners first: each starts in its own partner map.
    const joinCode = created.joinCode;
    const phones = [];
    for (const [i, size] of PHONES.entries()) {
      const actor = await newActor(browser, server.url, { width: size.width, height: size.height });
      await new JoinPage(actor.page).joinByCode(joinCode, size.name, sample.partners[i].name);
      phones.push({ ...actor, size });
    }

    const figures: { steps: StepFigures[]; cards: Record<ColumnId, number> } = { steps: [], cards: expected };
    try {
      // The mixed session opens: the joint map with the comparison beside it ([C7] before: progress).
      await wall.locator('[data-testid="projector.focus"][data-kind="progress"]').waitFor();
      await tab(fac.page, 'partners');
      await byTestId(fac.page, 'partners.openMixed').click();
      await byTestId(fac.page, 'partners.openMixed.confirm').click();
      await fac.page.locator('[data-testid="partners.stage"][data-stage="heterogeneous"]').waitFor();
      // The wall shows the whole joint map ("Scherm" tab), not the comparison of one step.
      await tab(fac.page, 'screen');
      await byTestId(fac.page, 'console.focus.map').click();
      await byTestId(wall, 'projector.board').waitFor();
      // On a phone the mixed session has two tabs; people take "the joint map".
      for (const phone of phones) {
        await byTestId(phone.page, 'compare.pane.joint').click();
        await new MapPage(phone.page).waitUntilConnected();
      }

      // The guided session starts at step 1, one step at a time, by the console's buttons.
      await tab(fac.page, 'steps');
      await byTestId(fac.page, 'console.plan.mode').selectOption('separate');
      await byTestId(fac.page, 'console.plan.start').click();
      await byTestId(fac.page, 'console.nextStep').waitFor();

      // Someone adds the 65th card from a phone, a real client writing through the server.
      for (const phone of phones) await eventually(() => showsOnly(phone.page, 'values'), 'the phone is at step 1');
      await new MapPage(phones[0].page).addCard('values', PHONE_CARD);

      const walk: { column: ColumnId; click: 'start' | 'next' | 'back'; label: string }[] = [
        { column: 'values', click: 'start', label: 'step1-waarden' },
        { column: 'relations', click: 'next', label: 'step2-relaties' },
        { column: 'actions', click: 'next', label: 'step3-handelen' },
        { column: 'conditions', click: 'next', label: 'step4-condities' },
        { column: 'steps', click: 'next', label: 'step5-acties' },
        { column: 'conditions', click: 'back', label: 'step4-condities-back' },
        { column: 'steps', click: 'next', label: 'step5-acties-again' },
      ];
      for (const { column, click, label } of walk) {
        const before = await Promise.all(phones.map((p) => shownColumns(p.page)));
        // Nobody is typing on a phone: the step change may move them ([U10]).
        for (const phone of phones) expect(await isEditing(phone.page)).toBe(false);
        const clicked = Date.now();
        if (click === 'next') await byTestId(fac.page, 'console.nextStep').click();
        if (click === 'back') await byTestId(fac.page, 'console.prevStep').click();
        await eventually(
          async () => (await byTestId(fac.page, 'console.step.current').innerText()).includes(`${STEP[column].n}`),
          `the console says step ${STEP[column].n}`,
        );

        // Both phones moved along by themselves: nobody touched them since the last step.
        const phoneFigures: StepFigures['phones'] = [];
        for (const [i, phone] of phones.entries()) {
          if (click !== 'start') expect(before[i]).not.toEqual([column]);
          await eventually(() => showsOnly(phone.page, column), `${phone.size.width} px phone follows to ${label}`);
          const followedAfterMs = click === 'start' ? null : Date.now() - clicked;
          // Where the step starts, not the end of its column (one phone was scrolled down the last one).
          if (click !== 'start')
            await eventually(
              () => stepTitleInSight(phone.page, column),
              `the ${phone.size.width} px phone shows the title of ${label}`,
              3_000,
            );
          await eventually(
            async () =>
              (await byTestId(phone.page, `column.${column}`).locator('[data-testid="card"]').count()) ===
              expected[column],
            `${expected[column]} cards on the ${phone.size.width} px phone in ${label}`,
          );
          const headerHeight = await mapHeaderHeight(phone.page);
          expect(headerHeight, `${phone.size.width} px phone header at ${label}`).toBeLessThanOrEqual(HEADER_MAX);
          expect(headerHeight).toBeGreaterThan(0);
          const shot = `demo-session-${phone.size.width}-${label}.png`;
          await phone.page.screenshot({ path: path.join(SCREENS, shot) });
          phoneFigures.push({
            size: `${phone.size.width}x${phone.size.height}`,
            headerHeight,
            followedAfterMs,
            screenshot: shot,
          });
        }

        // The wall: the step's every card inside the window, text ≥ 14 px, nothing scrolls ([U4][U5]).
        await eventually(
          async () => (await byTestId(wall, 'projector.step').innerText()).includes(`${STEP[column].n}`),
          `the wall names step ${STEP[column].n}`,
        );
        const shot = `demo-session-720-${label}.png`;
        const check: ProjectorCheck = await expectProjectorFits(
          wall,
          WALL.floor,
          expected[column],
          `wall at ${label}`,
          path.join(SCREENS, shot),
        );
        const activeColumns = await wall
          .locator('[data-testid^="projector.column."][data-fit-active]')
          .evaluateAll((cols) => cols.map((c) => c.getAttribute('data-testid')));
        expect(activeColumns).toEqual([`projector.column.${column}`]);
        expect(check.documentHeight).toBeLessThanOrEqual(WALL.height);
        expect(check.font).toBeGreaterThanOrEqual(WALL.floor);
        figures.steps.push({
          step: label,
          projector: {
            documentHeight: check.documentHeight,
            viewportHeight: WALL.height,
            activeVisible: check.activeCards,
            activeTotal: expected[column],
            activeFontPx: check.font,
          },
          phones: phoneFigures,
          screenshot: shot,
        });
      }
    } finally {
      recordFigure('demo-session-figures.json', 'demo session 1280x720', figures);
      await Promise.all([fac, ...phones].map((a) => a.context.close()));
      await wallContext.close();
    }
  }, 300_000);
});
