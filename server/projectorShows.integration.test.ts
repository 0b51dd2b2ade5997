import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_USER } from '../shared/origins.js';
import {
  PROJECTOR_SHOWS_KEY,
  readProjectorShows,
  RETIRED_SHOWS_KEYS,
  setProjectorShows,
  SHOWS_MAP,
} from '../shared/projectorShows.js';
import { CloseCode, roomName } from '../shared/protocol.js';
import { getSessionMap } from '../shared/session.js';
import { cleanupAfterEach, liveWorkshop } from './test/fixtures.js';
import { synced, waitFor } from './test/harness.js';

const scope = cleanupAfterEach();

async function workshop() {
  const { app, w, open: openDoc, room } = await liveWorkshop(scope);
  const open = (token: string) => openDoc('session', token);
  const onServer = () => room('session')?.doc ?? null;
  return { app, w, open, onServer };
}

/** A client that sends one raw change to the session root and is refused with `code`. */
async function refused(t: Awaited<ReturnType<typeof workshop>>, token: string, write: (m: Y.Map<unknown>) => void) {
  const c = t.open(token);
  await synced(c);
  c.doc.transact(() => write(getSessionMap(c.doc)), LOCAL_USER);
  await waitFor(() => c.closes.length > 0, 'refused');
  return c.closes[0].code;
}

describe('one entry says what the projector shows in the map’s place', () => {
  it('[Y9][G3] a participant cannot set it; the facilitator can, only in its shape, and the entries it replaced are not written again', async () => {
    const t = await workshop();
    const facilitator = t.open(t.w.facilitatorToken);
    const pia = t.open(await t.w.participant('Pia'));
    await Promise.all([facilitator, pia].map(synced));

    // The facilitator's command reaches the server and every reader, including a participant's phone ([J6]).
    setProjectorShows(facilitator.doc, { kind: 'review' }, LOCAL_USER);
    await waitFor(() => readProjectorShows(pia.doc).kind === 'review', 'review shown everywhere');

    // A participant who writes the same entry is closed with 4403; nothing of it is applied.
    setProjectorShows(pia.doc, { kind: 'scoreLine' }, LOCAL_USER);
    await waitFor(() => pia.closes.length > 0, 'participant refused');
    expect(pia.closes[0].code).toBe(CloseCode.FORBIDDEN);
    expect(readProjectorShows(t.onServer()!)).toEqual({ kind: 'review' });

    // The facilitator's own junk is refused before it is applied (4400): a kind that does not exist,
    // a round without its id, an extra field, a plain string.
    const junk: unknown[] = [
      { kind: 'everything' },
      { kind: 'round' },
      { kind: 'review', roundId: 'r1' },
      { kind: 'round', roundId: 'r1', note: 'x' },
      'scoreLine',
    ];
    for (const value of junk)
      expect(await refused(t, t.w.facilitatorToken, (m) => m.set(PROJECTOR_SHOWS_KEY, value))).toBe(
        CloseCode.MALFORMED,
      );
    // The entries the one key replaced: written by nobody any more (also not the facilitator).
    for (const key of RETIRED_SHOWS_KEYS)
      expect(await refused(t, t.w.facilitatorToken, (m) => m.set(key, key === 'shownRound' ? 'r1' : true))).toBe(
        CloseCode.MALFORMED,
      );
    expect(readProjectorShows(t.onServer()!)).toEqual({ kind: 'review' });

    // The last command is what the room sees.
    setProjectorShows(facilitator.doc, { kind: 'round', roundId: 'r1' }, LOCAL_USER);
    await waitFor(() => readProjectorShows(t.onServer()!).kind === 'round', 'round on the server');
    setProjectorShows(facilitator.doc, SHOWS_MAP, LOCAL_USER);
    await waitFor(() => readProjectorShows(t.onServer()!).kind === 'map', 'map again on the server');
  });

  it('[Y9] a workshop stored with the old entries still shows what it showed; the next command replaces them', async () => {
    const t = await workshop();
    // Stored before [Y9]: the review on, the line on too (the review had priority), no round shown.
    const old = new Y.Doc();
    old.transact(() => {
      const m = getSessionMap(old);
      m.set('shownRound', null);
      m.set('review', true);
      m.set('scoreLine', true);
    });
    const room = roomName(t.w.id as never, 'session');
    await t.app.store.appendUpdates([{ room, workshopId: t.w.id, data: Y.encodeStateAsUpdate(old) }]);

    const phone = t.open(await t.w.participant('Pia'));
    const facilitator = t.open(t.w.facilitatorToken);
    await Promise.all([phone, facilitator].map(synced));
    expect(getSessionMap(phone.doc).get('review')).toBe(true);
    expect(readProjectorShows(phone.doc)).toEqual({ kind: 'review' });

    // The facilitator's next command is the one entry; the old ones go in the same change.
    setProjectorShows(facilitator.doc, { kind: 'scoreLine' }, LOCAL_USER);
    await waitFor(() => readProjectorShows(phone.doc).kind === 'scoreLine', 'line shown');
    for (const key of RETIRED_SHOWS_KEYS) expect(getSessionMap(t.onServer()!).has(key)).toBe(false);
    expect(facilitator.closes).toEqual([]);
  });
});
