import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { readRound, requestVoteRound } from '../shared/rounds/rounds.js';
import { launchBrowser, newActor } from './support/browser.js';
import { expectLayout, ROOM_SIZES } from './support/layoutChecks.js';
import { byTestId, eventually } from './support/pages.js';
import { actAs, joinByApi } from './support/people.js';
import { createWorkshop, openAsFacilitator } from './support/seedMap.js';
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

const VALUES = ['Vertrouwen in elkaar', 'Bewoners doen mee', 'Huurachterstandenbegeleidingstraject'];
const PHONE_RULES = { root: '.private-rounds', minTarget: 24 };
const left = (phone: Page) => byTestId(phone, 'votes.left').innerText();

describe('a budget per partner on two phones of one partner', () => {
  it('[Q8][Q7] each phone shows what the partner has left, live as the colleague votes, at 390×844 and 360×740', async () => {
    const { created, info } = await createWorkshop(server.url, 'Samen stemmen', { partners: ['Gemeente', 'Wijkteam'] });
    const map = await openAsFacilitator(server.url, created, 'map:joint');
    for (const text of VALUES)
      createCard(map.doc, { column: 'values', author: '', authorName: 'Begeleider', partner: '', text }, LOCAL_USER);
    const session = await openAsFacilitator(server.url, created, 'session');
    const people = [await joinByApi(server.url, info, 'Anna', 0), await joinByApi(server.url, info, 'Carla', 0)];
    const phones: Page[] = [];
    for (const [i, who] of people.entries()) {
      const actor = await newActor(browser, server.url, i === 0 ? ROOM_SIZES.phone : ROOM_SIZES.phoneSmall);
      await actAs(actor.context, info, who);
      await actor.page.goto(`/w/${info.id}/map`);
      await actor.page.locator('[data-testid="connection.state"][data-state="connected"]').waitFor();
      phones.push(actor.page);
    }
    const round = requestVoteRound(
      session.doc,
      { column: 'values', budget: 4, per: 'partner', ownCards: true },
      LOCAL_USER,
    );
    await eventually(async () => readRound(session.doc, round) !== null, 'round opened');
    for (const phone of phones) await byTestId(phone, 'votes.panel').waitFor();
    expect(await left(phones[1])).toBe('Jouw partner heeft nog 4 stemmen over (van 4) · Jij gaf er 0');

    // Anna gives three: Carla's phone follows without her doing anything.
    const anna = byTestId(phones[0], 'votes.panel');
    for (let k = 0; k < 3; k++) await anna.getByRole('button', { name: `Stem op: ${VALUES[k % 2]}` }).click();
    await eventually(
      async () => (await left(phones[1])) === 'Jouw partner heeft nog 1 stem over (van 4) · Jij gaf er 0',
      'Carla sees one left',
    );
    await expectLayout(phones[1], PHONE_RULES, 'partner budget on a small phone', 'votes-partner-360.png');

    // Carla gives the last one: both phones say none are left and every + is off.
    await byTestId(phones[1], 'votes.panel')
      .getByRole('button', { name: `Stem op: ${VALUES[2]}` })
      .click();
    await eventually(
      async () => (await left(phones[0])) === 'Jouw partner heeft nog 0 stemmen over (van 4) · Jij gaf er 3',
      'Anna sees none left',
    );
    for (const phone of phones)
      expect(
        await byTestId(phone, 'votes.panel')
          .getByRole('button', { name: /^Stem op/ })
          .evaluateAll((bs) => bs.every((b) => (b as HTMLButtonElement).disabled)),
      ).toBe(true);
    await expectLayout(phones[0], PHONE_RULES, 'partner budget on a phone', 'votes-partner-390.png');
    session.close();
    map.close();
  });
});
