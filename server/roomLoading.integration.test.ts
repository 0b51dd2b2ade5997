import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCards } from '../shared/cardSchema.js';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { roomName } from '../shared/protocol.js';
import { connectClient, createWorkshop, startTestServer, synced, waitFor } from './test/harness.js';
import { rawSocket } from './test/rawSocket.js';
import { requireTestDatabase } from './test/testStore.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** Sync step 1 with an empty state vector: "send me everything". */
function step1(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(e);
}

/** The card ids in a sync step 2 frame, or null for any other frame. */
function cardsInStep2(frame: Uint8Array): string[] | null {
  const d = decoding.createDecoder(frame);
  if (decoding.readVarUint(d) !== 0 || decoding.readVarUint(d) !== 1) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, decoding.readVarUint8Array(d));
  return [...getCards(doc).keys()];
}

describe('loading rooms from the store', () => {
  it('[P23] ten connections opened at once to an unloaded room share one load, and what each sends before it is accepted is answered', async () => {
    const app = await startTestServer({ idleUnloadMs: 20 });
    cleanup.push(() => app.close());
    const w = await createWorkshop(app.url);
    const writer = connectClient(app.port, w.id, 'map:joint', await w.participant('Schrijver'));
    await synced(writer);
    const id = createCard(writer.doc, { column: 'values', ...writer.me, text: 'opgeslagen' }, LOCAL_USER);
    const room = roomName(w.id as never, 'map:joint');
    await waitFor(() => getCards(app.registry.peek(room)?.doc ?? new Y.Doc()).has(id), 'card on the server');
    writer.destroy();
    await waitFor(() => !app.registry.has(room), 'room unloaded');

    const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => w.participant(`P${i}`, i % 2)));
    const sockets = await Promise.all(tokens.map((t) => rawSocket(app.port, room, t)));
    cleanup.push(() => sockets.forEach((s) => s.ws.terminate()));
    // Sent at once on open: the server may still be reading the store for this connection.
    for (const s of sockets) s.ws.send(step1());
    await waitFor(
      () => sockets.every((s) => s.messages.some((m) => cardsInStep2(m)?.includes(id))),
      'every connection got the stored card',
    );
    expect(app.registry.peek(room)!.connections.size).toBe(10);
  });

  it('[P25] the Postgres tests cannot be skipped in CI: without a database they fail', () => {
    expect(() => requireTestDatabase({ CI: 'true' })).toThrow(/PKL_TEST_DATABASE_URL/);
    expect(requireTestDatabase({})).toBeNull();
    expect(requireTestDatabase({ PKL_TEST_DATABASE_URL: 'postgres://x@y/z' })).toBe('postgres://x@y/z');
  });
});
