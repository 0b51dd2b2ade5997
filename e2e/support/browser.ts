import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; Playwright's own browser download does not work on a closed network. */
export const CHROMIUM = process.env.PKL_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without these, Chromium keeps calling home, which a closed network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * One actor = one browser context: pages in one context share a BroadcastChannel and would sync
 * without the server, which would hide exactly the bugs these tests are for.
 */
export async function newActor(
  browser: Browser,
  baseUrl: string,
  viewport = { width: 1600, height: 1000 },
  options: { injectsScripts?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  // Only the accessibility checks bypass the content security policy, to inject axe-core;
  // every other test runs the app under its real policy, so a forbidden outside load would fail.
  const context = await browser.newContext({ baseURL: baseUrl, viewport, bypassCSP: options.injectsScripts ?? false });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { context, page };
}
