import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setFollowUp } from '../shared/followUp.js';
import { LOCAL_USER } from '../shared/origins.js';
import { readMap } from '../shared/readModel.js';
import { newActor } from './support/browser.js';
import { expectLayout, ROOM_SIZES } from './support/layoutChecks.js';
import { byTestId, eventually } from './support/pages.js';
import { actAs, joinByApi } from './support/people.js';
import { createWorkshop, openAsFacilitator } from './support/seedMap.js';
import type { E2EServer } from './support/server.js';
import { serverAndBrowser } from './support/suite.js';
import { agreeFirstActions, lockActies } from './support/trajectory.js';

let browser: Browser;
let server: E2EServer;
serverAndBrowser({ screens: false }, (running) => ({ server, browser } = running));

describe("an action's follow-up from the card on the map", () => {
  it('[J9][J5] between meetings the owner opens the card on the map and reports it done; the server keeps it', async () => {
    const { created, info } = await createWorkshop(server.url, 'Opvolging op de kaart', {
      partners: ['Gemeente', 'Wijkteam'],
    });
    const actions = await agreeFirstActions(server.url, created);
    const anna = await joinByApi(server.url, info, 'Anna', 0);
    const fac = await openAsFacilitator(server.url, created, 'map:joint');
    setFollowUp(fac.doc, actions.servesValue, { owner: { kind: 'partner', id: anna.partner } }, LOCAL_USER);
    await lockActies(server.url, created);
    const status = () => readMap(fac.doc).columns.steps.find((c) => c.id === actions.servesValue);

    const phone = (await newActor(browser, server.url, ROOM_SIZES.laptop)).page;
    await actAs(phone.context(), info, anna);
    await phone.goto(`/w/${info.id}/map`);
    await phone.locator('[data-testid="connection.state"][data-state="connected"]').waitFor();
    const card = phone.locator(`[data-testid="card"][data-card-id="${actions.servesValue}"]`);
    await card.getByTestId('card.details').click();
    const section = byTestId(phone, 'card.followUp');
    await section.waitFor();
    await section.getByTestId('trajectory.followUp.status').selectOption('done');
    await section.getByTestId('trajectory.followUp.note').fill('Zaal staat vast');
    await section.getByTestId('trajectory.followUp.save').click();
    await eventually(async () => status()?.actionStatus === 'done', 'the facilitator sees it done');
    expect(status()?.actionNote).toBe('Zaal staat vast');
    await expectLayout(
      phone,
      { root: '[data-testid="card.detailsPanel"]', minTarget: 24 },
      'follow-up on a phone',
      'followup-card-laptop.png',
    );
    fac.close();
  });
});
