import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCard, getCards, getCardText } from './cardSchema.js';
import type { ColumnId } from './columns.js';
import type { CardId, ParticipantId, PartnerId } from './ids.js';
import {
  createCard,
  deleteCard,
  locateCard,
  moveCard,
  placedInColumn,
  setCardPlainText,
  updateCard,
  type CreateCardInput,
} from './ops.js';
import { connectionOrigin, LOCAL_USER, SEED, SERVER } from './origins.js';
import { readMap } from './readModel.js';
import { blocksToPlainText, readBlocks } from './richText.js';

const id = (s: string) => s as CardId;

function input(column: ColumnId, extra: Partial<CreateCardInput> = {}): CreateCardInput {
  return {
    column,
    author: 'p1' as ParticipantId,
    authorName: 'Ada',
    partner: 'gemeente' as PartnerId,
    ...extra,
  };
}

function textOf(doc: Y.Doc, cardId: CardId): string | undefined {
  const card = getCard(doc, cardId);
  const fragment = card && getCardText(card);
  return fragment ? blocksToPlainText(readBlocks(fragment)) : undefined;
}

function idsIn(doc: Y.Doc, column: ColumnId): string[] {
  return placedInColumn(doc, column).map((p) => p.id);
}

/** Count the 'update' events one call emits: every op is meant to be exactly one transaction. */
function updatesDuring(doc: Y.Doc, fn: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const onUpdate = (u: Uint8Array) => updates.push(u);
  doc.on('update', onUpdate);
  try {
    fn();
  } finally {
    doc.off('update', onUpdate);
  }
  return updates;
}

function syncBoth(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
}

describe('createCard', () => {
  it('[M2] writes every field, with defaults for status, createdAt and position', () => {
    const doc = new Y.Doc();
    const before = Date.now();
    const cardId = createCard(doc, input('relations', { text: 'Samen beslissen' }), LOCAL_USER);
    const card = getCard(doc, cardId)!;
    expect(card.get('id')).toBe(cardId);
    expect(card.get('column')).toBe('relations');
    expect(card.get('author')).toBe('p1');
    expect(card.get('authorName')).toBe('Ada');
    expect(card.get('partner')).toBe('gemeente');
    expect(card.get('status')).toBe('open');
    expect(card.get('createdAt')).toBeGreaterThanOrEqual(before);
    expect(typeof card.get('order')).toBe('string');
    expect(textOf(doc, cardId)).toBe('Samen beslissen');
    expect(cardId).toMatch(/^[0-9a-z]{16}$/);
  });

  it('[M2] honours a given id, status and createdAt', () => {
    const doc = new Y.Doc();
    const cardId = createCard(doc, input('steps', { id: id('fixed'), status: 'parked', createdAt: 1234 }), SEED);
    expect(cardId).toBe('fixed');
    expect(getCard(doc, id('fixed'))!.get('status')).toBe('parked');
    expect(getCard(doc, id('fixed'))!.get('createdAt')).toBe(1234);
  });

  it('[M2] a card without text still gets its own empty text fragment', () => {
    const doc = new Y.Doc();
    const cardId = createCard(doc, input('values'), LOCAL_USER);
    const fragment = getCardText(getCard(doc, cardId)!);
    expect(fragment).toBeInstanceOf(Y.XmlFragment);
    expect(fragment!.length).toBe(0);
  });

  it('[M2] the card and its text travel in one update: a peer never sees the card without its text', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    let cardId = id('');
    const updates = updatesDuring(a, () => {
      cardId = createCard(a, input('values', { text: 'Eerste regel\nTweede regel' }), LOCAL_USER);
    });
    expect(updates).toHaveLength(1);

    const seenOnArrival: (string | undefined)[] = [];
    getCards(b).observe((event) => {
      for (const key of event.keysChanged) seenOnArrival.push(textOf(b, key as CardId));
    });
    const seenInUpdate: (string | undefined)[] = [];
    b.on('update', () => seenInUpdate.push(textOf(b, cardId)));
    Y.applyUpdate(b, updates[0], 'remote');

    expect(seenOnArrival).toEqual(['Eerste regel\nTweede regel']);
    expect(seenInUpdate).toEqual(['Eerste regel\nTweede regel']);
    expect(getCard(b, cardId)!.get('column')).toBe('values');
  });

  it('[M5] places the card at the given index of its column, at the end by default, clamped to the column', () => {
    const doc = new Y.Doc();
    createCard(doc, input('actions', { id: id('a') }), LOCAL_USER);
    createCard(doc, input('actions', { id: id('b') }), LOCAL_USER);
    createCard(doc, input('actions', { id: id('c') }), LOCAL_USER);
    expect(idsIn(doc, 'actions')).toEqual(['a', 'b', 'c']);
    createCard(doc, input('actions', { id: id('d'), index: 1 }), LOCAL_USER);
    expect(idsIn(doc, 'actions')).toEqual(['a', 'd', 'b', 'c']);
    createCard(doc, input('actions', { id: id('e'), index: 0 }), LOCAL_USER);
    createCard(doc, input('actions', { id: id('f'), index: 99 }), LOCAL_USER);
    createCard(doc, input('actions', { id: id('g'), index: -3 }), LOCAL_USER);
    expect(idsIn(doc, 'actions')).toEqual(['g', 'e', 'a', 'd', 'b', 'c', 'f']);
    // Other columns are not affected.
    expect(idsIn(doc, 'values')).toEqual([]);
  });
});

