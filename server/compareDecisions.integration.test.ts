import { afterEach, describe, expect, it } from 'vitest';
import { joinCards, PAIR_DECISIONS_KEY, readPairDecisions, splitCard } from '../shared/compare/pairDecisions.js';
import { LOCAL_USER } from '../shared/origins.js';
import { CloseCode, roomName } from '../shared/protocol.js';
import { connectClient, createWorkshop, startTestServer, synced, waitFor, type TestClient } from './test/harness.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function setup() {
  const app = await startTestServer();
  cleanup.push(() => app.close());
  const w = await createWorkshop(app.url);
  const track = (c: TestClient) => (cleanup.push(() => c.destroy()), c);
  const facilitator = track(connectClient(app.port, w.id, 'session', w.facilitatorToken));
  const reader = track(connectClient(app.port, w.id, 'session', await w.participant('Pia')));
  await Promise.all([facilitator, reader].map(synced));
  const room = () => app.registry.peek(roomName(w.id as never, 'session'));
  return { app, w, facilitator, reader, room, track };
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
