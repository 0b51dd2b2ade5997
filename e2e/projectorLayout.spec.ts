import path from 'node:path';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ColumnId } from '../shared/columns.js';
import type { CardId } from '../shared/ids.js';
import { addLink } from '../shared/links.js';
import { LOCAL_USER } from '../shared/origins.js';
import { setActiveColumns, setFocus, setSessionLang, setSessionPlan } from '../shared/session.js';
import { recordFigure } from './support/figures.js';
import { SCREENS } from './support/layoutChecks.js';
import { expectProjectorFits as expectFits } from './support/projectorFit.js';
import { byTestId, eventually } from './support/pages.js';
import { createWorkshop, openAsFacilitator, seedCards, spread } from './support/seedMap.js';
import type { E2EServer } from './support/server.js';
import { PROJECTOR_SIZES, serverAndBrowser } from './support/suite.js';
import { agreeFirstActions } from './support/trajectory.js';

/**
 * The projector at the sizes of a meeting room (ROOM.md): maps of 0 to 120 cards, checked the way a
 * person looks at the wall. Screenshots go to test-output/screens/ (not in git): look at them.
 */

const SIZES = PROJECTOR_SIZES;

let browser: Browser;
let server: E2EServer;
serverAndBrowser({ screens: true }, (running) => ({ server, browser } = running));

interface Fixture {
  name: string;
  counts: Record<ColumnId, number>;
  /** Guided with these columns active; null: not guided, every column counts. */
  active: ColumnId[] | null;
}