describe('moveCard and locateCard', () => {
  function column(doc: Y.Doc, col: ColumnId, ids: string[]): void {
    for (const i of ids) createCard(doc, input(col, { id: id(i), text: `text ${i}` }), SEED);
  }

  it('[M6] within a column the index counts the column without the moved card', () => {
    const doc = new Y.Doc();
    column(doc, 'values', ['a', 'b', 'c', 'd']);
    expect(moveCard(doc, id('a'), 'values', 2, LOCAL_USER)).toBe(true);
    expect(idsIn(doc, 'values')).toEqual(['b', 'c', 'a', 'd']);
    moveCard(doc, id('a'), 'values', 3, LOCAL_USER);
    expect(idsIn(doc, 'values')).toEqual(['b', 'c', 'd', 'a']);
    moveCard(doc, id('d'), 'values', 0, LOCAL_USER);
    expect(idsIn(doc, 'values')).toEqual(['d', 'b', 'c', 'a']);
    expect(locateCard(doc, id('c'))).toEqual({ column: 'values', index: 2 });
  });

  it('[M6] between columns the card keeps its id, text and other fields; only column and order are written', () => {
    const doc = new Y.Doc();
    column(doc, 'values', ['a', 'b']);
    column(doc, 'conditions', ['x', 'y']);
    updateCard(doc, id('a'), { status: 'agreed' }, SEED);
    const card = getCard(doc, id('a'))!;
    const fieldsBefore = card.toJSON();

    const changed: string[][] = [];
    card.observe((event) => changed.push([...event.keysChanged].sort()));
    expect(moveCard(doc, id('a'), 'conditions', 1, LOCAL_USER)).toBe(true);

    expect(changed).toEqual([['column', 'order']]);
    expect(getCard(doc, id('a'))).toBe(card); // the same Y.Map: not deleted and re-inserted
    expect(idsIn(doc, 'values')).toEqual(['b']);
    expect(idsIn(doc, 'conditions')).toEqual(['x', 'a', 'y']);
    expect(locateCard(doc, id('a'))).toEqual({ column: 'conditions', index: 1 });
    const { column: _c, order: _o, ...restBefore } = fieldsBefore;
    const { column: col, order: _o2, ...restAfter } = card.toJSON();
    expect(col).toBe('conditions');
    expect(restAfter).toEqual(restBefore);
    expect(textOf(doc, id('a'))).toBe('text a');
  });

  it('[M6] a move inside the same column writes only the order', () => {
    const doc = new Y.Doc();
    column(doc, 'steps', ['a', 'b', 'c']);
    const changed: string[][] = [];
    getCard(doc, id('c'))!.observe((event) => changed.push([...event.keysChanged]));
    moveCard(doc, id('c'), 'steps', 0, LOCAL_USER);
    expect(changed).toEqual([['order']]);
    expect(idsIn(doc, 'steps')).toEqual(['c', 'a', 'b']);
  });

  it('[M6] a move is one transaction', () => {
    const doc = new Y.Doc();
    column(doc, 'values', ['a', 'b']);
    expect(updatesDuring(doc, () => moveCard(doc, id('a'), 'relations', 0, LOCAL_USER))).toHaveLength(1);
  });

  it('[M3] a card dropped between two cards with equal keys lands right after them, before the next card', () => {
    // Two peers append to an empty column at the same time: both cards get the same key.
    const a = new Y.Doc();
    const b = new Y.Doc();
    createCard(a, input('values', { id: id('p') }), LOCAL_USER);
    createCard(b, input('values', { id: id('q') }), LOCAL_USER);
    syncBoth(a, b);
    expect(getCard(a, id('p'))!.get('order')).toBe(getCard(a, id('q'))!.get('order'));
    createCard(a, input('values', { id: id('r') }), LOCAL_USER);
    createCard(a, input('relations', { id: id('z') }), LOCAL_USER);
    expect(idsIn(a, 'values')).toEqual(['p', 'q', 'r']);
    moveCard(a, id('z'), 'values', 1, LOCAL_USER);
    // Index 1 itself is impossible (no key lies between equal keys): the nearest place is after the pair.
    expect(idsIn(a, 'values')).toEqual(['p', 'q', 'z', 'r']);
  });

  it('[M6] moving or locating a card that does not exist changes nothing', () => {
    const doc = new Y.Doc();
    column(doc, 'values', ['a']);
    const updates = updatesDuring(doc, () => {
      expect(moveCard(doc, id('nope'), 'values', 0, LOCAL_USER)).toBe(false);
    });
    expect(updates).toHaveLength(0);
    expect(locateCard(doc, id('nope'))).toBeNull();
    expect(getCards(doc).has('nope')).toBe(false);
  });

  it('[M4] locateCard treats a card with a corrupt column as absent', () => {
    const doc = new Y.Doc();
    column(doc, 'values', ['a', 'b']);
    getCard(doc, id('a'))!.set('column', 'kitchen');
    expect(locateCard(doc, id('a'))).toBeNull();
    expect(locateCard(doc, id('b'))).toEqual({ column: 'values', index: 0 });
  });
});

