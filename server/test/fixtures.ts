import { afterEach } from 'vitest';
import * as Y from 'yjs';
import type { ColumnId } from '../../shared/columns.js';
import type { CardId } from '../../shared/ids.js';
import { decodeNotice, MESSAGE_NOTICE, readNotice, type Notice } from '../../shared/notices.js';
import { createCard } from '../../shared/ops.js';
import { LOCAL_USER } from '../../shared/origins.js';
import { roomName, type DocName } from '../../shared/protocol.js';
import { getCards } from '../../shared/cardSchema.js';
import type { Config } from '../config.js';
import { serverStateFrom, step2Frame, syncFrame } from './forge.js';
import { api, connectClient, createWorkshop, mapJson, startTestServer, waitFor, type TestClient } from './harness.js';
import { rawSocket } from './rawSocket.js';

/**
 * The setup the server's integration tests share (harness.ts has the parts: server, workshop, client):
 * cleanups per test, a live workshop with its documents to open, the notices a client gets, waiting
 * until replicas agree, a card everyone has, and a hand-written raw client.
 */

export interface Cleanup {
  /** Run after the test, last first. */
  cleanup: (() => unknown)[];
  /** Destroy this client after the test. */
  track: (c: TestClient) => TestClient;
}

/** One test file's cleanups, run after each test in reverse order. Call once, at the top of the file. */
export function cleanupAfterEach(): Cleanup {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });
  return { cleanup, track: (c) => (cleanup.push(() => c.destroy()), c) };
}

/** Every notice the server sends to `c`, in the order they came. */
export function collectNotices(c: TestClient): Notice[] {
  const notices: Notice[] = [];
  c.provider.messageHandlers[MESSAGE_NOTICE] = (_e, d) => void notices.push(readNotice(d)!);
  return notices;
}

/** A real server with one workshop: open its documents as anyone, find its rooms, ask who a token is. */
export async function liveWorkshop(scope: Cleanup, options: { overrides?: Partial<Config>; partners?: string[] } = {}) {
  const app = await startTestServer(options.overrides);
  scope.cleanup.push(() => app.close());
  const w = await createWorkshop(app.url, options.partners);
  const open = (doc: DocName, token: string) => scope.track(connectClient(app.port, w.id, doc, token));
  const room = (doc: DocName = 'map:joint') => app.registry.peek(roomName(w.id as never, doc));
  const participantId = async (token: string) =>
    (
      await api<{ participantId: string }>(app.url, 'GET', `/api/workshops/${w.id}/me`, undefined, {
        authorization: `Bearer ${token}`,
      })
    ).body.participantId;
  return { app, w, open, room, participantId };
}

/** Waits until every client's `state` equals the first client's (Y.Map key order differs between replicas). */
export function convergence(clients: readonly TestClient[], what = 'all identical', state = (d: Y.Doc) => mapJson(d)) {
  return () => waitFor(() => clients.every((c) => state(c.doc) === state(clients[0].doc)), what);
}

/** A document's state vector, comparable as a string: which updates of which writer it holds. */
const stateVector = (d: Y.Doc) => Buffer.from(Y.encodeStateVector(d)).toString('base64');

/**
 * Waits until every client holds the same updates (the same state vector, not only the same visible
 * state). Needed before writing into something the server just reverted: the forgery and its revert
 * reach the others in one frame after the notice, and a device without them looks reverted already;
 * its write would be concurrent with both, and Yjs may rightly let the revert win (the write is lost).
 * Call it once one client surely holds the revert (the forger saw it undone on its own screen).
 */
export function sameUpdates(clients: readonly TestClient[], what = 'every update everywhere') {
  return convergence(clients, what, stateVector)();
}

/** A card the first client writes (as the facilitator: no author), once every client has it. */
export function cardWriter(clients: readonly TestClient[]) {
  return async (column: ColumnId, text: string): Promise<CardId> => {
    const id = createCard(clients[0].doc, { column, author: '', authorName: 'F', partner: '', text }, LOCAL_USER);
    await waitFor(() => clients.every((c) => getCards(c.doc).has(id)), 'card everywhere');
    return id as CardId;
  };
}

/** A hand-written client: raw frames, a Y.Doc of its own, no provider. */
export async function rawClient(scope: Cleanup, port: number, room: string, token: string) {
  const raw = await rawSocket(port, room, token);
  scope.cleanup.push(() => raw.ws.terminate());
  raw.ws.send(syncFrame(Y.encodeStateVector(new Y.Doc()), 0));
  await waitFor(() => serverStateFrom(raw.messages) !== null, 'raw client got the server state');
  raw.ws.send(step2Frame(Y.encodeStateAsUpdate(new Y.Doc())));
  const doc = new Y.Doc();
  Y.applyUpdate(doc, serverStateFrom(raw.messages)!);
  return {
    raw,
    doc,
    /** Write locally and send exactly that change as an update frame. */
    send(write: (doc: Y.Doc) => void) {
      const before = Y.encodeStateVector(doc);
      write(doc);
      raw.ws.send(syncFrame(Y.encodeStateAsUpdate(doc, before)));
    },
    notices: () => raw.messages.map(decodeNotice).filter((n): n is Notice => n !== null),
  };
}
