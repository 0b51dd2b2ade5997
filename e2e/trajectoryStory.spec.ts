import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopInfo } from '../shared/api.js';
import { getScores } from '../shared/rounds/privateInputs.js';
import { launchBrowser, newActor } from './support/browser.js';
import { expectLayout, ROOM_SIZES } from './support/layoutChecks.js';
import { byTestId, eventually } from './support/pages.js';
import { actAs, joinByApi, type Joined, untilServerHolds } from './support/people.js';
import { createWorkshop } from './support/seedMap.js';
import { E2EServer } from './support/server.js';
import {
  agreeFirstActions,
  dayFromToday,
  giveScores,
  lockActies,
  meetingGoingOn,
  setDay,
} from './support/trajectory.js';

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

async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    byTestId(page, testId).click(),
  ]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

/**
 * The facilitator opens a check-in, every phone answers, the facilitator closes and counts once the
 * server holds every answer (the `nth` check-in of these people).
 */
async function checkIn(
  fac: Page,
  phones: Page[],
  scores: [number, number, string][],
  held: { info: WorkshopInfo; people: Joined[]; nth: number },
) {
  await byTestId(fac, 'console.tab.rounds').click();
  await fac.getByRole('button', { name: 'Open check-in' }).click();
  await byTestId(fac, 'rounds.open.scores').waitFor();
  for (const [i, phone] of phones.entries()) await giveScores(phone, ...scores[i]);
  for (const who of held.people)
    await untilServerHolds(server.url, held.info, who, (doc) => getScores(doc).size === held.nth, 'the check-in');
  await fac.getByRole('button', { name: 'Sluit ronde en tel' }).click();
  await eventually(async () => (await byTestId(fac, 'rounds.open.scores').count()) === 0, 'check-in closed');
}

/** A day as the console's table writes it: "7 dec". */
const short = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString('nl-NL', { day: 'numeric', month: 'short' });
};

const tableRows = (page: Page) =>
  byTestId(page, 'scoreLine.table')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim())));