describe('deleteCard, updateCard, setCardPlainText', () => {
  it('[M7] deleteCard removes the card with its text; a second delete returns false and writes nothing', () => {
    const doc = new Y.Doc();
    const cardId = createCard(doc, input('values', { text: 'weg' }), LOCAL_USER);
    const other = createCard(doc, input('values'), LOCAL_USER);
    expect(deleteCard(doc, cardId, LOCAL_USER)).toBe(true);
    expect(getCard(doc, cardId)).toBeUndefined();
    expect(getCards(doc).size).toBe(1);
    expect(readMap(doc).columns.values.map((c) => c.id)).toEqual([other]);
    expect(updatesDuring(doc, () => expect(deleteCard(doc, cardId, LOCAL_USER)).toBe(false))).toHaveLength(0);
  });

  it('[M2] updateCard sets the status and nothing else; an unchanged status writes nothing', () => {
    const doc = new Y.Doc();
    const cardId = createCard(doc, input('values', { text: 'x' }), LOCAL_USER);
    const card = getCard(doc, cardId)!;
    const changed: string[][] = [];
    card.observe((event) => changed.push([...event.keysChanged]));
    expect(updateCard(doc, cardId, { status: 'agreed' }, LOCAL_USER)).toBe(true);
    expect(card.get('status')).toBe('agreed');
    expect(changed).toEqual([['status']]);
    expect(updatesDuring(doc, () => updateCard(doc, cardId, { status: 'agreed' }, LOCAL_USER))).toHaveLength(0);
    expect(updatesDuring(doc, () => updateCard(doc, cardId, {}, LOCAL_USER))).toHaveLength(0);
    expect(updateCard(doc, id('missing'), { status: 'parked' }, LOCAL_USER)).toBe(false);
  });

  it('[M2] setCardPlainText replaces the text in place; false for a missing card', () => {
    const doc = new Y.Doc();
    const cardId = createCard(doc, input('values', { text: 'oud\nlang verhaal' }), LOCAL_USER);
    const fragment = getCardText(getCard(doc, cardId)!);
    expect(setCardPlainText(doc, cardId, 'nieuw', LOCAL_USER)).toBe(true);
    expect(textOf(doc, cardId)).toBe('nieuw');
    expect(getCardText(getCard(doc, cardId)!)).toBe(fragment); // same fragment: editors stay bound to it
    expect(setCardPlainText(doc, id('missing'), 'x', LOCAL_USER)).toBe(false);
  });
});

