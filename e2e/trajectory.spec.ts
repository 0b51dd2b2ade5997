import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newActor } from './support/browser.js';
import { expectLayout, ROOM_SIZES, SCREENS } from './support/layoutChecks.js';
import { actAs, joinByApi } from './support/people.js';
import { byTestId, eventually } from './support/pages.js';
import { createWorkshop } from './support/seedMap.js';
import { E2EServer } from './support/server.js';
import { agreeFirstActions, dayFromToday, lockActies, meetingGoingOn, setDay } from './support/trajectory.js';

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

const CONSOLE = { width: 1280, height: 800 };

async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    byTestId(page, testId).click(),
  ]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

const action = (page: Page, id: string) =>
  page.locator(`[data-testid="trajectory.action"][data-card-id="${id}"]`).first();

async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, name), fullPage: false });
}

describe('two meetings a week apart, with actions followed up in between', () => {
  it('[J1][J2][J3][J4][J5][J6][J7][J8] actions agreed in meeting 1 are updated by their owner between meetings and reviewed per value in meeting 2', async () => {
    const day1 = dayFromToday(0);
    const day4 = dayFromToday(3);
    const day8 = dayFromToday(7);
    const { created, info } = await createWorkshop(server.url, 'Samen in de wijk', {
      partners: ['Gemeente', 'Wijkteam'],
    });
    const anna = await joinByApi(server.url, info, 'Anna', 0);
    await joinByApi(server.url, info, 'Bram', 1);

    // Meeting 1, day 1. The facilitator plans the series in the console.
    const fac = await newActor(browser, server.url, CONSOLE);
    await setDay(fac.page, day1);
    await fac.page.goto(created.facilitatorPath);
    await byTestId(fac.page, 'console').waitFor();
    await byTestId(fac.page, 'console.tab.trajectory').click();
    await byTestId(fac.page, 'trajectory.suggest').click();
    await eventually(
      async () => (await byTestId(fac.page, 'trajectory.meeting').count()) === 2,
      'two meetings planned',
    );
    await byTestId(fac.page, 'trajectory.meeting.start').first().click();
    await meetingGoingOn(fac.page, 1);
    const next = await byTestId(fac.page, 'trajectory.next').innerText();
    const [y, m, d] = day8.split('-').map(Number);
    expect(next).toContain(String(new Date(y, m - 1, d).getDate()));

    // The group agrees two actions; the facilitator gives them an owner and a due date in the review list.
    const cards = await agreeFirstActions(server.url, created);
    await action(fac.page, cards.servesValue).waitFor();
    const setOwner = async (id: string, owner: string, due: string) => {
      const form = fac.page.locator(`[data-testid="trajectory.followUp.form"][data-card-id="${id}"]`).first();
      await byTestId(form, 'trajectory.followUp.owner').selectOption(owner);
      await byTestId(form, 'trajectory.followUp.due').fill(due);
      await byTestId(form, 'trajectory.followUp.save').click();
      await eventually(
        async () => (await action(fac.page, id).innerText()).includes('klaar op'),
        `owner and due date of ${id} saved`,
      );
    };
    await setOwner(cards.servesValue, `person:${anna.participantId}`, day4);
    await setOwner(cards.servesNothing, `partner:${info.partners[1].id}`, dayFromToday(10));
    await screenshot(fac.page, 'trajectory-console-1280x800.png');

    // After the meeting Acties is locked. Day 4: Anna reports on her phone, through her own link.
    await lockActies(server.url, created);
    const phone = await newActor(browser, server.url, ROOM_SIZES.phone);
    await actAs(phone.context, info, anna);
    await setDay(phone.page, day4);
    await phone.page.goto(`/w/${info.id}/map`);
    await byTestId(phone.page, 'map').waitFor();
    await byTestId(phone.page, 'trajectory.mine.toggle').click();
    const mine = byTestId(phone.page, 'trajectory.mine');
    expect(await byTestId(mine, 'trajectory.action').count()).toBe(1);
    expect(await byTestId(mine, 'trajectory.followUp.owner').count()).toBe(0);
    // By keyboard: status and note, then Enter saves.
    await byTestId(mine, 'trajectory.followUp.status').focus();
    await byTestId(mine, 'trajectory.followUp.status').selectOption('doing');
    await byTestId(mine, 'trajectory.followUp.note').focus();
    await phone.page.keyboard.type('Zaal is gevraagd, nog geen antwoord');
    await phone.page.keyboard.press('Enter');
    await eventually(
      async () => (await action(fac.page, cards.servesValue).getAttribute('data-status')) === 'doing',
      "Anna's update reaches the console although Acties is locked",
    );
    await expectLayout(phone.page, { minTarget: 24 }, 'Mijn acties at 390x844', 'trajectory-mine-phone-390x844.png');

    // Meeting 2, a week later: every screen on day 8.
    await setDay(fac.page, day8);
    await setDay(phone.page, day8);
    await fac.page.reload();
    await byTestId(fac.page, 'console').waitFor();
    await byTestId(fac.page, 'console.tab.trajectory').click();
    await byTestId(byTestId(fac.page, 'trajectory.meeting').nth(1), 'trajectory.meeting.start').click();
    await meetingGoingOn(fac.page, 2);
    // The map was saved when the meeting began.
    await byTestId(fac.page, 'console.tab.versions').click();
    await eventually(async () => {
      await byTestId(fac.page, 'console.version.refresh').click();
      return (await byTestId(fac.page, 'console.version').allInnerTexts()).some((t) =>
        t.includes('Begin bijeenkomst 2'),
      );
    }, 'a version for meeting 2');

    // The review on the projector and the phones, grouped by value.
    await byTestId(fac.page, 'console.tab.trajectory').click();
    await byTestId(fac.page, 'trajectory.review.toggle').click();
    const projector = await newActor(browser, server.url, ROOM_SIZES.projector720);
    await setDay(projector.page, day8);
    await projector.page.goto(created.projectorPath);
    const onScreen = byTestId(projector.page, 'trajectory.projectorReview');
    await onScreen.waitFor();
    const groups = byTestId(onScreen, 'trajectory.review.group');
    await eventually(async () => (await groups.count()) === 2, 'two groups on the projector');
    expect(await groups.nth(0).locator('h2').innerText()).toContain('Iedereen in de wijk telt mee');
    expect(await groups.nth(1).locator('h2').innerText()).toContain('Zonder waarde');
    const late = action(projector.page, cards.servesValue);
    expect(await late.innerText()).toContain('te laat');
    expect(await late.innerText()).toContain('Zaal is gevraagd');
    await screenshot(projector.page, 'trajectory-review-projector-1280x720.png');
    const phoneReview = byTestId(phone.page, 'trajectory.phoneReview');
    await phoneReview.waitFor();
    expect(await byTestId(phoneReview, 'trajectory.followUp.form').count()).toBe(1);
    await screenshot(phone.page, 'trajectory-review-phone-390x844.png');
    await screenshot(fac.page, 'trajectory-review-console-1280x800.png');

    // The stand van zaken, downloaded from the console on day 8.
    await byTestId(fac.page, 'console.tab.export').click();
    const stand = await download(fac.page, 'export.standMd');
    expect(stand.name).toMatch(/stand-van-zaken.*\.md$/);
    expect(stand.name).toContain(day8);
    const byValue = stand.text.slice(stand.text.indexOf('Per waarde'), stand.text.indexOf('Alle acties'));
    expect(byValue).toContain('Waarde: Iedereen in de wijk telt mee');
    expect(byValue).toContain('Eigenaar: Anna');
    expect(byValue).toContain('Stand: bezig (te laat)');
    expect(byValue).toContain('Zonder waarde');
    expect(byValue).toContain('Eigenaar: Wijkteam');
    const calendar = await download(fac.page, 'export.ics');
    expect(calendar.text).toContain(`DTSTART;VALUE=DATE:${day4.replaceAll('-', '')}`);

    for (const actor of [fac, phone, projector]) await actor.context.close();
  }, 180_000);
});
