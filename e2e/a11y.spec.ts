import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './support/axe.js';
import { launchBrowser, newActor } from './support/browser.js';
import { byTestId, JoinPage, MapPage, StartPage } from './support/pages.js';
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

describe('accessibility (axe: no serious or critical violations)', () => {
  it('[X1][X3] start, join and map pages, in Dutch and on a phone', async () => {
    const actor = await newActor(browser, server.url, undefined, { injectsScripts: true });
    const start = new StartPage(actor.page);
    await start.open();
    expect(describeViolations(await seriousViolations(actor.page))).toEqual([]);
    const { participantUrl } = await start.createWorkshop('Toegankelijk', ['Gemeente', 'Zorg']);
    expect(describeViolations(await seriousViolations(actor.page))).toEqual([]);

    const participant = await newActor(browser, server.url, undefined, { injectsScripts: true });
    await participant.page.goto(participantUrl);
    await byTestId(participant.page, 'join.name').waitFor();
    expect(describeViolations(await seriousViolations(participant.page))).toEqual([]);
    await new JoinPage(participant.page).join(participantUrl, 'Sam', 'Zorg');
    const map = new MapPage(participant.page);
    await map.addCard('values', 'Een kaart om te controleren');
    expect(describeViolations(await seriousViolations(participant.page))).toEqual([]);
    // [X3] With "Verplaats naar…" open on the card.
    await byTestId(participant.page, 'card.moveMenu').first().click();
    await byTestId(participant.page, 'card.moveMenu.relations').waitFor();
    expect(describeViolations(await seriousViolations(participant.page))).toEqual([]);
    await participant.page.keyboard.press('Escape');
    expect(await participant.page.getAttribute('html', 'lang')).toBe('nl');

    const phone = await newActor(browser, server.url, { width: 390, height: 844 }, { injectsScripts: true });
    await new JoinPage(phone.page).join(participantUrl, 'Mo', 'Gemeente');
    expect(describeViolations(await seriousViolations(phone.page))).toEqual([]);

    await actor.page.goto(`/w/${'b'.repeat(26)}`);
    await byTestId(actor.page, 'notfound').waitFor();
    expect(describeViolations(await seriousViolations(actor.page))).toEqual([]);
    await Promise.all([actor.context.close(), participant.context.close(), phone.context.close()]);
  });
});
