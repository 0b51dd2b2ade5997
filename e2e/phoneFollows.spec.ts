import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_USER } from '../shared/origins.js';
import { setActiveColumns, setSessionPlan } from '../shared/session.js';
import { launchBrowser, newActor } from './support/browser.js';
import { byTestId, eventually, JoinPage } from './support/pages.js';
import { showsOnly } from './support/phone.js';
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

describe('a phone follows the facilitator', () => {
  it('[U10][U11] opens on the step now (step 1 closed), moves along on every step change, offers one tap back, keeps it after a reload', async () => {
    const { created } = await createWorkshop(server.url, 'Samen sterk in Wijk Noord');
    const session = await openAsFacilitator(server.url, created, 'session');
    setSessionPlan(session.doc, { mode: 'separate' }, LOCAL_USER);
    setActiveColumns(session.doc, ['relations'], LOCAL_USER);
    const phone = await newActor(browser, server.url, { width: 390, height: 844 });
    const { page } = phone;
    const showsStep = (column: string) => () => showsOnly(page, column);
    try {
      // A fresh join while step 2 is on: the phone opens on step 2, not on the closed step 1.
      await new JoinPage(page).join(`${server.url}${created.participantPath}`, 'Noor', 'Wijkteam');
      await eventually(showsStep('relations'), 'the phone opens on step 2');
      const hint = byTestId(page, 'map.directionHint');
      expect(await hint.innerText()).toContain('Relaties');
      expect(await hint.innerText()).not.toContain('Begin bij stap 1');
      expect(await byTestId(page, 'map.backToStep').count()).toBe(0);

      // The facilitator moves on: the phone goes along.
      setActiveColumns(session.doc, ['steps'], LOCAL_USER);
      await eventually(showsStep('steps'), 'the phone follows to step 5');
      await eventually(async () => (await hint.innerText()).includes('Acties'), 'the hint names step 5');
      expect(await hint.innerText()).not.toContain('Begin bij stap 1');

      // Looking back at step 1: one tap brings the phone back to the step now.
      await byTestId(page, 'map.step.values').click();
      await eventually(showsStep('values'), 'the person looks at step 1');
      const back = byTestId(page, 'map.backToStep');
      expect(await back.innerText()).toContain('Acties');
      const box = await back.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(24);
      await back.click();
      await eventually(showsStep('steps'), 'back at step 5 in one tap');
      expect(await back.count()).toBe(0);

      // Away again; the next step change brings the phone along too.
      await byTestId(page, 'map.step.values').click();
      await eventually(showsStep('values'), 'the person looks at step 1 again');
      setActiveColumns(session.doc, ['conditions'], LOCAL_USER);
      await eventually(showsStep('conditions'), 'a step back (to 4) brings the phone along');

      // A reload opens on the step now.
      await page.reload();
      await byTestId(page, 'map').waitFor();
      await eventually(showsStep('conditions'), 'after a reload: still step 4');
    } finally {
      await phone.context.close();
      session.close();
    }
  }, 90_000);
});
