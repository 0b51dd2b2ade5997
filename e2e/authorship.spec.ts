import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newActor } from './support/browser.js';
import { byTestId, eventually, JoinPage, MapPage, StartPage } from './support/pages.js';
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

describe("removing someone else's card, in real browsers", () => {
  it("[H3] a participant's removal becomes a proposal the author sees; the facilitator keeps, removes and puts back", async () => {
    const fac = await newActor(browser, server.url, { width: 1600, height: 1000 });
    const start = new StartPage(fac.page);
    await start.open();
    const links = await start.createWorkshop('Wie schreef wat', ['Gemeente', 'Wijkteam']);
    await byTestId(fac.page, 'start.openAsFacilitator').click();
    await byTestId(fac.page, 'console').waitFor();
    await new MapPage(fac.page).waitUntilConnected();

    const anna = await newActor(browser, server.url);
    const bram = await newActor(browser, server.url);
    await new JoinPage(anna.page).joinByCode(links.joinCode, 'Anna', 'Gemeente');
    await new JoinPage(bram.page).joinByCode(links.joinCode, 'Bram', 'Wijkteam');
    const annaMap = new MapPage(anna.page);
    const bramMap = new MapPage(bram.page);
    await Promise.all([annaMap.waitUntilConnected(), bramMap.waitUntilConnected()]);

    // Bram writes a card; Anna tries to remove it.
    const id = await bramMap.addCard('values', 'Buurtkamer elke week open');
    const annaRemoves = async () => {
      await annaMap.card(id).waitFor();
      await annaMap.card(id).hover();
      await byTestId(annaMap.card(id), 'card.delete').click();
    };
    await annaRemoves();
    // The server keeps the card: Anna is told, Bram sees the proposal on his card.
    await anna.page.getByText('de begeleider krijgt je voorstel').first().waitFor();
    await annaMap.card(id).waitFor();
    const bramsMark = byTestId(bramMap.card(id), 'card.removalProposed');
    await bramsMark.waitFor();
    expect(await bramsMark.innerText()).toContain('Anna');

    // The facilitator keeps it: the mark goes.
    await byTestId(fac.page, 'console.tab.authorship').click();
    await byTestId(fac.page, 'console.proposal.reject').click();
    await eventually(async () => (await bramsMark.count()) === 0, 'proposal cleared for Bram');

    // Anna proposes again; now the facilitator removes it.
    await annaRemoves();
    await bramsMark.waitFor();
    await byTestId(fac.page, 'console.proposal.accept').click();
    await eventually(async () => (await bramMap.card(id).count()) === 0, 'card removed for Bram');

    // And puts it back from the version saved just before.
    const removed = fac.page.locator('[data-testid="console.removedCard"]', { hasText: 'Buurtkamer elke week open' });
    await removed.waitFor();
    await byTestId(removed, 'console.removedCard.restore').click();
    await bramMap.card(id).waitFor();
    expect(await bramMap.card(id).innerText()).toContain('Buurtkamer elke week open');
    await annaMap.card(id).waitFor();
  });

  it('[H5] alone at a laptop, a participant adds someone without a device and writes a card for them', async () => {
    const fac = await newActor(browser, server.url, { width: 1600, height: 1000 });
    const start = new StartPage(fac.page);
    await start.open();
    const links = await start.createWorkshop('Eén laptop', ['Gemeente', 'Wijkteam']);
    const anna = await newActor(browser, server.url);
    await new JoinPage(anna.page).joinByCode(links.joinCode, 'Anna', 'Gemeente');
    const annaMap = new MapPage(anna.page);
    await annaMap.waitUntilConnected();
    // Nobody else joined: the way to write for someone is there all the same.
    await byTestId(anna.page, 'column.values.writeFor').click();
    await byTestId(anna.page, 'card.writeFor.noDevice').click();
    await byTestId(anna.page, 'card.writeFor.noDevice.name').fill('Truus');
    await byTestId(anna.page, 'card.writeFor.noDevice.add').click();
    // The server lists Truus; the form chooses her.
    await eventually(
      async () => (await byTestId(anna.page, 'card.writeFor').inputValue()) !== '',
      'Truus chosen in the list',
    );
    expect(await byTestId(anna.page, 'card.writeFor').locator('option:checked').innerText()).toContain('Truus');
    await byTestId(anna.page, 'card.writeFor.add').click();
    // The card is Truus's, typed by Anna, and the server kept it.
    await anna.page.getByText('Geschreven door Anna voor Truus').first().waitFor();
  });
});
