import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getCards, readCardColumn } from '../shared/cardSchema.js';
import type { DocNameString } from '../shared/docName.js';
import { LOCAL_USER } from '../shared/origins.js';
import { JOINT_MAP } from '../shared/protocol.js';
import { readMyVotes, setVote, spent } from '../shared/rounds/privateInputs.js';
import { setProjectorShows } from '../shared/projectorShows.js';
import { readRound, requestClose, requestVoteRound } from '../shared/rounds/rounds.js';
import { layoutProblems, SCREENS } from './support/layoutChecks.js';
import { byTestId, eventually } from './support/pages.js';
import { joinByApi } from './support/people.js';
import { createWorkshop, openAsFacilitator, openWithToken, seedCards, spread } from './support/seedMap.js';
import type { E2EServer } from './support/server.js';
import { PROJECTOR_SIZES, serverAndBrowser } from './support/suite.js';

/**
 * [Q9] A vote result on the projector fits the wall at both room sizes (ROOM.md), with a few cards and
 * with a long column (long texts, one of 600 characters): no scrolling, nothing cut off unsaid, text
 * above the floor, no word broken. Screenshots go to test-output/screens/: look at them.
 */

const SIZES = PROJECTOR_SIZES;

let browser: Browser;
let server: E2EServer;
serverAndBrowser({ screens: true }, (running) => ({ server, browser } = running));

interface Check {
  problems: string[];
  lines: number;
  more: number;
  font: number;
}

/** Runs in the page (sent as source text): what a person at the back of the room would object to. */
function inspect(floor: number): Check {
  const problems: string[] = [];
  const section = document.querySelector<HTMLElement>('[data-testid="projector.round"]');
  if (!section) return { problems: ['no result shown'], lines: 0, more: 0, font: 0 };
  const s = section.getBoundingClientRect();
  const list = section.querySelector<HTMLElement>('[data-testid="votes.result"]');
  const items = [...(list?.querySelectorAll<HTMLElement>('li') ?? [])];
  let more = 0;
  for (const li of items) {
    const r = li.getBoundingClientRect();
    const label = (li.textContent ?? '').slice(0, 30);
    if (r.width === 0 || r.height === 0) problems.push(`"${label}" is not drawn`);
    if (r.top < s.top || r.bottom > s.bottom || r.left < s.left || r.right > s.right)
      problems.push(`"${label}" sticks out of the result (${Math.round(r.bottom - s.bottom)} px below)`);
    const size = parseFloat(getComputedStyle(li).fontSize);
    if (size < floor) problems.push(`"${label}" text ${size} px < ${floor} px`);
    const text = li.querySelector<HTMLElement>('.vote-fit-text');
    if (text && text.scrollWidth > text.clientWidth + 1 && getComputedStyle(text).textOverflow !== 'ellipsis')
      problems.push(`"${label}" is cut without "…"`);
    if (li.dataset.testid === 'votes.result.more') more = Number((li.textContent ?? '').match(/\d+/)?.[0] ?? 0);
  }
  for (const h of section.querySelectorAll<HTMLElement>('h2, .hint')) {
    const r = h.getBoundingClientRect();
    if (r.bottom > s.bottom) problems.push(`${h.tagName} sticks out`);
    if (parseFloat(getComputedStyle(h).fontSize) < floor) problems.push(`${h.tagName} below the floor`);
  }
  const lines = items.filter((li) => li.dataset.testid !== 'votes.result.more').length;
  return { problems, lines, more, font: Number(list?.dataset.font ?? 0) };
}

