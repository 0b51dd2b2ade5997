import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import type { CreateWorkshopResponse } from '../../shared/api.js';
import { getCard } from '../../shared/cardSchema.js';
import type { CardId } from '../../shared/ids.js';
import { createCard } from '../../shared/ops.js';
import { LOCAL_USER } from '../../shared/origins.js';
import { setSessionPlan } from '../../shared/session.js';
import { addDays } from '../../shared/trajectory.js';
import type { DocName } from '../../shared/protocol.js';
import { byTestId, eventually } from './pages.js';
import { openAsFacilitator } from './seedMap.js';

/**
 * The trajectory story's building blocks (SPEC J): a calendar the test moves, the map a first meeting
 * ends with, and locking Acties between meetings. Kept here so that later steps of the story (scores
 * at check-in and check-out, a partner's sign-off) can be added to e2e/trajectory.spec.ts in the same
 * way, day by day.
 */

/** A local calendar day, YYYY-MM-DD, `days` after today's. */
export function dayFromToday(days: number): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return addDays(`${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`, days);
}

/**
 * Put a page on a day (10:00 local time): Date answers that day, timers keep running (no sleeps, the
 * app's reconnects and polls work as ever). The server keeps its own clock: it never decides by the
 * calendar (docs/decisions/0027).
 */
export async function setDay(page: Page, day: string): Promise<void> {
  const [y, m, d] = day.split('-').map(Number);
  await page.clock.setFixedTime(new Date(y, m - 1, d, 10, 0, 0));
}

export interface FirstMeetingMap {
  value: CardId;
  condition: CardId;
  /** Serves the value through the condition. */
  servesValue: CardId;
  /** Linked to nothing: "zonder waarde" in the review. */
  servesNothing: CardId;
}

/**
 * What the group agreed in the first meeting, written as the facilitator does in the console: a
 * value, a condition serving it, and two agreed actions (who, what, when), one linked to the condition.
 */
export async function agreeFirstActions(base: string, created: CreateWorkshopResponse): Promise<FirstMeetingMap> {
  const { doc, close } = await openAsFacilitator(base, created, 'map:joint');
  const card = (column: 'values' | 'conditions' | 'steps', text: string) =>
    createCard(doc, { column, author: '', authorName: 'Begeleider', partner: '', text }, LOCAL_USER);
  const link = (from: CardId, to: CardId) =>
    doc.transact(() => {
      const c = getCard(doc, from)!;
      const links = new Y.Map<unknown>();
      c.set('links', links);
      links.set(to, { by: 'begeleider', at: 1 });
    }, LOCAL_USER);
  const agree = (id: CardId, who: string, what: string, when: string) =>
    doc.transact(() => {
      const c = getCard(doc, id)!;
      c.set('who', who);
      c.set('what', what);
      c.set('when', when);
      c.set('status', 'agreed');
    }, LOCAL_USER);
  const value = card('values', 'Iedereen in de wijk telt mee');
  const condition = card('conditions', 'Een vaste plek om elkaar te treffen');
  link(condition, value);
  const servesValue = card('steps', 'Buurtavond in het wijkcentrum');
  link(servesValue, condition);
  agree(servesValue, 'Gemeente', 'Zaal en koffie regelen', 'binnen drie dagen');
  const servesNothing = card('steps', 'Folder over het spreekuur');
  agree(servesNothing, 'Wijkteam', 'Folder schrijven en drukken', 'over tien dagen');
  await untilServerHas(base, created, 'map:joint', doc);
  close();
  return { value, condition, servesValue, servesNothing };
}

/** Between meetings: the session guided on step 1 only, so Acties is locked for participants. */
export async function lockActies(base: string, created: CreateWorkshopResponse): Promise<void> {
  const { doc, close } = await openAsFacilitator(base, created, 'session');
  setSessionPlan(doc, { mode: 'separate', active: ['values'] }, LOCAL_USER);
  await untilServerHas(base, created, 'session', doc);
  close();
}

/**
 * Until the server has every change of `doc`: a fresh connection (whose first state is only sent once
 * durable, [P8]) has seen all of this client's writes.
 */
async function untilServerHas(base: string, created: CreateWorkshopResponse, name: DocName, doc: Y.Doc): Promise<void> {
  const mine = Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;
  const fresh = await openAsFacilitator(base, created, name);
  try {
    await eventually(
      async () => (Y.decodeStateVector(Y.encodeStateVector(fresh.doc)).get(doc.clientID) ?? 0) >= mine,
      `the server has the changes of ${name}`,
    );
  } finally {
    fresh.close();
  }
}

/** A check-in or check-out on a phone, as a person gives it: two scores by their labels, then Bewaar ([Y2]). */
export async function giveScores(phone: Page, klik: number, taak: number, word = ''): Promise<void> {
  const form = phone.locator('[data-testid="scores.panel"]');
  await form.waitFor();
  await form
    .getByRole('group', { name: /De klik/ })
    .getByLabel(String(klik), { exact: true })
    .check();
  await form
    .getByRole('group', { name: /De taak/ })
    .getByLabel(String(taak), { exact: true })
    .check();
  await form.getByLabel('Eén woord (mag leeg)').fill(word);
  await form.getByRole('button', { name: 'Bewaar' }).click();
  await eventually(
    async () => (await phone.locator('[data-testid="scores.saved"]').innerText()).startsWith('Bewaard'),
    'scores saved',
  );
}

/**
 * Waits until meeting `n` is going on, said in the same words by the console's header and by its tab
 * Traject (one sentence, [J3]).
 */
export async function meetingGoingOn(page: Page, n: number): Promise<void> {
  await eventually(async () => {
    const header = await byTestId(page, 'console.status.step').innerText();
    const tab = await byTestId(page, 'trajectory.now').innerText();
    return header.startsWith(`Nu: bijeenkomst ${n} – `) && tab.includes(header);
  }, `meeting ${n} is going on, in the same words in the header and in the tab Traject`);
}
