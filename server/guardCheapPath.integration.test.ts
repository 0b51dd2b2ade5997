import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { getCards, getCardText } from '../shared/cardSchema.js';
import type { CardId } from '../shared/ids.js';
import type { Notice } from '../shared/notices.js';
import { moveCard, updateCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { readMap } from '../shared/readModel.js';
import { setSessionPlan } from '../shared/session.js';
import type { Config } from './config.js';
import { synced, type TestClient, waitFor } from './test/harness.js';
import { cardWriter, cleanupAfterEach, collectNotices, convergence, liveWorkshop } from './test/fixtures.js';

/**
 * The guard's cheap path for text edits (docs/decisions/0029) refuses what the full guard refused:
 * real y-websocket clients type into cards as the editor does (one transaction on the text node), and
 * every typed change that breaks a rule is reverted for everyone, its author told, exactly as before.
 */
const scope = cleanupAfterEach();

/** A guided workshop in step 1 (only Waarden open), a card there and one in Stappen. */
async function workshop(overrides: Partial<Config> = {}, text = 'begin') {
  const { app, w, open: openDoc, room } = await liveWorkshop(scope, { overrides });
  const session = openDoc('session', w.facilitatorToken);
  const facilitator = openDoc('map:joint', w.facilitatorToken);
  const pia = openDoc('map:joint', await w.participant('Pia'));
  const otto = openDoc('map:joint', await w.participant('Otto', 1));
  await Promise.all([session, facilitator, pia, otto].map(synced));
  const notices = collectNotices(pia);
  setSessionPlan(session.doc, { mode: 'separate' }, LOCAL_USER);
  await waitFor(() => room('session')?.doc.getMap('session').get('guided') === true, 'step 1 on the server');
  const all = [facilitator, pia, otto];
  const card = cardWriter(all);
  const open = await card('values', text);
  const locked = await card('steps', 'actie');
  const textOf = (c: TestClient, id: CardId) => cardOf(c, id)?.plainText;
  const converged = convergence(all, 'identical');
  return { app, w, facilitator, pia, otto, all, notices, open, locked, textOf, converged };
}

const cardOf = (c: TestClient, id: CardId) =>
  Object.values(readMap(c.doc).columns)
    .flat()
    .find((x) => x.id === id);

/** Typing as the editor does: characters into the card's first text node, in one transaction. */
function type(c: TestClient, id: CardId, chars: string, also?: (card: Y.Map<unknown>) => void) {
  const card = getCards(c.doc).get(id)!;
  const node = (getCardText(card)!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  c.doc.transact(() => {
    node.insert(node.length, chars);
    also?.(card);
  }, LOCAL_USER);
}

describe('the cheap path for text edits refuses what the full guard refused', () => {
  it('[G2] typing in an open column arrives; typing in a closed one is reverted for everyone and its author told', async () => {
    const t = await workshop();
    type(t.pia, t.open, ' en meer');
    await waitFor(() => t.textOf(t.otto, t.open) === 'begin en meer', 'typing arrives');
    type(t.pia, t.locked, ' stiekem');
    await waitFor(() => t.notices.length === 1, 'refused');
    expect(t.notices[0]).toEqual({ code: 'column-locked', columns: ['steps'] });
    await waitFor(() => t.textOf(t.pia, t.locked) === 'actie', "the author's copy reverted");
    await t.converged();
    expect(t.textOf(t.otto, t.locked)).toBe('actie');
    // No gap: typing goes on after the refusal.
    type(t.pia, t.open, '!');
    await waitFor(() => t.textOf(t.otto, t.open) === 'begin en meer!', 'later typing arrives');
    await t.converged();
  });

  it('[K1][H2][G2] a text edit that sneaks in a field change is refused as a whole, the typed text too', async () => {
    const t = await workshop();
    const sneaks: [(card: Y.Map<unknown>) => void, Notice][] = [
      [(card) => card.set('status', 'agreed'), { code: 'status-by-facilitator', rule: 'facilitator' }],
      [(card) => card.set('authorName', 'Iemand anders'), { code: 'authorship', fields: ['authorName'] }],
      [(card) => moveCard(card.doc!, t.open, 'steps', 0, LOCAL_USER), { code: 'column-locked', columns: ['steps'] }],
    ];
    for (const [i, [sneak, notice]] of sneaks.entries()) {
      type(t.pia, t.open, ' x', sneak);
      await waitFor(() => t.notices.length === i + 1, `sneak ${i + 1} refused`);
      expect(t.notices[i]).toEqual(notice);
      await waitFor(() => t.textOf(t.pia, t.open) === 'begin', `sneak ${i + 1}: the typed text reverted too`);
      await t.converged();
    }
    const card = cardOf(t.otto, t.open);
    expect(card).toMatchObject({ plainText: 'begin', status: 'open', authorName: 'F', column: 'values' });
  });

  it('[H4] typing up to the limit arrives, one character more is reverted; removing characters is always fine', async () => {
    const t = await workshop({ cardTextMax: 50 }, 'a'.repeat(45));
    type(t.pia, t.open, 'bbbbb');
    await waitFor(() => t.textOf(t.otto, t.open)?.length === 50, 'up to the limit arrives');
    type(t.pia, t.open, 'c');
    await waitFor(() => t.notices.length === 1, 'refused');
    expect(t.notices[0]).toEqual({ code: 'text-too-long', max: 50 });
    await waitFor(() => t.textOf(t.pia, t.open)?.length === 50, 'reverted');
    const node = (getCardText(getCards(t.pia.doc).get(t.open)!)!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    t.pia.doc.transact(() => node.delete(0, 5), LOCAL_USER);
    await waitFor(() => t.textOf(t.otto, t.open)?.length === 45, 'removing arrives');
    // Replacing two characters by two others at the limit: the text does not grow, so it is fine.
    type(t.pia, t.open, 'ddddd');
    await waitFor(() => t.textOf(t.otto, t.open)?.length === 50, 'typing again arrives');
    t.pia.doc.transact(() => {
      node.delete(0, 2);
      node.insert(node.length, 'ee');
    }, LOCAL_USER);
    await waitFor(() => t.textOf(t.otto, t.open)?.endsWith('ee') === true, 'a replacement at the limit arrives');
    await t.converged();
    expect(t.notices).toHaveLength(1);
    expect(t.textOf(t.otto, t.open)?.length).toBe(50);
  });

  it('[K3] typing in an agreed card opens it again and tells its editor', async () => {
    const t = await workshop();
    updateCard(t.facilitator.doc, t.open, { status: 'agreed' }, LOCAL_USER);
    await waitFor(() => t.all.every((c) => cardOf(c, t.open)?.status === 'agreed'), 'agreed');
    type(t.pia, t.open, ' maar anders');
    await waitFor(() => t.notices.length === 1, 'told');
    expect(t.notices[0]).toEqual({ code: 'agreement-reopened', cards: [t.open] });
    await waitFor(() => cardOf(t.otto, t.open)?.status === 'open', 'open again everywhere');
    await t.converged();
    expect(cardOf(t.otto, t.open)).toMatchObject({
      plainText: 'begin maar anders',
      agreedVersion: { text: 'begin' },
    });
  });
});
