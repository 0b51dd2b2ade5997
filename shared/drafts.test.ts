import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCards } from './cardSchema.js';
import { revealDrafts } from './drafts.js';
import { formatDocName } from './docName.js';
import { createCard } from './ops.js';
import { LOCAL_USER, SERVER } from './origins.js';
import { readMap } from './readModel.js';

describe('revealDrafts', () => {
  it('[G4] moves every draft into its map in writing order, after the cards already there, and empties the drafts', () => {
    const map = new Y.Doc();
    createCard(map, { column: 'values', author: '', authorName: 'F', partner: '', text: 'er al' }, LOCAL_USER);
    const drafts = new Y.Doc();
    const first = createCard(drafts, { column: 'values', author: 'p1' as never, authorName: 'Pia', partner: 'buurt' as never, text: 'eerste', createdAt: 1, draftFor: 'map:joint' }, LOCAL_USER);
    const second = createCard(drafts, { column: 'values', author: 'p1' as never, authorName: 'Pia', partner: 'buurt' as never, text: 'tweede', createdAt: 2, draftFor: 'map:joint' }, LOCAL_USER);
    const elsewhere = createCard(drafts, { column: 'values', author: 'p1' as never, authorName: 'Pia', partner: '', text: 'andere kaart', draftFor: 'map:buurt' }, LOCAL_USER);
    const moved = revealDrafts(drafts, (target) => (formatDocName(target) === 'map:joint' ? map : null), SERVER);
    expect(moved).toBe(2);
    expect(readMap(map).columns.values.map((c) => c.plainText)).toEqual(['er al', 'eerste', 'tweede']);
    const revealed = readMap(map).columns.values.find((c) => c.id === first)!;
    expect(revealed).toMatchObject({ authorName: 'Pia', partner: 'buurt' });
    expect(getCards(map).get(second)?.has('map')).toBe(false);
    // Cards for a map that is not available stay where they are.
    expect([...getCards(drafts).keys()]).toEqual([elsewhere]);
  });

  it('[G4][M12] a draft that breaks the card table stays in the drafts; the valid ones move', () => {
    const map = new Y.Doc();
    const drafts = new Y.Doc();
    const good = createCard(drafts, { column: 'values', author: 'p1' as never, authorName: 'Pia', partner: '', text: 'goed', draftFor: 'map:joint' }, LOCAL_USER);
    const bad = createCard(drafts, { column: 'values', author: 'p1' as never, authorName: 'Pia', partner: '', text: 'stiekem', draftFor: 'map:joint' }, LOCAL_USER);
    drafts.transact(() => getCards(drafts).get(bad)!.set('colour', 'red'));
    expect(revealDrafts(drafts, () => map, SERVER)).toBe(1);
    expect([...getCards(map).keys()]).toEqual([good]);
    expect([...getCards(drafts).keys()]).toEqual([bad]);
  });
});
