import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { getCards } from '../shared/cardSchema.js';
import { createCard, setCardPlainText } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { readMap } from '../shared/readModel.js';
import { startChildServer, type ChildServer } from './test/childServer.js';
import { connectClient, createWorkshop, synced, tempDataDir, waitFor, type TestClient } from './test/harness.js';
import { seededRandom } from './test/seededRandom.js';
import { testSeed } from './test/testSeed.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** What an observer has seen: card id → its text at that moment. */
function observedCards(doc: Y.Doc): Map<string, string> {
  const out = new Map<string, string>();
  for (const col of Object.values(readMap(doc).columns)) for (const c of col) out.set(c.id, c.plainText);
  return out;
}

const ROUNDS = 20;

describe('crash durability', () => {
  it(`[P2] ${ROUNDS} × kill -9 under write load: every update another client observed survives`, async () => {
    const random = seededRandom(testSeed(20261130));
    const dataDir = tempDataDir();
    let server: ChildServer = await startChildServer(dataDir);
    cleanup.push(() => server.kill());
    const w = await createWorkshop(server.url);
    const writerToken = await w.participant('Writer');
    const observerToken = await w.participant('Observer', 1);
    // Everything any observer has seen, over all rounds: card id → text it saw.
    const everSeen = new Map<string, string>();
    let n = 0;
    let missingTotal = 0;

    for (let round = 1; round <= ROUNDS; round++) {
      const writer: TestClient = connectClient(server.port, w.id, 'map:joint', writerToken);
      const observer: TestClient = connectClient(server.port, w.id, 'map:joint', observerToken);
      await Promise.all([synced(writer), synced(observer)]);

      // After a restart a fresh client must hold everything seen before.
      const now = observedCards(observer.doc);
      const missing = [...everSeen].filter(([id, text]) => !acceptable(text, now.get(id)));
      missingTotal += missing.length;
      expect(missing, `round ${round}: lost after restart`).toEqual([]);

      const start = getCards(observer.doc).size;
      const target = start + 40 + Math.floor(random() * 80);
      const writing = setInterval(() => {
        for (let i = 0; i < 5; i++) {
          const text = `kaart ${n++}`;
          const id = createCard(writer.doc, { column: 'steps', ...writer.me, text }, LOCAL_USER);
          setCardPlainText(writer.doc, id, `${text} bewerkt`, LOCAL_USER);
        }
      }, 3);
      await waitFor(
        () => getCards(observer.doc).size >= target,
        `round ${round}: observer saw ${target} cards`,
        20_000,
      );
      // Take what the observer saw, synchronously, and kill while the writer keeps writing.
      for (const [id, text] of observedCards(observer.doc)) everSeen.set(id, text);
      await server.kill('SIGKILL');
      clearInterval(writing);
      writer.destroy();
      observer.destroy();
      server = await startChildServer(dataDir);
    }

    const check = connectClient(server.port, w.id, 'map:joint', observerToken);
    cleanup.push(() => check.destroy());
    await synced(check);
    const after = observedCards(check.doc);
    const missing = [...everSeen].filter(([id, text]) => !acceptable(text, after.get(id)));
    missingTotal += missing.length;
    console.log(
      `[P2] ${ROUNDS} SIGKILLs under write load; ${everSeen.size} cards observed before the kills; ${after.size} present at the end; missing ${missingTotal}`,
    );
    expect(missing).toEqual([]);
  }, 300_000);
});

/** The server may hold a later edit than the observer saw, never an earlier state. */
function acceptable(seenText: string, now: string | undefined): boolean {
  return now === seenText || (!seenText.endsWith(' bewerkt') && now === `${seenText} bewerkt`);
}
