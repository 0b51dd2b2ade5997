import path from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setStepFields } from '../shared/cardDetails.js';
import type { CardId } from '../shared/ids.js';
import { createCard, updateCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { JOINT_MAP } from '../shared/protocol.js';
import { setFocus } from '../shared/session.js';
import { newActor } from './support/browser.js';
import { SCREENS } from './support/layoutChecks.js';
import { byTestId, eventually, MapPage } from './support/pages.js';
import { actAs, joinByApi } from './support/people.js';
import { createWorkshop, openAsFacilitator } from './support/seedMap.js';
import type { E2EServer } from './support/server.js';
import { serverAndBrowser } from './support/suite.js';

let browser: Browser;
let server: E2EServer;
serverAndBrowser({ screens: false }, (running) => ({ server, browser } = running));

describe('links between cards, in the browser', () => {
  it('[L4][L5] a participant links an action to a value by keyboard; the console flags the agreed action that serves no value; the projector shows the links', async () => {
    const { created, info } = await createWorkshop(server.url, 'Van kaart naar afspraak', {
      partners: ['Gemeente', 'Wijkteam'],
    });
    // The facilitator's map: two values and two agreed actions (with who, what and when).
    const joint = await openAsFacilitator(server.url, created, JOINT_MAP);
    const card = (column: 'values' | 'steps', text: string) =>
      createCard(joint.doc, { column, author: '', authorName: 'Begeleider', partner: '', text }, LOCAL_USER);
    card('values', 'Iedereen doet mee');
    const home = card('values', 'Ouderen wonen langer thuis');
    const club = card('steps', 'Wandelclub voor buurtgenoten');
    const folder = card('steps', 'Folder over het mantelzorgcafé');
    for (const id of [club, folder]) {
      setStepFields(joint.doc, id as CardId, { who: 'Wijkteam', what: 'Starten', when: 'Mei' }, LOCAL_USER);
      updateCard(joint.doc, id as CardId, { status: 'agreed' }, LOCAL_USER);
    }
    const anna = await joinByApi(server.url, info, 'Anna', 0);
    const annaActor = await newActor(browser, server.url, { width: 1440, height: 900 });
    const fac = await newActor(browser, server.url, { width: 1600, height: 1000 });
    try {
      await actAs(annaActor.context, info, anna);
      await annaActor.page.goto(`/w/${info.id}/map`);
      const map = new MapPage(annaActor.page);
      await map.waitUntilConnected();
      await map.card(club).waitFor();

      // By keyboard only: the card, its "Hoort bij…" button, Enter, then the value, Enter, Escape.
      const trigger = byTestId(map.card(club), 'card.linkMenu');
      await trigger.focus();
      await annaActor.page.keyboard.press('Enter');
      const item = map.card(club).locator(`[data-testid="card.linkMenu.item"][data-target-id="${home}"]`);
      await item.waitFor();
      expect(await item.innerText()).toBe('W2 Ouderen wonen langer thuis');
      await eventually(
        async () =>
          annaActor.page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'card.linkMenu.item'),
        'focus in the list',
      );
      await annaActor.page.keyboard.press('Tab');
      await annaActor.page.keyboard.press('Enter');
      await eventually(async () => (await item.getAttribute('aria-pressed')) === 'true', 'linked');
      await annaActor.page.keyboard.press('Escape');
      await eventually(
        async () =>
          annaActor.page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'card.linkMenu'),
        'focus back on the button',
      );
      expect(await byTestId(map.card(club), 'card.serves').innerText()).toContain('W2');
      // The card has the focus: the value it serves is marked on the map.
      await eventually(async () => (await byTestId(map.card(home), 'card.linkMarker').count()) === 1, 'marker on W2');
      await annaActor.page.screenshot({ path: path.join(SCREENS, 'links-map-1440x900.png') });
      // On a phone: one step at a time; Acties shows the card with what it serves.
      await annaActor.page.setViewportSize({ width: 390, height: 844 });
      await byTestId(annaActor.page, 'map.step.steps').click();
      await map.card(club).waitFor();
      await map.card(club).focus();
      await map.card(club).scrollIntoViewIfNeeded();
      expect(await byTestId(map.card(club), 'card.serves').innerText()).toContain('W2');
      await annaActor.page.screenshot({ path: path.join(SCREENS, 'links-map-390x844.png') });

      // The facilitator's console flags the agreed action linked to no value, and only that one.
      await fac.page.goto(created.facilitatorPath);
      await byTestId(fac.page, 'console').waitFor();
      await byTestId(fac.page, 'console.tab.links').click();
      const flagged = byTestId(fac.page, 'console.links.actionsWithoutValue');
      await eventually(
        async () =>
          (await flagged.locator(`[data-card-id="${folder}"]`).count()) === 1 &&
          (await flagged.locator(`[data-card-id="${club}"]`).count()) === 0,
        'the unlinked agreed action is flagged',
      );
      expect(await flagged.innerText()).toContain('A2 Folder over het mantelzorgcafé');
      expect(await byTestId(fac.page, 'console.links.valuesWithoutAction').innerText()).toContain(
        'W1 Iedereen doet mee',
      );

      // On the projector, the action in focus shows the value it serves.
      const session = await openAsFacilitator(server.url, created, 'session');
      const wall = await browser.newContext({
        baseURL: server.url,
        viewport: { width: 1920, height: 1080 },
        reducedMotion: 'reduce',
      });
      try {
        const page = await wall.newPage();
        await page.goto(created.projectorPath);
        await byTestId(page, 'projector').waitFor();
        setFocus(session.doc, { kind: 'card', cardId: club }, LOCAL_USER);
        const serves = byTestId(page, 'projector.links.serves');
        await serves.waitFor();
        expect(await serves.innerText()).toContain('W2 Ouderen wonen langer thuis');
        // Still fitted: nothing outside the window (polled: the fit settles after the band appears).
        await eventually(
          () =>
            page.evaluate(
              () =>
                document.documentElement.scrollHeight <= window.innerHeight &&
                document.documentElement.scrollWidth <= window.innerWidth,
            ),
          'the projector fits with the links band',
        );
        await page.screenshot({ path: path.join(SCREENS, 'links-projector-1920x1080.png') });
      } finally {
        await wall.close();
        session.close();
      }
    } finally {
      await annaActor.context.close();
      await fac.context.close();
      joint.close();
    }
  });
});
