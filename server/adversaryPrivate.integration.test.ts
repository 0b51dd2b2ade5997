import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CreateWorkshopResponse } from '../shared/api.js';
import { LOCAL_USER } from '../shared/origins.js';
import { CloseCode, roomName } from '../shared/protocol.js';
import { getVotes, readMyScores, setScores } from '../shared/rounds/privateInputs.js';
import { readRound, requestScoreRound } from '../shared/rounds/rounds.js';
import type { App } from './app.js';
import { cleanupAfterEach, liveWorkshop, rawClient } from './test/fixtures.js';
import { deleteFutureRange, gcClaim, stateOf, syncFrame, writeAs } from './test/forge.js';
import { api, synced, waitFor } from './test/harness.js';
import { rawSocket } from './test/rawSocket.js';

/**
 * Issue 12 on the per-person private documents (`private:<participant>`, ADR 0025): participant B,
 * holding a valid token, aims hand-written Yjs updates at A's private inputs. A's document can only be
 * reached through A's own room, which B cannot open; what B can write is B's own document, where A's
 * Yjs client id is a stranger's id like any other. Every attack is refused with a clear close code or
 * lands in B's own document only; A's data, bindings and connection are untouched.
 */
const scope = cleanupAfterEach();

async function setup() {
  const { app, w, open } = await liveWorkshop(scope, { partners: ['Gemeente', 'Buurt'] });
  const session = open('session', w.facilitatorToken);
  await synced(session);
  const round = requestScoreRound(session.doc, 'checkin', LOCAL_USER);
  await waitFor(() => readRound(session.doc, round) !== null, 'the server opened the check-in');
  const a = await w.join('Anna', 0, 'citizen');
  const b = await w.join('Bram', 0, 'citizen');
  const annaInputs = open(`private:${a.participantId}`, a.token);
  await synced(annaInputs);
  const annaRoom = roomName(w.id, `private:${a.participantId}`);
  const bramRoom = roomName(w.id, `private:${b.participantId}`);
  const serverDoc = (name: string) => app.registry.peek(name)!.doc;
  setScores(annaInputs.doc, round, { klik: 7, taak: 8, word: 'eerst' }, LOCAL_USER);
  await waitFor(() => readMyScores(serverDoc(annaRoom), round)?.klik === 7, "Anna's first scores held");
  await waitFor(() => !app.registry.peek(annaRoom)!.hasPendingWrites, "Anna's first scores stored");
  return { app, w, round, a, b, annaInputs, annaRoom, bramRoom, serverDoc };
}

/** What the server holds and has stored for a room, and who its client ids belong to. */
async function footprint(app: App, name: string) {
  const live = app.registry.peek(name)!;
  const stored = await app.store.loadDoc(name);
  return {
    update: Array.from(Y.encodeStateAsUpdate(live.doc)),
    rows: stored.updates.length + (stored.snapshot ? 1 : 0),
    owners: [...(await app.store.loadClientOwners(name))].sort(),
    pending: live.doc.store.pendingStructs !== null || live.doc.store.pendingDs !== null,
  };
}

/**
 * A struct in `votes` whose left origin is `victim`'s NEXT item (the clock after `nextClock - 1`):
 * pending until the victim writes, then integrated in the victim's transaction on an unguarded server.
 */
function pendingOnVictimsVote(victim: number, nextClock: number, attacker: number, key: string): Uint8Array {
  const future = new Y.Doc();
  if (nextClock > 0) Y.applyUpdate(future, gcClaim(victim, 0, nextClock));
  future.clientID = victim;
  getVotes(future).set(key, 1);
  const forged = new Y.Doc();
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(future));
  forged.clientID = attacker;
  const before = Y.encodeStateVector(forged);
  getVotes(forged).set(key, 5);
  return Y.encodeStateAsUpdate(forged, before);
}

/** Anna keeps working: her next scores are stored and echoed, and her provider was never closed. */
async function annaUnaffected(t: Awaited<ReturnType<typeof setup>>, klik: number) {
  setScores(t.annaInputs.doc, t.round, { klik, taak: 8, word: 'daarna' }, LOCAL_USER);
  await waitFor(() => readMyScores(t.serverDoc(t.annaRoom), t.round)?.klik === klik, "Anna's later scores held");
  await waitFor(() => !t.app.registry.peek(t.annaRoom)!.hasPendingWrites, "Anna's later scores stored");
  const stored = new Y.Doc();
  const s = await t.app.store.loadDoc(t.annaRoom);
  for (const u of [...(s.snapshot ? [s.snapshot] : []), ...s.updates]) Y.applyUpdate(stored, u);
  expect(readMyScores(stored, t.round)).toEqual({ klik, taak: 8, word: 'daarna' });
  expect(getVotes(stored).size).toBe(0);
  expect(t.annaInputs.closes).toEqual([]);
  expect((await t.app.store.loadClientOwners(t.annaRoom)).get(t.annaInputs.doc.clientID)).toBe(t.a.participantId);
}

