import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilitatorPath } from '../shared/api.js';
import type { WorkshopId } from '../shared/ids.js';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { getScores, spentPerRound } from '../shared/rounds/privateInputs.js';
import { launchBrowser, newActor } from './support/browser.js';
import { expectLayout, ROOM_SIZES } from './support/layoutChecks.js';
import { byTestId, eventually } from './support/pages.js';
import { actAs, joinByApi, untilServerHolds } from './support/people.js';
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

const VALUES = ['Vertrouwen in elkaar', 'Bewoners doen mee', 'Eerlijk over geld'];

/** A phone of the room: 390×844, no sideways scrolling, every control at least 24 px ([Q7]). */
const PHONE_RULES = { root: '.private-rounds', minTarget: 24 };

describe('a vote round and a check-in, from phones to the projector', () => {
  it('[Q1][Q2][Q4][Q5][Q7][Y1][Y2][Y3][Y4] three people vote on their phones, the facilitator closes, the projector shows the result; then a check-in', async () => {
    const { created, info } = await createWorkshop(server.url, 'Stemmen in Brinkerveen', {
      partners: ['Gemeente', 'Wijkteam'],
    });
    const map = await openAsFacilitator(server.url, created, 'map:joint');
    const ids = VALUES.map((text) =>
      createCard(map.doc, { column: 'values', author: '', authorName: 'Begeleider', partner: '', text }, LOCAL_USER),
    );
    const people = [
      await joinByApi(server.url, info, 'Anna', 0),
      await joinByApi(server.url, info, 'Bram', 1),
      await joinByApi(server.url, info, 'Carla', 0),
    ];
    const phones: Page[] = [];
    for (const who of people) {
      const actor = await newActor(browser, server.url, ROOM_SIZES.phone);
      await actAs(actor.context, info, who);
      await actor.page.goto(`/w/${info.id}/map`);
      await actor.page.locator('[data-testid="connection.state"][data-state="connected"]').waitFor();
      phones.push(actor.page);
    }
    const fac = (await newActor(browser, server.url, ROOM_SIZES.laptop)).page;
    await fac.goto(facilitatorPath(info.id as WorkshopId, created.facilitatorToken));
    await byTestId(fac, 'console').waitFor();
    await byTestId(fac, 'console.tab.rounds').click();
    const beamer = (await newActor(browser, server.url, ROOM_SIZES.projector1080)).page;
    await beamer.goto(created.projectorPath);
    await byTestId(beamer, 'projector').waitFor();

    // The facilitator opens a vote round on Waarden: three votes each.
    await fac.getByLabel('Stemmen', { exact: true }).fill('3');
    await fac.getByRole('button', { name: 'Open stemronde' }).click();
    await byTestId(fac, 'rounds.open.votes').waitFor();

    // Anna: all three on one card; Bram: two and one; Carla: one on each, by keyboard.
    const plan: number[][] = [
      [3, 0, 0],
      [0, 2, 1],
      [1, 1, 1],
    ];
    for (const [i, phone] of phones.entries()) {
      const panel = byTestId(phone, 'votes.panel');
      await panel.waitFor();
      for (const [c, n] of plan[i].entries()) {
        for (let k = 0; k < n; k++) {
          const plus = panel.getByRole('button', { name: `Stem op: ${VALUES[c]}` });
          if (i === 2) {
            await plus.focus();
            await phone.keyboard.press('Enter');
          } else await plus.click();
        }
      }
      await eventually(async () => (await byTestId(phone, 'votes.left').innerText()) === 'Nog 0 stemmen over', 'spent');
      await untilServerHolds(
        server.url,
        info,
        people[i],
        (doc) => [...spentPerRound(doc).values()].includes(3),
        'three votes',
      );
      // Every + is off once the budget is spent.
      expect(
        await panel
          .getByRole('button', { name: /^Stem op/ })
          .evaluateAll((bs) => bs.every((b) => (b as HTMLButtonElement).disabled)),
      ).toBe(true);
    }
    await expectLayout(phones[0], PHONE_RULES, 'vote panel on a phone', 'votes-phone.png');
    // Nobody's votes are visible before the close: not in the console, not on the projector.
    expect(await byTestId(fac, 'votes.result').count()).toBe(0);
    expect(await byTestId(beamer, 'projector.round').count()).toBe(0);

    // Closed and counted by the server: 4, 3, 2.
    await fac.getByRole('button', { name: 'Sluit ronde en tel' }).click();
    const result = byTestId(fac, 'votes.result');
    await result.waitFor();
    expect(await result.locator('li').allInnerTexts()).toEqual([
      `4 stemmen ${VALUES[0]}`,
      `3 stemmen ${VALUES[1]}`,
      `2 stemmen ${VALUES[2]}`,
    ]);
    await eventually(
      async () => (await byTestId(phones[0], 'votes.panel').count()) === 0,
      'panel gone after the close',
    );

    // On the projector only when the facilitator says so.
    await fac.getByRole('button', { name: /^Toon op scherm: Uitslag stemronde/ }).click();
    const shown = byTestId(beamer, 'projector.round');
    await shown.waitFor();
    expect(await shown.locator(`[data-testid="votes.result.${ids[0]}"]`).innerText()).toContain('4 stemmen');
    await expectLayout(beamer, { fitHeight: true }, 'vote result on the projector', 'votes-projector.png');

    // Sort by votes on the map.
    await byTestId(phones[1], 'column.values.sortByVotes').click();
    const order = await byTestId(phones[1], 'column.values').locator('[data-testid="card.text"]').allInnerTexts();
    expect(order).toEqual(VALUES);

    // A check-in: two scores and a word each.
    await fac.getByRole('button', { name: 'Haal van scherm: Uitslag stemronde: Waarden' }).click();
    await fac.getByRole('button', { name: 'Open check-in' }).click();
    const scores = [
      [8, 6, 'hoopvol'],
      [5, 7, ''],
      [6, 5, 'benieuwd'],
    ] as const;
    for (const [i, phone] of phones.entries()) {
      const form = byTestId(phone, 'scores.panel');
      await form.waitFor();
      const [klik, taak, word] = scores[i];
      await form
        .getByRole('group', { name: /De klik/ })
        .getByLabel(String(klik), { exact: true })
        .check();
      await form
        .getByRole('group', { name: /De taak/ })
        .getByLabel(String(taak), { exact: true })
        .check();
      await form.getByLabel('Eén woord (mag leeg)').fill(word);
      await form.getByRole('button', { name: 'Bewaar' }).click();
      await eventually(async () => (await byTestId(phone, 'scores.saved').innerText()).startsWith('Bewaard'), 'saved');
      await untilServerHolds(server.url, info, people[i], (doc) => getScores(doc).size === 1, 'the check-in');
    }
    await expectLayout(phones[2], PHONE_RULES, 'check-in on a phone', 'checkin-phone.png');
    await fac.getByRole('button', { name: 'Sluit ronde en tel' }).click();
    const table = byTestId(fac, 'scores.result');
    await table.waitFor();
    // Three answers in all: the overall averages; no partner had three, so no partner row.
    expect(await table.locator('tbody tr').allInnerTexts()).toEqual(['Iedereen\t6,3\t6']);
    await fac.getByRole('button', { name: /^Toon op scherm: Check-in/ }).click();
    await eventually(
      async () => (await byTestId(beamer, 'projector.round').innerText()).includes('benieuwd, hoopvol'),
      'words on the projector',
    );
    await expectLayout(beamer, { fitHeight: true }, 'check-in on the projector', 'checkin-projector.png');
    map.close();
  });
});
