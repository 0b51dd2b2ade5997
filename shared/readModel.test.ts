import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCard, getCards, getCardText } from './cardSchema.js';
import { COLUMN_IDS, type ColumnId } from './columns.js';
import type { CardId, ParticipantId, PartnerId } from './ids.js';
import { createCard, deleteCard, moveCard, setCardPlainText, updateCard } from './ops.js';
import { LOCAL_USER, SEED } from './origins.js';
import { MapReadModel, readMap } from './readModel.js';

const id = (s: string) => s as CardId;

function addCard(doc: Y.Doc, cardId: string, column: ColumnId, text = '', extra: { order?: string } = {}): CardId {
  const created = createCard(
    doc,
    {
      id: id(cardId),
      column,
      author: 'p1' as ParticipantId,
      authorName: 'Ada',
      partner: 'buurt' as PartnerId,
      text,
      createdAt: 7,
    },
    SEED,
  );
  if (extra.order !== undefined) getCard(doc, created)!.set('order', extra.order);
  return created;
}

const idsOf = (cards: readonly { id: string }[]) => cards.map((c) => c.id);

describe('readMap', () => {
  it('[M4] sorts each column by order key, equal keys by card id', () => {
    const doc = new Y.Doc();
    addCard(doc, 'k3', 'values', '', { order: 'b' });
    addCard(doc, 'k2', 'values', '', { order: 'a' });
    addCard(doc, 'k9', 'values', '', { order: 'V' });
    addCard(doc, 'k1', 'values', '', { order: 'a' });
    addCard(doc, 'k0', 'values', '', { order: 'a' });
    addCard(doc, 's1', 'steps', '', { order: 'V' });
    const map = readMap(doc);
    // 'V' < 'a' < 'b' in plain string order (upper case before lower case).
    expect(idsOf(map.columns.values)).toEqual(['k9', 'k0', 'k1', 'k2', 'k3']);
    expect(idsOf(map.columns.steps)).toEqual(['s1']);
    expect(map.cardCount).toBe(6);
    expect(Object.keys(map.columns)).toEqual([...COLUMN_IDS]);
  });

  it('[M4] leaves out cards with a corrupt column and entries that are not cards, without throwing', () => {
    const doc = new Y.Doc();
    addCard(doc, 'good', 'relations', 'ok');
    addCard(doc, 'bad', 'relations', 'lost');
    getCard(doc, id('bad'))!.set('column', 'nowhere');
    addCard(doc, 'nocol', 'relations');
    getCard(doc, id('nocol'))!.delete('column');
    (getCards(doc) as Y.Map<unknown>).set('junk', 'not a map');
    const map = readMap(doc);
    expect(map.cardCount).toBe(1);
    expect(idsOf(map.columns.relations)).toEqual(['good']);
  });

  it('[M10] a snapshot carries the fields, blocks and plain text; missing or odd fields get safe defaults', () => {
    const doc = new Y.Doc();
    addCard(doc, 'a', 'actions', 'Wie doet wat');
    const card = getCard(doc, id('a'))!;
    expect(readMap(doc).columns.actions[0]).toEqual({
      id: 'a',
      column: 'actions',
      order: card.get('order'),
      author: 'p1',
      authorName: 'Ada',
      partner: 'buurt',
      createdAt: 7,
      status: 'open',
      blocks: [{ type: 'paragraph', runs: [{ text: 'Wie doet wat' }] }],
      plainText: 'Wie doet wat',
      supporters: [],
      arguments: [],
      agreedBy: {},
      agreedVersion: null,
      removal: null,
      links: {},
      actionOwner: null,
      actionDue: '',
      actionStatus: 'planned',
      actionNote: '',
      history: [],
      buildsOn: '',
      who: '',
      what: '',
      when: '',
      writtenBy: '',
      writtenByName: '',
      origins: [],
      tag: '',
    });
    card.set('status', 'maybe');
    card.set('supporters', 'not a map');
    card.set('history', 3);
    card.set('createdAt', 'yesterday');
    card.delete('text');
    card.set('authorName', 12);
    const snap = readMap(doc).columns.actions[0];
    expect(snap.status).toBe('open');
    expect(snap.createdAt).toBe(0);
    expect(snap.authorName).toBe('');
    expect(snap.blocks).toEqual([]);
    expect(snap.plainText).toBe('');
    expect(snap.supporters).toEqual([]);
    expect(snap.history).toEqual([]);
  });
});