describe('undo', () => {
  function undoManager(doc: Y.Doc): Y.UndoManager {
    // captureTimeout 0: every transaction is its own undo step, so the test needs no clock.
    return new Y.UndoManager(getCards(doc), { trackedOrigins: new Set([LOCAL_USER]), captureTimeout: 0 });
  }

  it('[M8] undo removes the local user’s card and keeps cards created by the server, a seed or a remote peer', () => {
    const doc = new Y.Doc();
    const remote = new Y.Doc();
    const um = undoManager(doc);
    const mine = createCard(doc, input('values', { text: 'mijn kaart' }), LOCAL_USER);
    const server = createCard(doc, input('values', { text: 'server' }), SERVER);
    const seeded = createCard(doc, input('values', { text: 'seed' }), SEED);
    const theirs = createCard(remote, input('values', { text: 'van een ander' }), LOCAL_USER);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), connectionOrigin('c1'));

    expect(um.undoStack).toHaveLength(1);
    um.undo();
    expect(getCard(doc, mine)).toBeUndefined();
    expect([server, seeded, theirs].every((c) => getCard(doc, c) !== undefined)).toBe(true);
    um.undo(); // nothing left to undo: the other cards stay
    expect(getCards(doc).size).toBe(3);
  });

  it('[M8] undo reverts the local status change but not a later text change from another origin', () => {
    const doc = new Y.Doc();
    const cardId = createCard(doc, input('values', { text: 'begin' }), SEED);
    const um = undoManager(doc);
    updateCard(doc, cardId, { status: 'agreed' }, LOCAL_USER);
    setCardPlainText(doc, cardId, 'door de server', SERVER);
    um.undo();
    expect(getCard(doc, cardId)!.get('status')).toBe('open');
    expect(textOf(doc, cardId)).toBe('door de server');
  });

  it('[M8] undo of a move puts the card back; a remote move of another card stays', () => {
    const doc = new Y.Doc();
    for (const i of ['a', 'b', 'c']) createCard(doc, input('values', { id: id(i) }), SEED);
    const um = undoManager(doc);
    const orderOfA = getCard(doc, id('a'))!.get('order');
    moveCard(doc, id('a'), 'steps', 0, LOCAL_USER);
    moveCard(doc, id('c'), 'values', 0, connectionOrigin('c2'));
    expect(idsIn(doc, 'values')).toEqual(['c', 'b']);
    const orderOfC = getCard(doc, id('c'))!.get('order');
    um.undo();
    // a is back with its own key; c keeps the key the remote move gave it. Both were put at the top,
    // so they may share a key ([M15]: the key just below b is the one a had): then id order decides ([M4]).
    expect(locateCard(doc, id('a'))?.column).toBe('values');
    expect(getCard(doc, id('a'))!.get('order')).toBe(orderOfA);
    expect(getCard(doc, id('c'))!.get('order')).toBe(orderOfC);
    const top = orderOfA === orderOfC ? ['a', 'c'] : orderOfA! < orderOfC! ? ['a', 'c'] : ['c', 'a'];
    expect(idsIn(doc, 'values')).toEqual([...top, 'b']);
    expect(idsIn(doc, 'steps')).toEqual([]);
  });

  it('[M8] undo of a delete restores the card with its id, fields and text, also on other peers', () => {
    const doc = new Y.Doc();
    const peer = new Y.Doc();
    const cardId = createCard(
      doc,
      input('conditions', { text: 'Tijd en ruimte\nSteun van de leiding', status: 'agreed', createdAt: 42 }),
      SEED,
    );
    const fieldsBefore = readMap(doc).columns.conditions[0];
    syncBoth(doc, peer);
    const um = undoManager(doc);

    deleteCard(doc, cardId, LOCAL_USER);
    syncBoth(doc, peer);
    expect(getCard(peer, cardId)).toBeUndefined();

    um.undo();
    const restored = getCard(doc, cardId);
    expect(restored).toBeDefined();
    expect(getCardText(restored!)).toBeInstanceOf(Y.XmlFragment);
    expect(textOf(doc, cardId)).toBe('Tijd en ruimte\nSteun van de leiding');
    expect(readMap(doc).columns.conditions[0]).toEqual(fieldsBefore);

    syncBoth(doc, peer);
    expect(textOf(peer, cardId)).toBe('Tijd en ruimte\nSteun van de leiding');
    expect(readMap(peer)).toEqual(readMap(doc));

    um.redo();
    expect(getCard(doc, cardId)).toBeUndefined();
  });

  it('[M8] undo of a local text edit leaves a concurrent remote edit of the same card in place', () => {
    const doc = new Y.Doc();
    const peer = new Y.Doc();
    const cardId = createCard(doc, input('values', { text: 'abc' }), SEED);
    syncBoth(doc, peer);
    const um = undoManager(doc);
    // Local user types at the start, a remote peer types at the end of the same paragraph.
    const localText = (getCardText(getCard(doc, cardId)!)!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    doc.transact(() => localText.insert(0, 'X'), LOCAL_USER);
    const peerText = (getCardText(getCard(peer, cardId)!)!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    peer.transact(() => peerText.insert(3, 'Y'));
    syncBoth(doc, peer);
    expect(textOf(doc, cardId)).toBe('XabcY');
    um.undo();
    expect(textOf(doc, cardId)).toBe('abcY');
  });
});
