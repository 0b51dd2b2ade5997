import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard, moveCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { readMap } from '../shared/readModel.js';
import { setCardPlainText } from '../shared/ops.js';
import { roomName } from '../shared/protocol.js';
import { connectClient, createWorkshop, startTestServer, synced, waitFor, type TestClient } from './test/harness.js';
import type { App } from './app.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function server(overrides = {}) {
  const app = await startTestServer(overrides);
  cleanup.push(() => app.close());
  return app;
}

function client(app: App, workshopId: string, token: string, doc: 'map:joint' = 'map:joint'): TestClient {
  const c = connectClient(app.port, workshopId, doc, token);
  cleanup.push(() => c.destroy());
  return c;
}

const mapJson = (doc: Y.Doc) => JSON.stringify(readMap(doc));

describe('sync', () => {
  it('[S1] two real y-websocket clients converge on the same map', async () => {
    const app = await server();
    const w = await createWorkshop(app.url);
    const a = client(app, w.id, await w.participant('Anna', 0));
    const b = client(app, w.id, await w.participant('Bram', 1));
    await Promise.all([synced(a), synced(b)]);
    const id = createCard(a.doc, { column: 'values', author: '', authorName: 'Anna', partner: '', text: 'Samen sterk' }, LOCAL_USER);
    const id2 = createCard(b.doc, { column: 'steps', author: '', authorName: 'Bram', partner: '', text: 'Eerste overleg' }, LOCAL_USER);
    await waitFor(() => readMap(b.doc).cardCount === 2, 'b sees both cards');
    moveCard(b.doc, id2, 'values', 0, LOCAL_USER);
    await waitFor(() => readMap(a.doc).cardCount === 2 && readMap(b.doc).cardCount === 2, 'both cards on both clients');
    await waitFor(() => mapJson(a.doc) === mapJson(b.doc), 'identical maps');
    expect(readMap(a.doc).columns.values.map((c) => c.id)).toEqual([id2, id]);
    expect(readMap(b.doc).columns.values[1].plainText).toBe('Samen sterk');
  });

  it('[S2] a late joiner gets the full state', async () => {
    const app = await server();
    const w = await createWorkshop(app.url);
    const a = client(app, w.id, await w.participant());
    await synced(a);
    for (let i = 0; i < 20; i++) {
      createCard(a.doc, { column: 'relations', author: '', authorName: 'A', partner: '', text: `kaart ${i}` }, LOCAL_USER);
    }
    const late = client(app, w.id, await w.participant('Late'));
    await waitFor(() => readMap(late.doc).cardCount === 20, 'late joiner has all 20 cards');
    expect(mapJson(late.doc)).toBe(mapJson(a.doc));
  });

  it('[P1] a restart keeps everything', async () => {
    const first = await startTestServer();
    const w = await createWorkshop(first.url);
    const token = await w.participant();
    const a = connectClient(first.port, w.id, 'map:joint', token);
    await synced(a);
    const id = createCard(a.doc, { column: 'conditions', author: '', authorName: 'A', partner: '', text: 'Een ruimte' }, LOCAL_USER);
    setCardPlainText(a.doc, id, 'Een ruimte in het buurthuis', LOCAL_USER);
    // The echo of our own write is the acknowledgement; wait until the server has everything.
    const room = () => first.registry.peek(roomName(w.id as never, 'map:joint'));
    await waitFor(() => !!room() && mapJson(room()!.doc) === mapJson(a.doc) && !room()!.hasPendingWrites, 'server has it stored');
    const before = mapJson(a.doc);
    a.destroy();
    await first.close();

    const second = await server({ dataDir: first.config.dataDir, port: 0 });
    const b = client(second, w.id, token);
    await synced(b);
    await waitFor(() => readMap(b.doc).cardCount === 1, 'card back after restart');
    expect(mapJson(b.doc)).toBe(before);
  });
});
