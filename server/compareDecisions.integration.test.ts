import { describe, expect, it } from 'vitest';
import { joinCards, PAIR_DECISIONS_KEY, readPairDecisions, splitCard } from '../shared/compare/pairDecisions.js';
import { LOCAL_USER } from '../shared/origins.js';
import { CloseCode } from '../shared/protocol.js';
import { cleanupAfterEach, liveWorkshop } from './test/fixtures.js';
import { synced, waitFor } from './test/harness.js';

const scope = cleanupAfterEach();

async function setup() {
  const { w, open, room } = await liveWorkshop(scope);
  const facilitator = open('session', w.facilitatorToken);
  const reader = open('session', await w.participant('Pia'));
  await Promise.all([facilitator, reader].map(synced));
  return { facilitator, reader, room: () => room('session') };
}

describe('the facilitator corrects the grouping, through the real server', () => {
  it('[C4] split and join decisions reach everyone through the session document', async () => {
    const t = await setup();
    splitCard(t.facilitator.doc, 'cafe', ['walk'], LOCAL_USER);
    joinCards(t.facilitator.doc, 'rent', 'cafe', LOCAL_USER);
    await waitFor(() => readPairDecisions(t.reader.doc).joins.length === 1, 'decisions arrive');
    expect(readPairDecisions(t.reader.doc)).toEqual({ joins: [['cafe', 'rent']], splits: [['cafe', 'walk']] });
    expect(readPairDecisions(t.room()!.doc)).toEqual(readPairDecisions(t.reader.doc));
  });

  it('[C4] a participant cannot split or join: the write closes the connection and nothing is applied', async () => {
    const t = await setup();
    joinCards(t.reader.doc, 'a', 'b', LOCAL_USER);
    await waitFor(() => t.reader.closes.some((c) => c.code === CloseCode.FORBIDDEN), 'closed with FORBIDDEN');
    expect(t.room()!.doc.getMap(PAIR_DECISIONS_KEY).size).toBe(0);
    expect(t.facilitator.doc.getMap(PAIR_DECISIONS_KEY).size).toBe(0);
  });

  it('[C4] a decision of another shape is refused even from the facilitator', async () => {
    const t = await setup();
    t.facilitator.doc.getMap(PAIR_DECISIONS_KEY).set('a|b', 'maybe');
    await waitFor(() => t.facilitator.closes.some((c) => c.code === CloseCode.MALFORMED), 'closed as malformed');
    expect(t.room()!.doc.getMap(PAIR_DECISIONS_KEY).size).toBe(0);
  });
});