describe('MapReadModel', () => {
  it('[M10] starts from the current document and matches readMap', () => {
    const doc = new Y.Doc();
    addCard(doc, 'a', 'values', 'een');
    addCard(doc, 'b', 'steps', 'twee');
    const model = new MapReadModel(doc);
    expect(model.getSnapshot()).toEqual(readMap(doc));
    expect(model.getCard(id('a'))?.plainText).toBe('een');
  });

  it('[M10] returns the same snapshot object until the cards change', () => {
    const doc = new Y.Doc();
    addCard(doc, 'a', 'values', 'een');
    const model = new MapReadModel(doc);
    const first = model.getSnapshot();
    expect(model.getSnapshot()).toBe(first);
    // A change elsewhere in the document is not a change of the map.
    doc.getMap('elsewhere').set('x', 1);
    expect(model.getSnapshot()).toBe(first);
    updateCard(doc, id('a'), { status: 'agreed' }, LOCAL_USER);
    const second = model.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.columns.values[0].status).toBe('agreed');
    expect(model.getSnapshot()).toBe(second);
  });

  it('[M10] a text change rebuilds only the touched card: the others keep their snapshot objects', () => {
    const doc = new Y.Doc();
    addCard(doc, 'a', 'values', 'een');
    addCard(doc, 'b', 'values', 'twee');
    addCard(doc, 'c', 'steps', 'drie');
    const model = new MapReadModel(doc);
    const a = model.getCard(id('a'));
    const b = model.getCard(id('b'));
    const c = model.getCard(id('c'));

    // Type into card b's paragraph the way the editor does: inside the XmlText, not by replacing the text.
    const xmlText = (getCardText(getCard(doc, id('b'))!)!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    doc.transact(() => xmlText.insert(4, '!'), LOCAL_USER);

    expect(model.getCard(id('a'))).toBe(a);
    expect(model.getCard(id('c'))).toBe(c);
    expect(model.getCard(id('b'))).not.toBe(b);
    expect(model.getCard(id('b'))!.plainText).toBe('twee!');
    const snap = model.getSnapshot();
    expect(snap.columns.values[0]).toBe(a);
    expect(snap.columns.steps[0]).toBe(c);
    expect(snap).toEqual(readMap(doc));
  });

  it('[M10] notifies subscribers once per transaction and stops after unsubscribe and destroy', () => {
    const doc = new Y.Doc();
    addCard(doc, 'a', 'values', 'een');
    const model = new MapReadModel(doc);
    let calls = 0;
    const unsubscribe = model.subscribe(() => calls++);
    doc.transact(() => {
      updateCard(doc, id('a'), { status: 'parked' }, LOCAL_USER);
      setCardPlainText(doc, id('a'), 'anders', LOCAL_USER);
    }, LOCAL_USER);
    expect(calls).toBe(1);
    unsubscribe();
    updateCard(doc, id('a'), { status: 'open' }, LOCAL_USER);
    expect(calls).toBe(1);
    const before = model.getSnapshot();
    model.destroy();
    updateCard(doc, id('a'), { status: 'agreed' }, LOCAL_USER);
    expect(model.getSnapshot()).toBe(before);
  });

  it('[M10] follows creates, moves and deletes', () => {
    const doc = new Y.Doc();
    const model = new MapReadModel(doc);
    addCard(doc, 'a', 'values', 'een');
    addCard(doc, 'b', 'values', 'twee');
    expect(idsOf(model.getSnapshot().columns.values)).toEqual(['a', 'b']);
    moveCard(doc, id('a'), 'relations', 0, LOCAL_USER);
    expect(idsOf(model.getSnapshot().columns.values)).toEqual(['b']);
    expect(idsOf(model.getSnapshot().columns.relations)).toEqual(['a']);
    deleteCard(doc, id('b'), LOCAL_USER);
    expect(model.getCard(id('b'))).toBeUndefined();
    expect(model.getSnapshot().cardCount).toBe(1);
    // An entry that is not a card is ignored; a card that becomes corrupt disappears, like from readMap.
    (getCards(doc) as Y.Map<unknown>).set('junk', 42);
    expect(model.getSnapshot().cardCount).toBe(1);
    getCard(doc, id('a'))!.set('column', 'nowhere');
    expect(model.getSnapshot().cardCount).toBe(0);
    expect(model.getSnapshot()).toEqual(readMap(doc));
  });

  it('[M10] reflects remote updates applied with Y.applyUpdate', () => {
    const local = new Y.Doc();
    const remote = new Y.Doc();
    addCard(local, 'a', 'values', 'een');
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(local));
    const model = new MapReadModel(local);
    const a = model.getCard(id('a'));
    const updates: Uint8Array[] = [];
    remote.on('update', (u: Uint8Array) => updates.push(u));

    addCard(remote, 'r', 'conditions', 'van ver');
    const remoteText = (getCardText(getCard(remote, id('r'))!)!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    remote.transact(() => remoteText.format(0, 3, { bold: true }));
    moveCard(remote, id('a'), 'steps', 0, LOCAL_USER);
    for (const u of updates) Y.applyUpdate(local, u, 'remote');

    const snap = model.getSnapshot();
    expect(snap).toEqual(readMap(remote));
    expect(idsOf(snap.columns.steps)).toEqual(['a']);
    expect(model.getCard(id('a'))).not.toBe(a);
    expect(model.getCard(id('r'))!.blocks).toEqual([
      { type: 'paragraph', runs: [{ text: 'van', bold: true }, { text: ' ver' }] },
    ]);
  });
});
