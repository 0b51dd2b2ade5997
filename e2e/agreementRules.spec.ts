import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newActor } from './support/browser.js';
import { byTestId, CardDetails, eventually, JoinPage, MapPage, StartPage } from './support/pages.js';
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

const statusOn = (map: MapPage, id: string) => map.card(id).getAttribute('data-status');
async function statusEverywhere(maps: MapPage[], id: string, status: string, what: string) {
  for (const map of maps) await eventually(async () => (await statusOn(map, id)) === status, `${what} (${status})`);
}

/** Edit a card's text in the browser: open the editor, add words at the end, done. */
async function appendText(page: Page, map: MapPage, id: string, words: string) {
  await map.card(id).locator('[data-testid="card.edit"]').click();
  await byTestId(page, 'card.editor').locator('[contenteditable="true"]').waitFor();
  await map.editorFocused();
  // To the end of the text, not of the first line: a text that wraps would take the words in its middle.
  await page.keyboard.press('Control+End');
  await page.keyboard.type(words);
  await byTestId(page, 'card.done').click();
}

describe('agreement that holds, in the browser, with a facilitator and two partners', () => {
  it('[K1][K2][K3][K4] a participant cannot agree alone, an edited agreed card opens again, and the facilitator resolves both', async () => {
    const fac = await newActor(browser, server.url, { width: 1600, height: 1000 });
    const start = new StartPage(fac.page);
    await start.open();
    const links = await start.createWorkshop('Eens is eens', ['Gemeente', 'Wijkverpleging']);
    await byTestId(fac.page, 'start.openAsFacilitator').click();
    await byTestId(fac.page, 'console').waitFor();
    const facMap = new MapPage(fac.page);
    await facMap.waitUntilConnected();
    const anna = await newActor(browser, server.url);
    const bram = await newActor(browser, server.url);
    await new JoinPage(anna.page).joinByCode(links.joinCode, 'Anna', 'Gemeente', 'manager');
    await new JoinPage(bram.page).joinByCode(links.joinCode, 'Bram', 'Wijkverpleging', 'professional');
    const annaMap = new MapPage(anna.page);
    const bramMap = new MapPage(bram.page);
    const maps = [facMap, annaMap, bramMap];

    const card = await annaMap.addCard('values', 'Eén vast aanspreekpunt per wijk');
    await statusEverywhere(maps, card, 'open', 'the card is everywhere');

    // Anna tries to agree alone: she has no status button, only "eens namens" her partner, which
    // leaves the card open (the facilitator decides, by default).
    const onAnna = await new CardDetails(anna.page, annaMap.card(card)).open();
    expect(await byTestId(onAnna.panel(), 'card.status.agreed').count()).toBe(0);
    expect(await byTestId(onAnna.panel(), 'card.status.who').innerText()).toContain('begeleider');
    await byTestId(onAnna.panel(), 'card.agreeForPartner').click();
    await eventually(
      async () => (await byTestId(onAnna.panel(), 'card.agreedBy').innerText()).includes('Gemeente (Anna)'),
      'her eens is recorded',
    );
    await onAnna.close();
    // The console shows who said what.
    await byTestId(fac.page, 'console.tab.agreement').click();
    const row = fac.page.locator(`[data-testid="console.agreement.card"][data-card-id="${card}"]`);
    await eventually(async () => (await row.innerText()).includes('Gemeente (door Anna)'), 'console: who said what');
    await statusEverywhere(maps, card, 'open', 'one partner does not make it agreed');

    // By consensus: the card is agreed only when Bram says it for the second partner too.
    await byTestId(fac.page, 'console.agreement.rule.consensus').check();
    await eventually(
      async () => (await statusOn(annaMap, card)) === 'open' && (await statusOn(bramMap, card)) === 'open',
      'still open after the switch',
    );
    const onBram = await new CardDetails(bram.page, bramMap.card(card)).open();
    // Bram says it only once the switch reached him (through the server): before that the server could
    // still take his "eens namens" under the old rule, and the card would stay open.
    await eventually(
      async () => (await byTestId(onBram.panel(), 'card.status.who').innerText()).includes('vanzelf'),
      'Bram sees the consensus rule',
    );
    await byTestId(onBram.panel(), 'card.agreeForPartner').click();
    await onBram.close();
    await statusEverywhere(maps, card, 'agreed', 'agreed by both partners');

    // Anna edits the agreed card: it is open again on every screen, she is told, and the
    // facilitator sees it under "changed after agreement".
    await appendText(anna.page, annaMap, card, ' op werkdagen');
    await statusEverywhere(maps, card, 'open', 'open again after the edit');
    await eventually(async () => (await byTestId(anna.page, 'toast').innerText()).includes('weer open'), 'Anna told');
    const changed = fac.page.locator(`[data-testid="console.agreement.changedCard"][data-card-id="${card}"]`);
    await changed.waitFor();
    expect(await changed.innerText()).toContain('Eén vast aanspreekpunt per wijk');

    // The facilitator agrees the new text in one action.
    await byTestId(changed, 'console.agreement.reagree').click();
    await statusEverywhere(maps, card, 'agreed', 're-agreed');
    await eventually(async () => (await changed.count()) === 0, 'nothing left to resolve');
    expect(await annaMap.card(card).locator('[data-testid="card.text"]').innerText()).toContain('op werkdagen');
  });
});
