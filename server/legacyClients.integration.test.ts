import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { JoinResponse } from '../shared/api.js';
import { getCards } from '../shared/cardSchema.js';
import type { ParticipantId } from '../shared/ids.js';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { CloseCode, roomName } from '../shared/protocol.js';
import { serverStateFrom, step2Frame, syncFrame, writeAs } from './test/forge.js';
import { api, connectClient, createWorkshop, startTestServer, synced, waitFor } from './test/harness.js';
import { openTestStore } from './test/testStore.js';
import { rawSocket } from './test/rawSocket.js';

/**
 * T15: a tab or offline copy from before Yjs client ids were bound (0012) writes under an id the
 * stored document holds without a binding. Its unsent edits reach the server when the document shows
 * the id was the sender's; anyone else writing under it is still refused.
 */
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function join(url: string, workshopId: string, name: string, partner: string) {
  return (
    await api<JoinResponse>(url, 'POST', `/api/workshops/${workshopId}/participants`, {
      name,
      partner,
      role: 'professional',
    })
  ).body;
}

describe('client ids from before the binding', () => {
  it('[T15][T1] an offline copy from before the binding sends its edits after the upgrade; someone else under that id is refused', async () => {
    const app = await startTestServer();
    const w = await createWorkshop(app.url);
    const anna = await join(app.url, w.id, 'Anna', w.partners[0].id);
    const mallory = await join(app.url, w.id, 'Mallory', w.partners[0].id);
    const name = roomName(w.id as never, 'map:joint');
    const card = (doc: Y.Doc, text: string) =>
      createCard(
        doc,
        { column: 'values', author: anna.participantId, authorName: 'Anna', partner: '', text },
        LOCAL_USER,
      );

    // Anna's tab writes a card, then loses the network and keeps writing (her copy keeps its client id).
    const annaDoc = new Y.Doc();
    const first = connectClient(app.port, w.id, 'map:joint', anna.token, annaDoc);
    await synced(first);
    const online = card(annaDoc, 'online');
    await waitFor(() => !!app.registry.peek(name) && getCards(app.registry.peek(name)!.doc).has(online), 'stored');
    await waitFor(() => !app.registry.peek(name)!.hasPendingWrites, 'committed');
    first.provider.destroy();
    const offline = card(annaDoc, 'offline geschreven');

    // The server restarts on data from before bindings existed: the stored document has Anna's id, unbound.
    const dataDir = app.config.dataDir;
    await app.close();
    const raw = await openTestStore(dataDir);
    await raw.query('DELETE FROM doc_clients');
    await raw.close();
    const again = await startTestServer({ dataDir });
    cleanup.push(() => again.close());

    // Mallory continues Anna's clock under her id first: still refused, nothing applied.
    const m = await rawSocket(again.port, name, mallory.token);
    cleanup.push(() => m.ws.terminate());
    m.ws.send(syncFrame(Y.encodeStateVector(new Y.Doc()), 0));
    await waitFor(() => serverStateFrom(m.messages) !== null, 'Mallory got the state');
    m.ws.send(step2Frame(Y.encodeStateAsUpdate(new Y.Doc())));
    const forged = writeAs(serverStateFrom(m.messages)!, annaDoc.clientID, (d) =>
      createCard(
        d,
        { column: 'values', author: mallory.participantId as ParticipantId, authorName: 'M', partner: '', text: 'x' },
        LOCAL_USER,
      ),
    );
    m.ws.send(syncFrame(forged));
    expect((await m.closed).code).toBe(CloseCode.FORBIDDEN);

    // Anna's tab comes back: its offline card arrives, no refusal, and her id is now bound to her.
    const back = connectClient(again.port, w.id, 'map:joint', anna.token, annaDoc);
    cleanup.push(() => back.destroy());
    await waitFor(() => getCards(again.registry.peek(name)?.doc ?? new Y.Doc()).has(offline), 'offline card arrived');
    expect(back.closes).toEqual([]);
    const fresh = connectClient(again.port, w.id, 'map:joint', w.facilitatorToken);
    cleanup.push(() => fresh.destroy());
    await waitFor(() => getCards(fresh.doc).has(offline) && getCards(fresh.doc).has(online), 'served to others');
    await waitFor(() => !again.registry.peek(name)!.hasPendingWrites, 'binding committed');
    expect((await again.store.loadClientOwners(name)).get(annaDoc.clientID)).toBe(anna.participantId);
    const later = card(annaDoc, 'daarna');
    await waitFor(() => getCards(fresh.doc).has(later), 'she keeps writing');
    expect(back.closes).toEqual([]);
  });
});
