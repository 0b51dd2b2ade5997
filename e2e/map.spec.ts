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

describe('two participants fill the map together', () => {
  it('[U2][S1][P1] one adds, edits and moves a card; the other sees it live, after a reload and after a server restart', async () => {
    const facilitator = await newActor(browser, server.url);
    const { participantUrl } = await new StartPage(facilitator.page)
      .open()
      .then(() =>
        new StartPage(facilitator.page).createWorkshop('Samen sterk in de wijk', ['Gemeente', 'Wijkteam', 'Bewoners']),
      );
    expect(participantUrl).toMatch(/\/w\/[a-z0-9]{26}$/);

    const anna = await newActor(browser, server.url);
    const bram = await newActor(browser, server.url);
    await new JoinPage(anna.page).join(participantUrl, 'Anna', 'Gemeente');
    await new JoinPage(bram.page).join(participantUrl, 'Bram', 'Bewoners', 'citizen');
    const annaMap = new MapPage(anna.page);
    const bramMap = new MapPage(bram.page);

    // Presence: each sees the other (the count in the header opens the list).
    await byTestId(bram.page, 'presence.toggle').click();
    await eventually(
      async () => (await byTestId(bram.page, 'presence.panel').innerText()).includes('Anna'),
      'Bram sees Anna present',
    );
    await bram.page.keyboard.press('Escape');

    // Add and type: Bram sees the text arrive live.
    const id = await annaMap.addCard('values', 'Mantelzorgers weten bij wie ze terecht kunnen');
    await eventually(
      async () => (await bramMap.cardTextsIn('values')).includes('Mantelzorgers weten bij wie ze terecht kunnen'),
      'Bram sees the new card text',
    );

    // Edit again: the change arrives live.
    await annaMap.card(id).locator('[data-testid="card.edit"]').click();
    await byTestId(anna.page, 'card.editor').locator('[contenteditable="true"]').waitFor();
    // Type once the editor has taken the focus itself (caret at the end); Control+End, not End: the
    // text wraps in the card, and End goes to the end of its first line only.
    await annaMap.editorFocused();
    await anna.page.keyboard.press('Control+End');
    await anna.page.keyboard.type(', ook in het weekend');
    await eventually(
      async () =>
        (await bramMap.card(id).locator('[data-testid="card.text"]').innerText()).includes('ook in het weekend'),
      'Bram sees the edit while Anna types',
    );
    await byTestId(anna.page, 'card.done').click();

    // Move by drag and drop into step 2: Bram sees it in Relaties.
    await annaMap.card(id).dragTo(annaMap.column('relations'));
    await eventually(async () => (await annaMap.columnOf(id)) === 'column.relations', 'moved for Anna');
    await eventually(async () => (await bramMap.columnOf(id)) === 'column.relations', 'moved for Bram');

    // A reload keeps it.
    await bram.page.reload();
    await bramMap.waitUntilConnected();
    await eventually(async () => (await bramMap.columnOf(id)) === 'column.relations', 'kept after reload');
    expect(await bramMap.card(id).locator('[data-testid="card.text"]').innerText()).toContain('ook in het weekend');

    // A server restart keeps it, and both reconnect by themselves.
    await server.restart();
    await annaMap.waitUntilConnected();
    await bramMap.waitUntilConnected();
    const late = await newActor(browser, server.url);
    await new JoinPage(late.page).join(participantUrl, 'Cor', 'Wijkteam');
    const lateMap = new MapPage(late.page);
    await eventually(
      async () => (await lateMap.columnOf(id)) === 'column.relations',
      'a newcomer after the restart sees the card',
    );
    expect(await lateMap.card(id).locator('[data-testid="card.text"]').innerText()).toBe(
      'Mantelzorgers weten bij wie ze terecht kunnen, ook in het weekend',
    );
    // Still live after the restart.
    const id2 = await bramMap.addCard('steps', 'Eerste overleg plannen');
    await eventually(async () => (await annaMap.columnOf(id2)) === 'column.steps', 'live after restart');

    await Promise.all([facilitator.context.close(), anna.context.close(), bram.context.close(), late.context.close()]);
  });

  it('[U1] the five columns stand right to left: step 1 Waarden at the right, step 5 Acties at the left', async () => {
    const actor = await newActor(browser, server.url);
    const start = new StartPage(actor.page);
    await start.open();
    const { facilitatorUrl } = await start.createWorkshop('Volgorde', ['Gemeente']);
    await actor.page.goto(facilitatorUrl);
    const map = new MapPage(actor.page);
    await map.waitUntilConnected();
    const xs: Record<string, number> = {};
    for (const id of ['values', 'relations', 'actions', 'conditions', 'steps'] as const) {
      xs[id] = (await map.column(id).boundingBox())!.x;
    }
    expect(xs.values).toBeGreaterThan(xs.relations);
    expect(xs.relations).toBeGreaterThan(xs.actions);
    expect(xs.actions).toBeGreaterThan(xs.conditions);
    expect(xs.conditions).toBeGreaterThan(xs.steps);
    expect(await map.column('values').innerText()).toMatch(/1[\s\S]*Waarden/);
    await actor.context.close();
  });

  it('[A4] an unknown workshop shows a clear not-found page', async () => {
    const actor = await newActor(browser, server.url);
    await actor.page.goto(`/w/${'a'.repeat(26)}`);
    await byTestId(actor.page, 'notfound').waitFor();
    expect(await byTestId(actor.page, 'notfound').innerText()).toMatch(/bestaat niet/i);
    await actor.context.close();
  });
});
