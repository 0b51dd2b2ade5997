import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setSupport } from './cardDetails.js';
import { createCard, deleteCard, moveCard, setCardPlainText, updateCard } from './ops.js';
import { LOCAL_USER, SERVER } from './origins.js';
import { readMap } from './readModel.js';
import { restoreCards } from './restore.js';
import type { CardId } from './ids.js';

const input = (text: string) => ({
  column: 'values' as const,
  author: '' as const,
  authorName: 'A',
  partner: '' as const,
  text,
});
const copy = (doc: Y.Doc) => {
  const d = new Y.Doc();
  Y.applyUpdate(d, Y.encodeStateAsUpdate(doc));
  return d;
};

describe('restoreCards', () => {
  it('[V1] makes the live map equal to a saved version, as one new change that peers receive', () => {
    const doc = new Y.Doc();
    const keep = createCard(doc, input('blijft'), LOCAL_USER);
    const change = createCard(doc, input('origineel'), LOCAL_USER);
    const gone = createCard(doc, input('wordt verwijderd'), LOCAL_USER);
    setSupport(doc, change, { id: 'p1' as never, name: 'P', partner: '' }, true, LOCAL_USER);
    const version = copy(doc);
    const saved = JSON.stringify(readMap(version));

    setCardPlainText(doc, change, 'aangepast', LOCAL_USER);
    moveCard(doc, change, 'steps', 0, LOCAL_USER);
    updateCard(doc, change, { status: 'parked' }, LOCAL_USER);
    setSupport(doc, change, { id: 'p1' as never, name: 'P', partner: '' }, false, LOCAL_USER);
    deleteCard(doc, gone, LOCAL_USER);
    const added = createCard(doc, input('nieuw'), LOCAL_USER);

    const peer = copy(doc);
    const before = Y.encodeStateVector(doc);
    const touched = restoreCards(doc, version, SERVER);
    expect(touched).toBe(3);
    expect(JSON.stringify(readMap(doc))).toBe(saved);
    expect(readMap(doc).columns.values.map((c) => c.id)).not.toContain(added);
    // A peer that receives only the restore change ends up equal too.
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, before));
    expect(JSON.stringify(readMap(peer))).toBe(saved);
    expect(readMap(doc).columns.values.find((c) => c.id === keep)?.plainText).toBe('blijft');
  });

  it('[V1] a restore can itself be undone by restoring the state saved just before it', () => {
    const doc = new Y.Doc();
    createCard(doc, input('een'), LOCAL_USER);
    const v1 = copy(doc);
    const id = createCard(doc, input('twee'), LOCAL_USER) as CardId;
    const beforeRestore = copy(doc);
    const latest = JSON.stringify(readMap(doc));
    restoreCards(doc, v1, SERVER);
    expect(readMap(doc).cardCount).toBe(1);
    restoreCards(doc, beforeRestore, SERVER);
    expect(JSON.stringify(readMap(doc))).toBe(latest);
    expect(readMap(doc).columns.values.some((c) => c.id === id)).toBe(true);
  });
});