/** A closed vote round on Waarden with `n` cards that all got votes, shown on the projector. */
async function shownResult(n: number): Promise<{ projectorPath: string }> {
  const { created, info } = await createWorkshop(server.url, `Stemmen op ${n} waarden`);
  await seedCards(server.url, created, info, spread(n, ['values'], 1), n);
  const map = await openAsFacilitator(server.url, created, JOINT_MAP);
  const ids: string[] = [];
  getCards(map.doc).forEach((card, id) => {
    if (readCardColumn(card as never) === 'values') ids.push(id);
  });
  expect(ids).toHaveLength(n);
  const session = await openAsFacilitator(server.url, created, 'session');
  const round = requestVoteRound(
    session.doc,
    { column: 'values', budget: 50, per: 'person', ownCards: true },
    LOCAL_USER,
  );
  await eventually(async () => readRound(session.doc, round) !== null, 'round opened');
  // Two people: different totals, so the order means something.
  for (const [k, who] of [
    await joinByApi(server.url, info, 'Anna'),
    await joinByApi(server.url, info, 'Bram', 1),
  ].entries()) {
    const name = `private:${who.participantId}` as DocNameString;
    const inputs = await openWithToken(server.url, created.id, name, who.token);
    const plan = ids.map((_, i) => (k === 0 ? 1 : i % 3));
    ids.forEach((id, i) => setVote(inputs.doc, round, id, plan[i], LOCAL_USER));
    // Held by the server before the close (it counts what it holds): a fresh connection reads them back.
    const want = plan.reduce((a, b) => a + b, 0);
    await eventually(async () => {
      const check = await openWithToken(server.url, created.id, name, who.token);
      const held = spent(readMyVotes(check.doc, round));
      check.close();
      return held === want;
    }, 'votes held by the server');
    inputs.close();
  }
  requestClose(session.doc, round, LOCAL_USER);
  await eventually(async () => readRound(session.doc, round)?.result != null, 'round counted');
  setProjectorShows(session.doc, { kind: 'round', roundId: round }, LOCAL_USER);
  session.close();
  map.close();
  return { projectorPath: created.projectorPath };
}

async function checkAt(page: Page, floor: number, expected: number, label: string, shot: string): Promise<Check> {
  let last: Check = { problems: ['not checked'], lines: 0, more: 0, font: 0 };
  try {
    await eventually(async () => {
      const own = await page.evaluate(inspect, floor);
      const generic = await layoutProblems(page, { root: '[data-testid="projector.round"]', fitHeight: true });
      last = { ...own, problems: [...own.problems, ...generic.problems] };
      return last.problems.length === 0 && last.lines + last.more === expected;
    }, label);
  } finally {
    await page.screenshot({ path: path.join(SCREENS, shot) });
  }
  if (last.problems.length || last.lines + last.more !== expected)
    throw new Error(`${label}: ${last.lines}+${last.more}/${expected}; ${last.problems.slice(0, 10).join('; ')}`);
  return last;
}

describe('a vote result on the projector', () => {
  for (const n of [5, 40]) {
    it(`[Q9] ${n} cards fit at 1280×720 and 1920×1080 below the join code: all shown or the rest counted, text above the floor`, async () => {
      const { projectorPath } = await shownResult(n);
      for (const size of SIZES) {
        const context = await browser.newContext({ baseURL: server.url, viewport: size, reducedMotion: 'reduce' });
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        await page.goto(projectorPath);
        await byTestId(page, 'projector.round').waitFor();
        const check = await checkAt(
          page,
          size.floor,
          n,
          `${n} cards at ${size.name}`,
          `votes-result-${n}-${size.name}.png`,
        );
        expect(check.font).toBeGreaterThanOrEqual(size.floor);
        // Up to forty cards every one is on the wall.
        expect(check.more).toBe(0);
        // The result takes the map's place, not the header's: how to join stays in sight (ROOM.md).
        const join = await byTestId(page, 'projector.joinCode').boundingBox();
        const result = await byTestId(page, 'projector.round').boundingBox();
        expect(join && result && join.y + join.height <= result.y).toBe(true);
        await expect(byTestId(page, 'projector.qr').isVisible()).resolves.toBe(true);
        console.log(`[Q9] ${n} cards at ${size.width}×${size.height}: ${check.lines} lines, font ${check.font} px`);
        await context.close();
      }
    });
  }
});
