import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ColumnId } from '../shared/columns.js';
import { describeViolations, seriousViolations } from './support/axe.js';
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

const CAFE = 'een dementiecafé opzetten';
const WALK = 'een wandelclub voor mensen met dementie';
const RENT = 'huurachterstand voorkomen';
const JOINT = 'Mensen met dementie en mantelzorgers ontmoeten elkaar';

/** A real client with a participant's token: does the server let it open this map document? */
function probe(
  baseUrl: string,
  workshopId: string,
  doc: string,
  token: string,
): Promise<{ opened: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(
      `${baseUrl.replace(/^http/, 'ws')}/sync/${workshopId}/${doc}?token=${encodeURIComponent(token)}`,
    );
    let gotData = false;
    // An accepted connection gets the server's sync step 1 at once; we then close it ourselves.
    // A refused one is closed by the server before any data. Either way the close event ends the probe.
    ws.on('message', () => {
      gotData = true;
      ws.close(1000);
    });
    ws.on('close', (code) => resolve({ opened: gotData, code }));
    ws.on('error', () => undefined);
  });
}

/**
 * MapPage.addCard, but typing only once the editor has focus (it takes focus a moment after it
 * appears; keys typed before that are lost).
 */
async function addCard(map: MapPage, column: ColumnId, text: string): Promise<void> {
  const before = await map.cards(column).count();
  await byTestId(map.column(column), `column.${column}.add`).click();
  const editor = byTestId(map.page, 'card.editor').locator('[contenteditable="true"]');
  await editor.waitFor();
  await eventually(async () => (await map.cards(column).count()) === before + 1, 'card added');
  await eventually(() => editor.evaluate((el) => el.contains(document.activeElement)), 'the editor has focus');
  await map.page.keyboard.type(text);
  await eventually(async () => (await editor.innerText()).trim() === text, 'text typed');
  await byTestId(map.page, 'card.done').click();
}

const identityOf = (page: Page, workshopId: string) =>
  page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key) ?? 'null') as { token: string } | null,
    `pkl.identity.${workshopId}`,
  );

/** The group (on a compare view) that holds a card with this text. */
const groupWith = (scope: Page | Locator, text: string) =>
  scope.locator('[data-testid="compare.group"]', {
    // The card's own text: the facilitator's join list of another group names it too.
    has: ('page' in scope ? scope.page() : scope).locator('.compare-group-text', { hasText: text }),
  });

const originsOf = async (scope: Page | Locator, text: string) =>
  scope
    .locator('[data-testid="compare.joint.card"]', { hasText: text })
    .locator('[data-testid="compare.origin"]')
    .allInnerTexts();