describe('the story of a trajectory: two meetings a week apart, scores over both, a partner signs off', () => {
  it('[J1][J3][J4][J6][J8][Y1][Y2][Y6][Y7][Y8] actions agreed in meeting 1 are reviewed in meeting 2, check-ins in both make a line, the Gemeente signs off; the exports say so', async () => {
    const day1 = dayFromToday(0);
    const day8 = dayFromToday(7);
    const { created, info } = await createWorkshop(server.url, 'Samen verder in de wijk', {
      partners: ['Gemeente', 'Wijkteam'],
    });
    const gemeente = info.partners[0];
    // Three people of the Gemeente (enough for a partner average, [Y3]) and one of the Wijkteam.
    const people = [
      await joinByApi(server.url, info, 'Anna', 0),
      await joinByApi(server.url, info, 'Carla', 0),
      await joinByApi(server.url, info, 'Dirk', 0),
    ];
    await joinByApi(server.url, info, 'Bram', 1);
    const anna = people[0];

    // Day 1. The facilitator plans two meetings and starts the first.
    const fac = (await newActor(browser, server.url, ROOM_SIZES.projector720)).page;
    await setDay(fac, day1);
    await fac.goto(created.facilitatorPath);
    await byTestId(fac, 'console').waitFor();
    await byTestId(fac, 'console.tab.trajectory').click();
    await byTestId(fac, 'trajectory.suggest').click();
    await eventually(async () => (await byTestId(fac, 'trajectory.meeting').count()) === 2, 'two meetings planned');
    await byTestId(fac, 'trajectory.meeting.start').first().click();
    await meetingGoingOn(fac, 1);
    // Before any check-in the line says how to get one.
    await byTestId(fac, 'scoreLine.none').waitFor();

    // The phones of the three, on day 1.
    const phones: Page[] = [];
    for (const who of people) {
      const actor = await newActor(browser, server.url, ROOM_SIZES.phone);
      await actAs(actor.context, info, who);
      await setDay(actor.page, day1);
      await actor.page.goto(`/w/${info.id}/map`);
      await actor.page.locator('[data-testid="connection.state"][data-state="connected"]').waitFor();
      phones.push(actor.page);
    }

    // Meeting 1: a check-in, then the group agrees actions; one gets Anna as owner.
    await checkIn(
      fac,
      phones,
      [
        [8, 6, 'benieuwd'],
        [6, 5, ''],
        [7, 7, 'hoopvol'],
      ],
      { info, people, nth: 1 },
    );
    const cards = await agreeFirstActions(server.url, created);
    await byTestId(fac, 'console.tab.trajectory').click();
    const form = fac.locator(`[data-testid="trajectory.followUp.form"][data-card-id="${cards.servesValue}"]`).first();
    await byTestId(form, 'trajectory.followUp.owner').selectOption(`person:${anna.participantId}`);
    await byTestId(form, 'trajectory.followUp.due').fill(dayFromToday(3));
    await byTestId(form, 'trajectory.followUp.save').click();
    const action = fac.locator(`[data-testid="trajectory.action"][data-card-id="${cards.servesValue}"]`).first();
    await eventually(async () => (await action.innerText()).includes('Anna'), 'Anna owns the action');
    // One point so far: the check-in of meeting 1.
    await eventually(
      async () => (await byTestId(fac, 'scoreLine.chart').getAttribute('data-points')) === '1',
      'the line has meeting 1',
    );
    await lockActies(server.url, created);

    // Day 8: meeting 2 on every screen.
    for (const page of [fac, ...phones]) await setDay(page, day8);
    await fac.reload();
    await byTestId(fac, 'console').waitFor();
    await byTestId(fac, 'console.tab.trajectory').click();
    await byTestId(byTestId(fac, 'trajectory.meeting').nth(1), 'trajectory.meeting.start').click();
    await meetingGoingOn(fac, 2);
    // The review walks meeting 1's actions by the value they serve.
    const groups = byTestId(byTestId(fac, 'trajectory.review'), 'trajectory.review.group');
    expect(await groups.first().locator('h3').innerText()).toContain('Iedereen in de wijk telt mee');
    expect(await groups.first().innerText()).toContain('Anna');

    // Meeting 2's check-in, from the same three phones.
    await checkIn(
      fac,
      phones,
      [
        [9, 8, 'trots'],
        [7, 7, ''],
        [8, 8, ''],
      ],
      { info, people, nth: 2 },
    );

    // The line over both meetings in the console, with the same numbers as a table.
    await byTestId(fac, 'console.tab.trajectory').click();
    const chart = byTestId(fac, 'scoreLine.chart');
    await eventually(async () => (await chart.getAttribute('data-points')) === '2', 'the line has both meetings');
    expect(await chart.getAttribute('aria-label')).toContain('Lijn van de klik en de taak');
    expect(await chart.locator('[data-series="klik"] text').allTextContents()).toEqual(['7', '8']);
    expect(await chart.locator('[data-series="taak"] text').allTextContents()).toEqual(['6', '7,7']);
    const rows = await tableRows(fac);
    expect(rows).toEqual([
      [`Bijeenkomst 1 · ${short(day1)}`],
      ['Check-in · 3 antwoorden'],
      ['Iedereen', '7', '6'],
      ['Gemeente (3)', '7', '6'],
      [`Bijeenkomst 2 · ${short(day8)}`],
      ['Check-in · 3 antwoorden'],
      ['Iedereen', '8', '7,7'],
      ['Gemeente (3)', '8', '7,7'],
    ]);
    await byTestId(fac, 'scoreLine.chart').scrollIntoViewIfNeeded();
    await expectLayout(
      fac,
      { root: '[data-testid="scoreLine.panel"]', maxWordLength: 14 },
      'the line in the console at 1280x720',
      'scoreline-console-1280x720.png',
    );
    // The chart is drawn at the panel's width: its text is real 12 px, not shrunk.
    const consoleText = await chart
      .locator('text')
      .evaluateAll((ts) => Math.min(...ts.map((t) => t.getBoundingClientRect().height)));
    expect(consoleText).toBeGreaterThanOrEqual(11);

    // On the projector when the facilitator says so, fitting 1920×1080 and 1280×720.
    const beamer = (await newActor(browser, server.url, ROOM_SIZES.projector1080)).page;
    await setDay(beamer, day8);
    await beamer.goto(created.projectorPath);
    await byTestId(beamer, 'projector').waitFor();
    expect(await byTestId(beamer, 'scoreLine.projector').count()).toBe(0);
    await byTestId(fac, 'scoreLine.toggle').click();
    const onScreen = byTestId(beamer, 'scoreLine.projector');
    await onScreen.waitFor();
    await eventually(
      async () => (await byTestId(onScreen, 'scoreLine.chart').getAttribute('data-points')) === '2',
      'both meetings on the projector',
    );
    const rules = { fitHeight: true, fontFloors: [{ selector: '.projector-score-line h1', px: 18 }] };
    await expectLayout(beamer, rules, 'the line on the projector at 1920x1080', 'scoreline-projector-1920x1080.png');
    await beamer.setViewportSize(ROOM_SIZES.projector720);
    await expectLayout(beamer, rules, 'the line on the projector at 1280x720', 'scoreline-projector-1280x720.png');
    // The chart's own text stays readable from the back: at least 14 px at 720p.
    const smallest = await byTestId(onScreen, 'scoreLine.chart')
      .locator('text')
      .evaluateAll((ts) => Math.min(...ts.map((t) => t.getBoundingClientRect().height)));
    expect(smallest).toBeGreaterThanOrEqual(14);

    // Anna represents the Gemeente: she may decide, and sets the Gemeente's sign-off to akkoord.
    const annaPhone = phones[0];
    const bar = byTestId(annaPhone, 'mandate.bar');
    await bar.locator('summary').click();
    await byTestId(bar, 'mandate.kind.decide').check();
    await byTestId(bar, 'mandate.save').click();
    await byTestId(bar, 'mandate.saved').waitFor();
    await byTestId(bar, 'mandate.signoff').selectOption('agreed');
    await byTestId(fac, 'console.tab.links').click();
    await eventually(
      async () => (await byTestId(fac, `console.signoff.${gemeente.id}`).inputValue()) === 'agreed',
      'the console shows the Gemeente akkoord',
    );

    // The exports, downloaded on day 8: the stand van zaken and the convenant.
    await byTestId(fac, 'console.tab.export').click();
    const stand = await download(fac, 'export.standMd');
    expect(stand.name).toContain(day8);
    expect(stand.text).toContain('Eigenaar: Anna');
    const line = stand.text.slice(stand.text.indexOf('## De klik en de taak over de bijeenkomsten'));
    expect(line).toContain('### Bijeenkomst 1 –');
    expect(line).toContain('| Check-in | Iedereen | 3 | 7 | 6 |');
    expect(line).toContain('| Check-in | Gemeente | 3 | 7 | 6 |');
    expect(line).toContain('Woorden bij de check-in: benieuwd, hoopvol');
    expect(line).toContain('### Bijeenkomst 2 –');
    expect(line).toContain('| Check-in | Iedereen | 3 | 8 | 7,7 |');
    const convenant = await download(fac, 'export.joint.md');
    const signoff = convenant.text.slice(convenant.text.indexOf('Akkoord per partner'));
    expect(signoff).toMatch(/\| 1 \| Gemeente \| Akkoord .*\| Anna: Ik mag besluiten/);
    expect(convenant.text).toContain('| Check-in | Iedereen | 3 | 8 | 7,7 |');
  }, 240_000);
});