describe("forged updates aimed at someone else's private inputs", () => {
  it("[T16] B's token cannot reach A's private document under any spelling: refused before a single frame, A untouched", async () => {
    const t = await setup();
    const before = await footprint(t.app, t.annaRoom);
    const other = await api<CreateWorkshopResponse>(t.app.url, 'POST', '/api/workshops', {
      title: 'Ander',
      partners: ['Gemeente'],
    });
    const attempts: [string, number][] = [
      [t.annaRoom, CloseCode.FORBIDDEN],
      [`${t.w.id}/private%3A${t.a.participantId}`, CloseCode.FORBIDDEN],
      [`${t.w.id}%2Fprivate:${t.a.participantId}`, CloseCode.FORBIDDEN],
      [`${t.w.id}/private:${t.a.participantId.toUpperCase()}`, CloseCode.NOT_FOUND],
      [`${t.w.id}/private:${t.a.participantId}/`, CloseCode.NOT_FOUND],
      [`${t.w.id}/private:${t.a.participantId}%00`, CloseCode.NOT_FOUND],
      // A's participant id under another workshop: B's token is no one there.
      [roomName(other.body.id, `private:${t.a.participantId}`), CloseCode.UNAUTHORIZED],
    ];
    for (const [name, code] of attempts) {
      const raw = await rawSocket(t.app.port, name, t.b.token);
      scope.cleanup.push(() => raw.ws.terminate());
      // A forged write sent at once, before the server has answered: it must never be read.
      raw.ws.send(syncFrame(writeAs(new Uint8Array([0, 0]), 4242, (doc) => doc.getMap('scores').set(t.round, 1))));
      expect((await raw.closed).code, name).toBe(code);
      // Not even the sync step 1 (A's state vector) or presence reached B.
      expect(raw.messages, name).toEqual([]);
    }
    expect(t.app.registry.loadedNames(t.w.id, 'private')).toEqual([t.annaRoom]);
    expect(await footprint(t.app, t.annaRoom)).toEqual(before);
    await annaUnaffected(t, 6);
  });

  it("[T17] in B's own private document, a struct pending on A's next item and a delete set over A's clocks close with 4400; nothing applied", async () => {
    const t = await setup();
    const anna = t.annaInputs.doc.clientID;
    const annaNext = stateOf(Y.encodeStateAsUpdate(t.serverDoc(t.annaRoom))).get(anna)!;
    expect(annaNext).toBeGreaterThan(0);
    const attacks: [string, (state: Uint8Array) => Uint8Array, RegExp][] = [
      [
        "pending on A's next item",
        () => pendingOnVictimsVote(anna, annaNext, 919191, `${t.round}/kaart`),
        /depends on changes the server does not have/,
      ],
      ["delete set over A's next clocks", () => deleteFutureRange(anna, annaNext), /deletes changes that do not exist/],
      [
        "delete set over A's whole range",
        () => deleteFutureRange(anna, 0, annaNext),
        /deletes changes that do not exist/,
      ],
    ];
    for (const [what, forge, reason] of attacks) {
      const { raw, doc } = await rawClient(scope, t.app.port, t.bramRoom, t.b.token);
      const before = await footprint(t.app, t.bramRoom);
      const beforeAnna = await footprint(t.app, t.annaRoom);
      raw.ws.send(syncFrame(forge(Y.encodeStateAsUpdate(doc))));
      const closed = await raw.closed;
      expect(closed.code, what).toBe(CloseCode.MALFORMED);
      expect(closed.reason, what).toMatch(reason);
      expect(await footprint(t.app, t.bramRoom), what).toEqual(before);
      expect(await footprint(t.app, t.annaRoom), what).toEqual(beforeAnna);
    }
    // A's next transaction is the one the pending struct waited for: it integrates alone.
    await annaUnaffected(t, 5);
    expect(getVotes(t.serverDoc(t.bramRoom)).size).toBe(0);
  });

  it("[T17] B writing the server's partner count into their own document closes with 4403; a GC claim or a write under A's client id binds that id to B in B's document only", async () => {
    const t = await setup();
    const anna = t.annaInputs.doc.clientID;
    // What the partner's others spent is the server's to write, never the person's (Q8).
    const spent = await rawClient(scope, t.app.port, t.bramRoom, t.b.token);
    const beforeSpent = await footprint(t.app, t.bramRoom);
    const state = Y.encodeStateAsUpdate(spent.doc);
    spent.raw.ws.send(syncFrame(writeAs(state, 818181, (doc) => doc.getMap('partnerSpent').set(t.round, 99))));
    expect((await spent.raw.closed).code).toBe(CloseCode.FORBIDDEN);
    expect(await footprint(t.app, t.bramRoom)).toEqual(beforeSpent);

    // Client-id bindings are per document (T1): in B's document, A's id is an id it has never seen,
    // so B's first change under it binds it to B there. Nothing of A's document depends on it.
    const beforeAnna = await footprint(t.app, t.annaRoom);
    const { raw: claim } = await rawClient(scope, t.app.port, t.bramRoom, t.b.token);
    claim.ws.send(syncFrame(gcClaim(anna, 0, 3)));
    await waitFor(() => stateOf(Y.encodeStateAsUpdate(t.serverDoc(t.bramRoom))).get(anna) === 3, 'GC in B’s own doc');
    claim.ws.send(
      syncFrame(
        writeAs(Y.encodeStateAsUpdate(t.serverDoc(t.bramRoom)), anna, (doc) =>
          doc.getMap('scores').set(t.round, { klik: 2, taak: 2, word: '' }),
        ),
      ),
    );
    await waitFor(() => readMyScores(t.serverDoc(t.bramRoom), t.round)?.klik === 2, "B's own scores under A's id");
    await waitFor(() => !t.app.registry.peek(t.bramRoom)!.hasPendingWrites, 'stored');
    expect((await t.app.store.loadClientOwners(t.bramRoom)).get(anna)).toBe(t.b.participantId);
    expect(await footprint(t.app, t.annaRoom)).toEqual(beforeAnna);
    // A goes on under the same id in her own document: her binding there is hers.
    await annaUnaffected(t, 4);
    expect(readMyScores(t.serverDoc(t.bramRoom), t.round)?.klik).toBe(2);
    claim.ws.terminate();
  });
});
