import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getMeta, MAP_SCHEMA_VERSION, readSchemaVersion, SCHEMA_VERSION_KEY } from '../shared/mapMeta.js';
import { LOCAL_USER } from '../shared/origins.js';
import { CloseCode, roomName } from '../shared/protocol.js';
import {
  connectClient,
  createWorkshop,
  startTestServer,
  synced,
  waitFor,
  waitForAsync,
  type TestClient,
} from './test/harness.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('schema version of map documents', () => {
  it('[M14] the server writes the version into every map it loads, stores it, and refuses a client that changes it', async () => {
    const app = await startTestServer();
    cleanup.push(() => app.close());
    const w = await createWorkshop(app.url);
    const track = (c: TestClient) => (cleanup.push(() => c.destroy()), c);
    const writer = track(connectClient(app.port, w.id, 'map:joint', await w.participant('Pia')));
    const other = track(connectClient(app.port, w.id, `map:${w.partners[0].id}`, w.facilitatorToken));
    const session = track(connectClient(app.port, w.id, 'session', w.facilitatorToken));
    await Promise.all([writer, other, session].map(synced));
    // Every map gets it from the server; other documents do not have it.
    await waitFor(
      () => readSchemaVersion(writer.doc) === MAP_SCHEMA_VERSION && readSchemaVersion(other.doc) === MAP_SCHEMA_VERSION,
      'version from the server',
    );
    expect(session.doc.share.has('meta')).toBe(false);
    const room = roomName(w.id as never, 'map:joint');
    await waitForAsync(async () => {
      const s = await app.store.loadDoc(room);
      return s.updates.length + (s.snapshot ? 1 : 0) > 0;
    }, 'stored');
    const fromDisk = new Y.Doc();
    const stored = await app.store.loadDoc(room);
    for (const u of [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates]) Y.applyUpdate(fromDisk, u);
    expect(readSchemaVersion(fromDisk)).toBe(MAP_SCHEMA_VERSION);

    // A server-only root is refused before it is applied (T6): the writer is closed with 4403.
    writer.doc.transact(() => getMeta(writer.doc).set(SCHEMA_VERSION_KEY, 99), LOCAL_USER);
    await waitFor(() => writer.closes.length > 0, 'refused');
    expect(writer.closes[0].code).toBe(CloseCode.FORBIDDEN);
    expect(readSchemaVersion(app.registry.peek(room)!.doc)).toBe(MAP_SCHEMA_VERSION);
  });
});
