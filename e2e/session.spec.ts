import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './support/axe.js';
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

const projectorCardTexts = (page: Page) => page.locator('[data-testid="snapshot.card"]').allInnerTexts();

describe('a guided session, short mode, with a facilitator, two participants and a projector', () => {
  it('[G1][G4][G5][G6][G7][D1][D2][K1][R1][R4][X2] runs from joining by code to a map whose cards are agreed or parked', async () => {
    const opts = { injectsScripts: true };
    // The facilitator creates the workshop and opens the console.
    const fac = await newActor(browser, server.url, { width: 1920, height: 1080 }, opts);
    const start = new StartPage(fac.page);
    await start.open();
    const links = await start.createWorkshop('Samen sterk in Holendrecht', ['Gemeente', 'Wijkverpleging']);
    expect(links.joinCode).toMatch(/^[A-Z2-9]{6}$/);
    await byTestId(fac.page, 'start.openAsFacilitator').click();
    await byTestId(fac.page, 'console').waitFor();
    const facMap = new MapPage(fac.page);
    await facMap.waitUntilConnected();

    // The projector follows along, read-only.
    const beamer = await newActor(browser, server.url, { width: 1920, height: 1080 }, opts);
    await beamer.page.goto(links.projectorUrl);
    await byTestId(beamer.page, 'projector').waitFor();
    expect(await byTestId(beamer.page, 'projector.joinCode').innerText()).toContain(links.joinCode);
    expect(await beamer.page.locator('[data-testid="card.edit"], [data-testid$=".add"]').count()).toBe(0);

    // Two participants join by code, without an account.
    const anna = await newActor(browser, server.url, undefined, opts);
    const bram = await newActor(browser, server.url);
    await new JoinPage(anna.page).joinByCode(links.joinCode, 'Anna', 'Gemeente', 'manager');
    await new JoinPage(bram.page).joinByCode(links.joinCode, 'Bram', 'Wijkverpleging', 'professional');
    const annaMap = new MapPage(anna.page);
    const bramMap = new MapPage(bram.page);

    // Short mode: step 1 first, then steps 2–5 together. Only Waarden is open.
    await byTestId(fac.page, 'console.plan.mode').selectOption('short');
    await byTestId(fac.page, 'console.plan.start').first().click();
    await byTestId(anna.page, 'column.relations.closed').waitFor();
    await byTestId(anna.page, 'column.values.now').waitFor();
    expect(await byTestId(anna.page, 'column.values.add').count()).toBe(1);
    expect(await byTestId(anna.page, 'column.steps.add').count()).toBe(0);

    // A five-minute timer, visible on every screen.
    await byTestId(fac.page, 'console.timer.minutes').fill('5');
    await byTestId(fac.page, 'console.timer.set').click();
    await byTestId(fac.page, 'console.timer.start').click();
    await anna.page.locator('[data-testid="session.timer"][data-phase="running"]').waitFor();
    await byTestId(beamer.page, 'projector.timer').waitFor();
    await eventually(
      async () => /[0-5]:[0-5]\d/.test(await byTestId(beamer.page, 'projector.timer').innerText()),
      'projector counts down',
    );

    // Write alone first: private cards reach nobody but their author (and the facilitator).
    await byTestId(fac.page, 'console.phase.private').check();
    // Both write only once the private phase reached them: a card added before goes onto the map for all.
    await byTestId(anna.page, 'drafts.banner').waitFor();
    await byTestId(bram.page, 'drafts.banner').waitFor();
    const annaCard = await annaMap.addCard('values', 'Iedereen weet bij wie hij terecht kan');
    const bramCard = await bramMap.addCard('values', 'Mantelzorgers trekken eerder aan de bel');
    expect(await annaMap.card(annaCard).getAttribute('data-private')).toBe('true');
    expect(await bramMap.card(annaCard).count()).toBe(0);
    expect(await annaMap.card(bramCard).count()).toBe(0);
    expect((await projectorCardTexts(beamer.page)).join('\n')).not.toContain('Iedereen weet');

    // Reveal: all at once, on every screen.
    await byTestId(fac.page, 'console.reveal').click();
    await byTestId(fac.page, 'console.reveal.confirm').click();
    // The server moves each person's drafts in its own step, and the map and the drafts are two
    // documents: until all has arrived a screen can show a card twice, or one still as a draft.
    for (const map of [annaMap, bramMap, facMap]) {
      await eventually(
        async () =>
          (await map.card(annaCard).count()) === 1 &&
          (await map.card(bramCard).count()) === 1 &&
          (await map.page.locator('[data-testid="card"][data-private]').count()) === 0,
        'both revealed',
      );
    }
    await eventually(
      async () => (await projectorCardTexts(beamer.page)).join('\n').includes('Mantelzorgers trekken eerder'),
      'projector shows revealed cards',
    );
    expect(await annaMap.card(annaCard).getAttribute('data-private')).toBeNull();

    // A dialogue rule on the projector and on the participants' screens.
    await byTestId(fac.page, 'console.tab.dialogue').click();
    await byTestId(fac.page, 'console.rule.4').click();
    await byTestId(beamer.page, 'projector.rule').waitFor();
    await byTestId(bram.page, 'session.rule').waitFor();

    // Support and arguments on Anna's card, from Bram.
    const onBram = await new CardDetails(bram.page, bramMap.card(annaCard)).open();
    await byTestId(onBram.panel(), 'card.support').click();
    await byTestId(onBram.panel(), 'card.argument.side.against').check();
    await byTestId(onBram.panel(), 'card.argument.text').fill('Eén nummer is lastig voor nachtzorg');
    await byTestId(onBram.panel(), 'card.argument.add').click();
    await onBram.close();
    await eventually(
      async () => (await annaMap.card(annaCard).locator('[data-testid="card.supportCount"]').innerText()).includes('1'),
      'Anna sees the support',
    );
    await eventually(
      async () =>
        (await annaMap.card(annaCard).locator('[data-testid="card.argumentCounts"]').innerText()).includes('1'),
      'Anna sees the argument',
    );

    // Agreement: Anna says "eens namens" her partner; the facilitator decides ([K1]): Anna's card
    // agreed, Bram's parked as an open point. Step 1 is then closed.
    const onAnna = await new CardDetails(anna.page, annaMap.card(annaCard)).open();
    await byTestId(onAnna.panel(), 'card.agreeForPartner').click();
    await onAnna.close();
    const onFacA = await new CardDetails(fac.page, facMap.card(annaCard)).open();
    await byTestId(onFacA.panel(), 'card.status.agreed').click();
    await onFacA.close();
    const onFacB = await new CardDetails(fac.page, facMap.card(bramCard)).open();
    await byTestId(onFacB.panel(), 'card.status.parked').click();
    await onFacB.close();
    await byTestId(bram.page, 'column.values.done').waitFor();

    // Next step: in short mode steps 2–5 open together; Waarden closes for participants.
    await byTestId(fac.page, 'console.tab.steps').click();
    await byTestId(fac.page, 'console.nextStep').click();
    await byTestId(anna.page, 'column.values.closed').waitFor();
    await byTestId(anna.page, 'column.steps.now').waitFor();

    // A step in Acties needs who, what and when before it can be agreed.
    const action = await annaMap.addCard('steps', 'Eerste wijkoverleg plannen');
    const details = await new CardDetails(anna.page, annaMap.card(action)).open();
    await byTestId(details.panel(), 'card.status.reason').waitFor();
    await byTestId(details.panel(), 'card.step.who').fill('Anna');
    await byTestId(details.panel(), 'card.step.what').fill('Wijkoverleg met alle partners');
    await byTestId(details.panel(), 'card.step.when').fill('vóór 1 april');
    await byTestId(details.panel(), 'card.step.when').blur();
    await details.close();
    const onFacAction = await new CardDetails(fac.page, facMap.card(action)).open();
    await eventually(
      async () => (await byTestId(onFacAction.panel(), 'card.status.agreed').getAttribute('aria-disabled')) === null,
      'agree enabled',
    );
    await byTestId(onFacAction.panel(), 'card.status.agreed').click();
    await onFacAction.close();
    const relation = await bramMap.addCard('relations', 'We delen informatie alleen met toestemming');
    const onRel = await new CardDetails(fac.page, facMap.card(relation)).open();
    await byTestId(onRel.panel(), 'card.status.parked').click();
    await onRel.close();

    // The end: every card on every screen is agreed or parked.
    for (const page of [anna.page, bram.page, fac.page]) {
      await eventually(async () => {
        const statuses = await page
          .locator('[data-testid="card"]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
        return statuses.length === 4 && statuses.every((s) => s === 'agreed' || s === 'parked');
      }, 'all cards agreed or parked');
    }
    await eventually(
      async () => (await projectorCardTexts(beamer.page)).join('\n').includes('Eerste wijkoverleg plannen'),
      'projector has the last card',
    );

    // Accessibility of the console, a participant's map with a panel open, and the projector.
    const onCheck = await new CardDetails(anna.page, annaMap.card(action)).open();
    expect(describeViolations(await seriousViolations(anna.page))).toEqual([]);
    await onCheck.close();
    expect(describeViolations(await seriousViolations(fac.page))).toEqual([]);
    expect(describeViolations(await seriousViolations(beamer.page))).toEqual([]);

    await Promise.all([fac, beamer, anna, bram].map((a) => a.context.close()));
  }, 180_000);
});
