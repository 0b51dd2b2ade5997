import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './support/axe.js';
import { launchBrowser, newActor } from './support/browser.js';
import { byTestId, JoinPage, MapPage, StartPage } from './support/pages.js';
import { actAs, joinByApi } from './support/people.js';
import { createWorkshop, openAsFacilitator } from './support/seedMap.js';
import { E2EServer } from './support/server.js';
import { agreeFirstActions } from './support/trajectory.js';
import { requestScoreRound, requestVoteRound } from '../shared/rounds/rounds.js';
import { LOCAL_USER } from '../shared/origins.js';
import { setProjectorShows } from '../shared/projectorShows.js';

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

  it('[X5] the panels added after the first audit: "Waarden en akkoord" and Traject in the console; votes, check-in and the review on a phone', async () => {
    const { created, info } = await createWorkshop(server.url, 'Toegankelijk vervolg', {
      partners: ['Gemeente', 'Wijkteam'],
    });
    const cards = await agreeFirstActions(server.url, created);
    const anna = await joinByApi(server.url, info, 'Anna', 0);
    await joinByApi(server.url, info, 'Bram', 1);
    const fac = await newActor(browser, server.url, { width: 1280, height: 800 }, { injectsScripts: true });
    const phone = await newActor(browser, server.url, { width: 390, height: 844 }, { injectsScripts: true });
    const session = await openAsFacilitator(server.url, created, 'session');
    try {
      await fac.page.goto(created.facilitatorPath);
      await byTestId(fac.page, 'console').waitFor();
      await byTestId(fac.page, 'console.tab.links').click();
      await byTestId(fac.page, 'console.signoff').waitFor();
      await byTestId(fac.page, 'console.links.actionsWithoutValue').waitFor();
      expect(describeViolations(await seriousViolations(fac.page))).toEqual([]);
      await byTestId(fac.page, 'console.tab.trajectory').click();
      await byTestId(fac.page, 'trajectory.suggest').click();
      await byTestId(fac.page, 'trajectory.meeting').first().waitFor();
      await byTestId(fac.page, 'trajectory.review').waitFor();
      // An owner for one action, so the phone shows Anna's follow-up form in the review.
      const form = fac.page
        .locator(`[data-testid="trajectory.followUp.form"][data-card-id="${cards.servesValue}"]`)
        .first();
      await byTestId(form, 'trajectory.followUp.owner').selectOption(`person:${anna.participantId}`);
      await byTestId(form, 'trajectory.followUp.save').click();
      expect(describeViolations(await seriousViolations(fac.page))).toEqual([]);

      await actAs(phone.context, info, anna);
      await phone.page.goto(`/w/${info.id}/map`);
      await byTestId(phone.page, 'map').waitFor();
      requestVoteRound(session.doc, { column: 'values', budget: 3, per: 'person', ownCards: true }, LOCAL_USER);
      await byTestId(phone.page, 'votes.panel').waitFor();
      expect(describeViolations(await seriousViolations(phone.page))).toEqual([]);
      requestScoreRound(session.doc, 'checkin', LOCAL_USER);
      await byTestId(phone.page, 'scores.panel').waitFor();
      expect(describeViolations(await seriousViolations(phone.page))).toEqual([]);
      setProjectorShows(session.doc, { kind: 'review' }, LOCAL_USER);
      await byTestId(byTestId(phone.page, 'trajectory.phoneReview'), 'trajectory.followUp.form').waitFor();
      expect(describeViolations(await seriousViolations(phone.page))).toEqual([]);
    } finally {
      session.close();
      await Promise.all([fac.context.close(), phone.context.close()]);
    }
  });
});