async function projectorPage(
  projectorPath: string,
  size: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }> {
  // Reduced motion: the fit is checked where it lands, not halfway through the zoom.
  const context = await browser.newContext({ baseURL: server.url, viewport: size, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(projectorPath);
  await byTestId(page, 'projector').waitFor();
  return { context, page };
}

const sum = (counts: Record<ColumnId, number>, cols: readonly ColumnId[]) => cols.reduce((s, c) => s + counts[c], 0);
const ALL: ColumnId[] = ['values', 'relations', 'actions', 'conditions', 'steps'];

async function prepare(f: Fixture) {
  const { created, info } = await createWorkshop(server.url, `Partnerschap Wijk Noord: ${f.name}`);
  const session = await openAsFacilitator(server.url, created, 'session');
  if (f.active) {
    setSessionPlan(session.doc, { mode: f.active.length > 1 ? 'short' : 'separate' }, LOCAL_USER);
    setActiveColumns(session.doc, f.active, LOCAL_USER);
  }
  const seeded = await seedCards(server.url, created, info, f.counts);
  return { created, session, seeded };
}

const FIXTURES: Fixture[] = [
  ...[0, 7, 30, 65, 120].map((n) => ({
    name: `${n}`,
    counts: spread(n, ['values'], 0.6),
    active: ['values'] as ColumnId[],
  })),
  { name: '65-in-waarden', counts: spread(65, ['values'], 1), active: ['values'] },
  { name: '120-in-waarden', counts: spread(120, ['values'], 1), active: ['values'] },
  {
    name: '65-step2-short',
    counts: spread(65, ['steps'], 0.3),
    active: ['relations', 'actions', 'conditions', 'steps'],
  },
  { name: '120-not-guided', counts: spread(120, ['values'], 0.2), active: null },
  // Acties in focus of the step: who / what / when on full cards.
  { name: '7-acties', counts: spread(7, ['steps'], 1), active: ['steps'] },
];

describe('the projector fits the room', () => {
  for (const f of FIXTURES) {
    it(`[U4][U5][U6] ${f.name} cards: every active card visible, no overflow, text above its floor, no word broken`, async () => {
      const { created, session, seeded } = await prepare(f);
      const activeCount = sum(f.counts, f.active ?? ALL);
      try {
        for (const size of SIZES) {
          const { context, page } = await projectorPage(created.projectorPath, size);
          try {
            const total = sum(f.counts, ALL);
            await eventually(
              async () => (await page.locator('[data-testid="snapshot.card"]').count()) === total,
              `${total} cards on the projector`,
            );
            const shot = path.join(SCREENS, `projector-${f.name}-${size.width}x${size.height}.png`);
            const check = await expectFits(
              page,
              size.floor,
              activeCount,
              `${f.name} at ${size.width}×${size.height}`,
              shot,
            );
            if (activeCount > 0) expect(check.font).toBeGreaterThanOrEqual(size.floor);
            recordFigure('projector-figures.json', `${f.name} ${size.width}x${size.height}`, {
              documentHeight: check.documentHeight,
              activeCards: check.activeCards,
              activeFontPx: check.font,
              screenshot: path.basename(shot),
            });
          } finally {
            await context.close();
          }
        }
      } finally {
        seeded.close();
        session.close();
      }
    }, 120_000);
  }
});

describe('the projector in a session', () => {
  it('[U6][U7][U8] a long card is cut with "…" on the map and whole in focus; English when the facilitator is; says when the connection is gone', async () => {
    const f: Fixture = { name: 'focus', counts: spread(30, ['values'], 0.6), active: ['values'] };
    const { created, session, seeded } = await prepare(f);
    const size = SIZES[0];
    const { context, page } = await projectorPage(created.projectorPath, size);
    try {
      const longCard = page.locator(`[data-testid="snapshot.card"][data-card-id="${seeded.longId}"]`);
      await longCard.waitFor();
      await expectFits(page, size.floor, sum(f.counts, ['values']), 'long card on the map');
      expect(await longCard.getAttribute('data-shortened')).not.toBeNull();

      setFocus(session.doc, { kind: 'card', cardId: seeded.longId! }, LOCAL_USER);
      await page.locator('[data-testid="projector.focus"][data-kind="card"]').waitFor();
      await eventually(
        async () =>
          page.evaluate(() => {
            const text = document.querySelector<HTMLElement>('[data-testid="projector.focus"] .snap-card-text')!;
            const card = document
              .querySelector('[data-testid="projector.focus"] [data-testid="snapshot.card"]')!
              .getBoundingClientRect();
            const whole =
              text.scrollHeight <= text.clientHeight + 1 && getComputedStyle(text).webkitLineClamp === 'none';
            const inside = card.bottom <= window.innerHeight && card.right <= window.innerWidth;
            return (
              whole &&
              inside &&
              document.documentElement.scrollHeight <= window.innerHeight &&
              parseFloat(getComputedStyle(text).fontSize) >= 14
            );
          }),
        'the long card whole, inside the window, at least 14 px',
      );
      expect(await page.locator('[data-testid="projector.focus"] .snap-card-text').innerText()).toContain(
        'niet alleen een brief in de bus',
      );
      await page.screenshot({ path: path.join(SCREENS, `projector-focus-card-${size.width}x${size.height}.png`) });

      setFocus(session.doc, { kind: 'column', column: 'values' }, LOCAL_USER);
      await page.locator('[data-testid="projector.focus"][data-kind="column"]').waitFor();
      await expectFits(page, size.floor, sum(f.counts, ['values']), 'one column in focus');
      await page.screenshot({ path: path.join(SCREENS, `projector-focus-column-${size.width}x${size.height}.png`) });

      // The facilitator works in English: so does the wall.
      setSessionLang(session.doc, 'en', LOCAL_USER);
      await eventually(
        async () => (await page.locator('html').getAttribute('lang')) === 'en',
        'the projector page in English',
      );
      expect(await byTestId(page, 'projector.step').innerText()).toContain('Values');

      await byTestId(page, 'connection.state').and(page.locator('[data-state="connected"]')).waitFor();
    } finally {
      await context.close();
      seeded.close();
      session.close();
    }

    // A projector whose network drops says so.
    const context2 = await browser.newContext({ baseURL: server.url, viewport: size, reducedMotion: 'reduce' });
    try {
      const sockets = new Set<WebSocketRoute>();
      let online = true;
      await context2.routeWebSocket(/\/sync\//, (ws) => {
        if (!online) return void ws.close({ code: 1006, reason: 'network down' }).catch(() => {});
        sockets.add(ws);
        ws.connectToServer();
      });
      const page2 = await context2.newPage();
      await page2.goto(created.projectorPath);
      await page2.locator('[data-testid="connection.state"][data-state="connected"]').waitFor();
      online = false;
      for (const ws of sockets) await ws.close({ code: 1006, reason: 'network down' }).catch(() => {});
      await page2.locator('[data-testid="connection.state"]:not([data-state="connected"])').waitFor();
      expect(await byTestId(page2, 'connection.state').innerText()).toMatch(/verbinden|connecting|offline/i);
    } finally {
      await context2.close();
    }
  }, 120_000);

  it('[U6][L4] a card in focus with its links: the band stands right under the card (not at the bottom of the screen), and a long card with links is still whole', async () => {
    const f: Fixture = { name: 'links', counts: spread(30, ['values'], 0.6), active: ['values'] };
    const { created, session, seeded } = await prepare(f);
    const cards = await agreeFirstActions(server.url, created);
    // The long value is served by the condition too: a band under a card that fills the screen.
    const joint = await openAsFacilitator(server.url, created, 'map:joint');
    addLink(joint.doc, cards.condition, seeded.longId! as CardId, 'begeleider', LOCAL_USER);
    try {
      for (const size of SIZES) {
        const { context, page } = await projectorPage(created.projectorPath, size);
        try {
          for (const [name, id] of [
            ['short', cards.servesValue],
            ['long', seeded.longId!],
          ] as const) {
            setFocus(session.doc, { kind: 'card', cardId: id }, LOCAL_USER);
            let last = '';
            await eventually(async () => {
              const facts = await page.evaluate(() => {
                const card = document
                  .querySelector('[data-testid="projector.focus"] [data-testid="snapshot.card"]')
                  ?.getBoundingClientRect();
                const band = document.querySelector('[data-testid="projector.links"]')?.getBoundingClientRect();
                const text = document.querySelector<HTMLElement>('[data-testid="projector.focus"] .snap-card-text');
                if (!card || !band || !text) return null;
                return {
                  gap: Math.round(band.top - card.bottom),
                  bandInside: band.bottom <= window.innerHeight + 1 && band.height > 0,
                  whole: text.scrollHeight <= text.clientHeight + 1,
                  fits: document.documentElement.scrollHeight <= window.innerHeight,
                };
              });
              last = JSON.stringify(facts);
              // The band's own margin (0.5em of at most 28 px) is the whole gap.
              return !!facts && facts.gap >= 0 && facts.gap <= 20 && facts.bandInside && facts.whole && facts.fits;
            }, `${name} card with its links at ${size.width}×${size.height}`).catch(() => {
              throw new Error(`${name} card at ${size.width}×${size.height}: ${last}`);
            });
            await page.screenshot({
              path: path.join(SCREENS, `projector-links-${name}-${size.width}x${size.height}.png`),
            });
          }
        } finally {
          await context.close();
        }
      }
    } finally {
      joint.close();
      seeded.close();
      session.close();
    }
  }, 120_000);
});
