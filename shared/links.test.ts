import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard, moveCard, updateCard } from './ops.js';
import { COLUMN_IDS, getColumn, type ColumnId } from './columns.js';
import type { CardId } from './ids.js';
import { addLink, cardCodes, linkFlags, linkGraph, mayServe, removeLink, servedColumns } from './links.js';
import { LOCAL_USER } from './origins.js';
import { readMap } from './readModel.js';

const card = (doc: Y.Doc, column: ColumnId, text: string) =>
  createCard(doc, { column, author: '', authorName: 'F', partner: '', text }, LOCAL_USER);

describe('links between cards', () => {
  it('[L1] a card serves only columns earlier in the method; every card may serve the values', () => {
    expect(servedColumns('steps')).toEqual(['values', 'relations', 'actions', 'conditions']);
    expect(servedColumns('conditions')).toEqual(['values', 'relations', 'actions']);
    expect(servedColumns('actions')).toEqual(['values', 'relations']);
    expect(servedColumns('relations')).toEqual(['values']);
    expect(servedColumns('values')).toEqual([]);
    for (const from of COLUMN_IDS) {
      expect(mayServe(from, from)).toBe(false);
      if (from !== 'values') expect(mayServe(from, 'values')).toBe(true);
    }
    expect(mayServe('values', 'steps')).toBe(false);
  });

  it('[L1] links and backlinks in map order; a link that stops fitting is left out, and back when it fits again', () => {
    const doc = new Y.Doc();
    const w1 = card(doc, 'values', 'Iedereen doet mee');
    const w2 = card(doc, 'values', 'Thuis wonen');
    const c1 = card(doc, 'conditions', 'Budget');
    const a1 = card(doc, 'steps', 'Wandelclub');
    expect(addLink(doc, a1, w2, 'p1', LOCAL_USER)).toBe(true);
    expect(addLink(doc, a1, w1, 'p1', LOCAL_USER)).toBe(true);
    expect(addLink(doc, a1, c1, 'p1', LOCAL_USER)).toBe(true);
    expect(addLink(doc, c1, w1, 'p1', LOCAL_USER)).toBe(true);
    expect(addLink(doc, a1, a1, 'p1', LOCAL_USER)).toBe(false);
    expect(addLink(doc, a1, 'gone' as CardId, 'p1', LOCAL_USER)).toBe(false);
    let g = linkGraph(readMap(doc));
    expect(g.serves(a1).map((c) => c.id)).toEqual([w1, w2, c1]);
    expect(g.servedBy(w1).map((c) => c.id)).toEqual([c1, a1]);
    expect(g.reachesValue(c1)).toBe(true);
    // The condition moves to the values: a1 → c1 still fits, c1 → w1 no longer does.
    moveCard(doc, c1, 'values', 0, LOCAL_USER);
    g = linkGraph(readMap(doc));
    expect(g.serves(c1)).toEqual([]);
    expect(g.servedBy(w1).map((c) => c.id)).toEqual([a1]);
    moveCard(doc, c1, 'conditions', 0, LOCAL_USER);
    expect(
      linkGraph(readMap(doc))
        .serves(c1)
        .map((c) => c.id),
    ).toEqual([w1]);
    expect(removeLink(doc, a1, w2, LOCAL_USER)).toBe(true);
    expect(removeLink(doc, a1, w2, LOCAL_USER)).toBe(false);
    expect(
      linkGraph(readMap(doc))
        .serves(a1)
        .map((c) => c.id),
    ).toEqual([w1, c1]);
  });

  it('[L3] codes: the column letter in the language and the place in the column, from 1', () => {
    const doc = new Y.Doc();
    const w1 = card(doc, 'values', 'een');
    const w2 = card(doc, 'values', 'twee');
    const a1 = card(doc, 'steps', 'actie');
    const nl = cardCodes(readMap(doc), 'nl');
    expect([nl.get(w1), nl.get(w2), nl.get(a1)]).toEqual(['W1', 'W2', 'A1']);
    const en = cardCodes(readMap(doc), 'en');
    expect([en.get(w2), en.get(a1)]).toEqual(['V2', 'S1']);
    // Five different letters per language, so no two columns share a code.
    for (const lang of ['nl', 'en'] as const) {
      const letters = COLUMN_IDS.map((c) => getColumn(c).label[lang][0]);
      expect(new Set(letters).size, lang).toBe(5);
    }
    // A card placed before the others renumbers them, as the map shows.
    createCard(doc, { column: 'values', author: '', authorName: '', partner: '', text: 'nul', index: 0 }, LOCAL_USER);
    expect(cardCodes(readMap(doc), 'nl').get(w2)).toBe('W3');
  });

  it('[L5] flags: agreed actions that reach no value (directly or through other cards), values no agreed action reaches', () => {
    const doc = new Y.Doc();
    const w1 = card(doc, 'values', 'w1');
    const w2 = card(doc, 'values', 'w2');
    const w3 = card(doc, 'values', 'w3');
    const r1 = card(doc, 'relations', 'r1');
    const direct = card(doc, 'steps', 'direct');
    const through = card(doc, 'steps', 'via relatie');
    const lonely = card(doc, 'steps', 'los');
    const open = card(doc, 'steps', 'open');
    for (const id of [direct, through, lonely])
      doc.transact(() => {
        const c = doc.getMap('cards').get(id) as Y.Map<unknown>;
        c.set('who', 'wij');
        c.set('what', 'dit');
        c.set('when', 'mei');
      });
    for (const id of [direct, through, lonely])
      expect(updateCard(doc, id, { status: 'agreed' }, LOCAL_USER)).toBe(true);
    addLink(doc, direct, w1, 'p', LOCAL_USER);
    addLink(doc, through, r1, 'p', LOCAL_USER);
    addLink(doc, r1, w2, 'p', LOCAL_USER);
    addLink(doc, open, w3, 'p', LOCAL_USER);
    const flags = linkFlags(readMap(doc));
    expect(flags.actionsWithoutValue.map((c) => c.id)).toEqual([lonely]);
    // w3 is served only by an action that is not agreed.
    expect(flags.valuesWithoutAction.map((c) => c.id)).toEqual([w3]);
  });
});