describe('partners first: each partner fills its own map, then the mixed session compares them and builds the joint map', () => {
  it('[F1][F2][C1][C2][C3] two partner groups fill their maps apart; the mixed session groups similar cards and takes them onto the joint map with their origins', async () => {
    const opts = { injectsScripts: true };
    // The facilitator makes a partners-first workshop with two partners.
    const fac = await newActor(browser, server.url, { width: 1920, height: 1080 }, opts);
    const start = new StartPage(fac.page);
    await start.open();
    await byTestId(fac.page, 'start.flow.partners-first').check();
    const links = await start.createWorkshop('Samen zorgen in de wijk', ['Gemeente', 'Zorg']);
    const workshopId = links.participantUrl.split('/w/')[1];
    await byTestId(fac.page, 'start.openAsFacilitator').click();
    await byTestId(fac.page, 'console').waitFor();

    const beamer = await newActor(browser, server.url, { width: 1920, height: 1080 }, opts);
    await beamer.page.goto(links.projectorUrl);
    await byTestId(beamer.page, 'projector').waitFor();

    // Anna (Gemeente) and Bram (Zorg), each in their own browser. Anna's browser records every
    // document it connects to and every text it ever shows, to prove nothing of Zorg's map reaches it.
    const anna = await newActor(browser, server.url, undefined, opts);
    const annaSockets: string[] = [];
    anna.page.on('websocket', (ws) => annaSockets.push(decodeURIComponent(ws.url())));
    await anna.context.addInitScript(() => {
      const seen = new Set<string>();
      (window as unknown as { __seen: Set<string> }).__seen = seen;
      new MutationObserver(() => seen.add(document.body?.innerText ?? '')).observe(document, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    const bram = await newActor(browser, server.url);
    await new JoinPage(anna.page).join(links.participantUrl, 'Anna', 'Gemeente');
    await new JoinPage(bram.page).join(links.participantUrl, 'Bram', 'Zorg');
    const annaMap = new MapPage(anna.page);
    const bramMap = new MapPage(bram.page);
    expect(await byTestId(anna.page, 'map.title').innerText()).toBe('Kaart van Gemeente — ingevuld door Gemeente');
    expect(await byTestId(bram.page, 'map.title').innerText()).toBe('Kaart van Zorg — ingevuld door Zorg');

    // Homogeneous stage: each fills its own map.
    await addCard(annaMap, 'values', CAFE);
    await addCard(bramMap, 'values', WALK);
    await addCard(bramMap, 'values', RENT);
    expect(await annaMap.cardTextsIn('values')).toEqual([CAFE]);
    expect(await bramMap.cardTextsIn('values')).toEqual([WALK, RENT]);

    // The facilitator follows the progress of both maps.
    await byTestId(fac.page, 'console.tab.partners').click();
    await eventually(
      async () => (await byTestId(fac.page, 'partners.total.zorg').innerText()).trim() === '2',
      'Zorg has two cards',
    );
    expect((await byTestId(fac.page, 'partners.total.gemeente').innerText()).trim()).toBe('1');
    expect(await byTestId(fac.page, 'partners.lastChange.zorg').locator('time').count()).toBe(1);

    // Anna's token cannot open Zorg's map nor the joint map: refused at the server with 4403.
    const annaToken = (await identityOf(anna.page, workshopId))!.token;
    expect(await probe(server.url, workshopId, 'map:zorg', annaToken)).toEqual({ opened: false, code: 4403 });
    expect(await probe(server.url, workshopId, 'map:joint', annaToken)).toEqual({ opened: false, code: 4403 });
    // …and her browser never connected to either, nor showed a word of Zorg's cards.
    const annaMaps = annaSockets.filter((u) => u.includes('/map:')).map((u) => u.replace(/\?.*$/, '').split('/').pop());
    expect(annaMaps.length).toBeGreaterThan(0);
    expect(new Set(annaMaps)).toEqual(new Set(['map:gemeente']));
    const seenByAnna = await anna.page.evaluate(() =>
      [...(window as unknown as { __seen: Set<string> }).__seen].join('\n'),
    );
    expect(seenByAnna).toContain(CAFE);
    expect(seenByAnna).not.toContain('wandelclub');
    expect(seenByAnna).not.toContain('huurachterstand');
    expect(describeViolations(await seriousViolations(anna.page))).toEqual([]);

    // The facilitator opens the mixed session, after a question.
    await byTestId(fac.page, 'partners.openMixed').click();
    await byTestId(fac.page, 'partners.openMixed.confirm').click();
    await fac.page.locator('[data-testid="partners.stage"][data-stage="heterogeneous"]').waitFor();

    // Everyone sees the partner maps side by side, and the two dementia cards grouped.
    for (const page of [anna.page, bram.page, fac.page]) {
      await byTestId(page, 'compare').waitFor();
      await eventually(
        async () => (await byTestId(page, 'compare.partner.gemeente').innerText()).includes(CAFE),
        'Gemeente column',
      );
      await eventually(
        async () => (await byTestId(page, 'compare.partner.zorg').innerText()).includes(WALK),
        'Zorg column',
      );
      const together = groupWith(page, CAFE);
      await together.waitFor();
      expect(await together.getAttribute('data-single')).toBe('false');
      expect(await together.innerText()).toContain(WALK);
      expect(await groupWith(page, RENT).getAttribute('data-single')).toBe('true');
      expect(await byTestId(groupWith(page, RENT), 'compare.only').innerText()).toBe('alleen Zorg');
    }
    // Side by side on a wide screen: the joint map and the comparison are both visible.
    expect(await byTestId(anna.page, 'compare.partner.zorg').isVisible()).toBe(true);
    expect(await annaMap.column('values').isVisible()).toBe(true);
    // The projector shows the comparison of the step in focus.
    await beamer.page.locator('[data-testid="projector.focus"][data-kind="compare"]').waitFor();
    await groupWith(beamer.page, CAFE).waitFor();

    // Anna proposes "gedeeld"; the facilitator confirms it and takes the group onto the joint map.
    await byTestId(groupWith(anna.page, CAFE), 'compare.tag.shared').click();
    const facGroup = groupWith(fac.page, CAFE);
    await eventually(
      async () => (await byTestId(facGroup, 'compare.tag').getAttribute('data-tag')) === 'shared',
      'proposal reaches the facilitator',
    );
    await byTestId(facGroup, 'compare.tag.confirm').click();
    await eventually(
      async () => (await byTestId(groupWith(bram.page, CAFE), 'compare.tag').getAttribute('data-confirmed')) === 'true',
      'Bram sees the confirmed tag',
    );
    await byTestId(facGroup, 'compare.take').click();
    await byTestId(facGroup, 'compare.take.text').fill(JOINT);
    await byTestId(facGroup, 'compare.take.submit').click();

    // On every screen the joint card carries both partners as its origins; the partner maps keep their cards.
    for (const page of [anna.page, bram.page, fac.page, beamer.page]) {
      await eventually(
        async () => (await originsOf(page, JOINT)).join(',') === 'Gemeente,Zorg',
        'joint card with both origins',
      );
      expect(await byTestId(groupWith(page, CAFE), 'compare.taken').innerText()).toContain(JOINT);
      expect(await byTestId(page, 'compare.partner.gemeente').innerText()).toContain(CAFE);
    }
    // A participant takes what only Zorg said, as a tension: it becomes an open point on the joint map.
    const bramRent = groupWith(bram.page, RENT);
    await byTestId(bramRent, 'compare.take').click();
    expect(await byTestId(bramRent, 'compare.take.text').inputValue()).toBe(RENT);
    await byTestId(bramRent, 'compare.take.tag').selectOption('tension');
    await byTestId(bramRent, 'compare.take.submit').click();
    await eventually(
      async () => (await originsOf(anna.page, RENT)).join(',') === 'Zorg',
      'Anna sees where the open point came from',
    );
    expect(
      await anna.page.locator('[data-testid="compare.joint.card"]', { hasText: RENT }).getAttribute('data-status'),
    ).toBe('parked');

    // The joint map itself has the card, for the participants to work on.
    for (const map of [annaMap, bramMap]) {
      await eventually(async () => (await map.cardTextsIn('values')).includes(JOINT), 'the card is on the joint map');
    }

    // Accessibility of the mixed session, the console and the projector's comparison.
    expect(describeViolations(await seriousViolations(anna.page))).toEqual([]);
    expect(describeViolations(await seriousViolations(fac.page))).toEqual([]);
    expect(describeViolations(await seriousViolations(beamer.page))).toEqual([]);

    // On a phone the joint map and the comparison are two tabs.
    await anna.page.setViewportSize({ width: 390, height: 844 });
    await byTestId(anna.page, 'compare.pane.compare').waitFor();
    expect(await byTestId(anna.page, 'compare.partner.zorg').isVisible()).toBe(true);
    expect(await annaMap.column('values').isVisible()).toBe(false);
    await byTestId(anna.page, 'compare.pane.joint').click();
    await annaMap.column('values').waitFor();
    expect(await byTestId(anna.page, 'compare.partner.zorg').isVisible()).toBe(false);
    expect(describeViolations(await seriousViolations(anna.page))).toEqual([]);

    // Back to the partners' own maps: Anna works in the Gemeente map again, the joint map is kept.
    await byTestId(fac.page, 'partners.backHome').click();
    await byTestId(fac.page, 'partners.backHome.confirm').click();
    await eventually(
      async () =>
        (await byTestId(anna.page, 'map.title').innerText()) === 'Kaart van Gemeente — ingevuld door Gemeente',
      'own map again',
    );
    expect(await byTestId(anna.page, 'compare').count()).toBe(0);

    await Promise.all([fac, beamer, anna, bram].map((a) => a.context.close()));
  }, 180_000);
});
