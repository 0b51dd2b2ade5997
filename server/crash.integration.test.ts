import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCards } from '../shared/cardSchema.js';
import { createCard, setCardPlainText } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { readMap } from '../shared/readModel.js';
import { startChildServer, type ChildServer } from './test/childServer.js';
import { connectClient, createWorkshop, synced, tempDataDir, waitFor, type TestClient } from './test/harness.js';

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

describe('crash durability', () => {
  it('[P2] kill -9 under write load keeps every update another client observed', async () => {
    const dataDir = tempDataDir();
    let server: ChildServer = await startChildServer(dataDir);
    cleanup.push(() => server.kill());
    const w = await createWorkshop(server.url);
    const writerToken = await w.participant('Writer');
    const observerToken = await w.participant('Observer', 1);

    const writer: TestClient = connectClient(server.port, w.id, 'map:joint', writerToken);
    const observer: TestClient = connectClient(server.port, w.id, 'map:joint', observerToken);
    cleanup.push(() => writer.destroy(), () => observer.destroy());
    await Promise.all([synced(writer), synced(observer)]);

    // Keep writing new cards and editing them until the kill.
    let n = 0;
    const writing = setInterval(() => {
      for (let i = 0; i < 5; i++) {
        const text = `kaart ${n++}`;
        const id = createCard(writer.doc, { column: 'steps', author: '', authorName: 'W', partner: '', text }, LOCAL_USER);
        setCardPlainText(writer.doc, id, `${text} bewerkt`, LOCAL_USER);
      }
    }, 5);
    await waitFor(() => getCards(observer.doc).size >= 200, 'observer has seen 200 cards', 20_000);
    // Snapshot what the observer saw, synchronously, then kill before anything else can arrive.
    const seen = observedCards(observer.doc);
    await server.kill('SIGKILL');
    clearInterval(writing);
    writer.destroy();
    observer.destroy();

    server = await startChildServer(dataDir);
    const fresh = connectClient(server.port, w.id, 'map:joint', observerToken);
    cleanup.push(() => fresh.destroy());
    await synced(fresh);
    const after = observedCards(fresh.doc);
    // The server may hold a later edit than the observer saw, never an earlier state.
    const acceptable = (seenText: string, now: string | undefined) =>
      now === seenText || (!seenText.endsWith(' bewerkt') && now === `${seenText} bewerkt`);
    const missing = [...seen].filter(([id, text]) => !acceptable(text, after.get(id)));
    console.log(`[P2] observed ${seen.size} cards before SIGKILL; ${after.size} present after restart; missing ${missing.length}`);
    expect(missing).toEqual([]);
  });
});
