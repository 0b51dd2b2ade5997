import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../server/config.js';
import { demoFileFor, type SampleWorkshop } from '../server/workshops/sampleWorkshop.js';
import { launchBrowser, newActor } from './support/browser.js';
import { byTestId, eventually } from './support/pages.js';
import { E2EServer } from './support/server.js';

let browser: Browser;
let server: E2EServer;

beforeAll(async () => {
  // An empty PKL_DEMO_FIXTURE is the default: the built-in demo, as on a fresh install.
  server = await new E2EServer({ PKL_DEMO_FIXTURE: '' }).start();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const demo = (lang: 'nl' | 'en'): SampleWorkshop =>
  JSON.parse(fs.readFileSync(demoFileFor(DEFAULTS.demoFixturePath, lang)!, 'utf8'));

describe('demo workshop on a fresh install', () => {
  it.each(['nl', 'en'] as const)(
    '[A7] the start page offers the built-in demo; one click opens it in the chosen language (%s)',
    async (lang) => {
      const { context, page } = await newActor(browser, server.url);
      await page.goto('/');
      await byTestId(page, 'lang.select').selectOption(lang);
      await byTestId(page, 'start.demo').click();
      await byTestId(page, 'console').waitFor();
      const expected = demo(lang);
      // Partners first: the console opens on the first partner's own map, with its cards from the demo.
      const [first] = expected.partners;
      await eventually(
        async () => (await byTestId(page, 'map.title').innerText()).includes(first.name),
        'the first partner map is open',
      );
      const cards = expected.partnerMaps[first.id].map((c) => c.text);
      await eventually(
        async () =>
          (await page.locator('[data-testid="card.text"]').allInnerTexts())
            .map((t) => t.trim())
            .sort()
            .join('|') === [...cards].sort().join('|'),
        "the partner's demo cards are shown",
      );
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await context.close();
    },
  );
});
