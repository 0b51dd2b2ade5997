import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { getCards } from '../../shared/cardSchema.js';
import { MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_STEP2, SYNC_UPDATE } from '../../shared/protocol.js';

/**
 * Hand-written hostile Yjs updates and y-protocols frames, as an attacker with a valid token would
 * send them (issue 12). Built with lib0 and yjs only, so they are exactly the bytes on the wire.
 */

export function syncFrame(update: Uint8Array, sub = SYNC_UPDATE): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export const step2Frame = (update: Uint8Array) => syncFrame(update, SYNC_STEP2);

export function awarenessFrame(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const en of entries) {
    encoding.writeVarUint(inner, en.clientId);
    encoding.writeVarUint(inner, en.clock);
    encoding.writeVarString(inner, JSON.stringify(en.state));
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/**
 * The server's state as it sent it on connect: the first sync step 2 among `messages`, merged with the
 * sync updates that came before it (a new client gets a step 2 encoded earlier, after what changed
 * since: [P10]). Null until the step 2 has arrived.
 */
export function serverStateFrom(messages: Uint8Array[]): Uint8Array | null {
  const before: Uint8Array[] = [];
  for (const m of messages) {
    const d = decoding.createDecoder(m);
    if (decoding.readVarUint(d) !== MESSAGE_SYNC) continue;
    const sub = decoding.readVarUint(d);
    if (sub === SYNC_UPDATE) before.push(decoding.readVarUint8Array(d));
    if (sub !== SYNC_STEP2) continue;
    const step2 = decoding.readVarUint8Array(d);
    return before.length ? Y.mergeUpdates([...before, step2]) : step2;
  }
  return null;
}

/** The state vector of a Yjs update: client → next clock. */
export function stateOf(update: Uint8Array): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update));
}

/**
 * Attack 1: a card whose left origin is the victim's NEXT item id. Yjs keeps it pending and, on an
 * unguarded server, integrates it inside the victim's next transaction.
 */
export function pendingOnVictimsNextItem(
  serverState: Uint8Array,
  victim: number,
  attacker: number,
  cardKey: string,
): Uint8Array {
  return pendingOnClock(victim, stateOf(serverState).get(victim) ?? 0, attacker, cardKey);
}

/**
 * Attack 1 from the victim's next clock alone (the server's sync step 1 tells it): the same structs as
 * forging from the whole document, at a cost that does not grow with it (the soak forges thousands).
 * The victim's clocks before `nextClock` are stood in for by one GC struct, which only this local
 * forging document ever sees: the update sent holds just the attacker's structs (forged from the
 * whole document it also carries that document's delete set, which deletes nothing new).
 */
export function pendingOnClock(victim: number, nextClock: number, attacker: number, cardKey: string): Uint8Array {
  const future = new Y.Doc();
  if (nextClock > 0) Y.applyUpdate(future, gcClaim(victim, 0, nextClock));
  // After loading: Yjs picks a new client id when a remote update carries its own.
  future.clientID = victim;
  getCards(future).set(cardKey, 'victim writes here next' as never);
  const forged = new Y.Doc();
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(future));
  forged.clientID = attacker;
  const before = Y.encodeStateVector(forged);
  const card = new Y.Map<unknown>();
  card.set('id', cardKey);
  card.set('column', 'actions');
  card.set('order', 'a0');
  card.set('status', 'agreed');
  getCards(forged).set(cardKey, card as never);
  return Y.encodeStateAsUpdate(forged, before);
}

/** Attack 2: a delete set over a client's future clock range (14 bytes). */
export function deleteFutureRange(client: number, fromClock: number, len = 1e9): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // no structs
  encoding.writeVarUint(e, 1); // one client in the delete set
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 1); // one range
  encoding.writeVarUint(e, fromClock);
  encoding.writeVarUint(e, len);
  return encoding.toUint8Array(e);
}

/** Attack 3: a GC struct claiming another client's clock range (13 bytes). */
export function gcClaim(client: number, fromClock: number, len = 1000): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client section
  encoding.writeVarUint(e, 1); // one struct
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, fromClock);
  encoding.writeUint8(e, 0); // info 0: GC
  encoding.writeVarUint(e, len);
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}

/** A Skip struct (only produced by merging updates, never by a live client). */
export function skipStruct(client: number, fromClock: number, len = 10): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, fromClock);
  encoding.writeUint8(e, 10); // info 10: Skip
  encoding.writeVarUint(e, len);
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

/** A well-formed change written under someone else's client id, continuing their clock. */
export function writeAs(serverState: Uint8Array, client: number, write: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, serverState);
  doc.clientID = client;
  const before = Y.encodeStateVector(doc);
  write(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/** A change whose first struct starts after a gap in the client's own clock. */
export function gappedUpdate(client: number, write: (doc: Y.Doc) => void, gap = 5): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = client;
  getCards(doc).set('gap-filler', 'x'.repeat(gap) as never);
  const before = Y.encodeStateVector(doc);
  write(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/** An item whose left origin is a later clock of its own client (Yjs would throw while applying it). */
export function forwardSelfReference(client: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 0);
  encoding.writeUint8(e, 128 | 8); // has a left origin; content: ContentAny
  encoding.writeVarUint(e, client); // origin client
  encoding.writeVarUint(e, 5); // origin clock: not written yet
  encoding.writeVarUint(e, 1); // one value
  encoding.writeAny(e, 1);
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

/** The id of an item in `serverState` that holds a value, not a type (a target for childOfItem). */
export function firstValueItem(serverState: Uint8Array): Y.ID {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, serverState);
  let valueItem: Y.ID | null = null;
  doc.store.clients.forEach((structs) => {
    for (const s of structs) {
      if (!valueItem && s instanceof Y.Item && s.content instanceof Y.ContentAny) valueItem = s.id;
    }
  });
  doc.destroy();
  if (!valueItem) throw new Error('no value item in the state');
  return valueItem;
}

/** An item whose parent is an existing item that holds a value, not a type. */
export function childOfNonType(client: number, serverState: Uint8Array): Uint8Array {
  return childOfItem(client, firstValueItem(serverState));
}

/** An item whose parent is the item `parent` (childOfNonType when that item holds a value). */
export function childOfItem(client: number, parent: Y.ID): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 0);
  encoding.writeUint8(e, 8); // no origins: parent info follows; content: ContentAny
  encoding.writeVarUint(e, 0); // parent is an id, not a root name
  encoding.writeVarUint(e, parent.client);
  encoding.writeVarUint(e, parent.clock);
  encoding.writeVarUint(e, 1);
  encoding.writeAny(e, 'x');
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}
