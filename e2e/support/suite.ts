import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { ROOM_SIZES, SCREENS } from './layoutChecks.js';
import { E2EServer } from './server.js';

/**
 * The server and Chromium of one spec file: started before its tests, stopped after them (the
 * screenshots folder made first when the file takes pictures). `started` hands them to the file.
 */
export function serverAndBrowser(
  options: { screens?: boolean },
  started: (running: { server: E2EServer; browser: Browser }) => void,
): void {
  let server: E2EServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (options.screens) fs.mkdirSync(SCREENS, { recursive: true });
    server = await new E2EServer().start();
    browser = await launchBrowser();
    started({ server, browser });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}

/** The projector's two room sizes (ROOM.md) with its smallest text there (14 px at 720, 18 px at 1080). */
export const PROJECTOR_SIZES = [
  { ...ROOM_SIZES.projector720, floor: 14, name: '720' },
  { ...ROOM_SIZES.projector1080, floor: 18, name: '1080' },
] as const;
