import { describe, expect, it } from 'vitest';
import { contentWords, normalize, stem, wordMatch } from './dutchText.js';
import * as Y from 'yjs';
import { LOCAL_USER } from '../origins.js';
import { joinCards, readPairDecisions, splitCard } from './pairDecisions.js';
import { groupStatements, SIMILAR, similarity } from './similarity.js';

describe('Dutch text similarity', () => {
  it('[C1] normalises diacritics and punctuation, drops stop words, stems endings', () => {
    expect(normalize('Een dementiecafé, opzetten!')).toBe('een dementiecafe opzetten');
    expect(stem('mantelzorgers')).toBe(stem('mantelzorger'));
    expect(stem('verbinden')).toBe(stem('verbindt'));
    expect(wordMatch(stem('dementiecafé'.normalize('NFD').replace(/[\u0300-\u036f]/g, '')), stem('dementie'))).toBe(1);
    expect(wordMatch('huurachterstand', 'dementie')).toBeLessThan(0.2);
    expect(contentWords('We willen mensen met dementie en mantelzorgers met elkaar verbinden')).toEqual([
      stem('dementie'),
      stem('mantelzorgers'),
      stem('verbinden'),
    ]);
  });

  it('[C1] the dementia statements are similar to each other; rent arrears are not', () => {
    const cafe = 'een dementiecafé opzetten';
    const walk = 'een wandelclub voor mensen met dementie';
    const connect = 'mensen met dementie en mantelzorgers met elkaar verbinden';
    const rent = 'huurachterstand voorkomen';
    for (const [a, b] of [
      [cafe, walk],
      [cafe, connect],
      [walk, connect],
    ]) {
      expect(similarity(a, b), `${a} ~ ${b}`).toBeGreaterThanOrEqual(SIMILAR);
    }
    for (const other of [cafe, walk, connect])
      expect(similarity(rent, other), `${rent} ≁ ${other}`).toBeLessThan(SIMILAR);
  });

  it('[C1] more unrelated pairs stay apart', () => {
    const pairs = [
      ['Een vaste ruimte in het buurthuis', 'Wijkverpleging signaleert overbelasting bij mantelzorgers'],
      ['Elke maand een wijkoverleg', 'Budget voor een tolk'],
      ['Huurachterstand voorkomen', 'Eenzaamheid onder ouderen verminderen'],
    ];
    for (const [a, b] of pairs) expect(similarity(a, b), `${a} ≁ ${b}`).toBeLessThan(SIMILAR);
    expect(similarity('Elke maand een wijkoverleg', 'Een maandelijks overleg in de wijk')).toBeGreaterThanOrEqual(
      SIMILAR,
    );
  });

  it('[C2] groups similar statements across partners and marks what only one partner said', () => {
    const groups = groupStatements([
      { id: 'a', text: 'een dementiecafé opzetten', source: 'welzijn' },
      { id: 'b', text: 'een wandelclub voor mensen met dementie', source: 'bewoners' },
      { id: 'c', text: 'mensen met dementie en mantelzorgers met elkaar verbinden', source: 'zorg' },
      { id: 'd', text: 'huurachterstand voorkomen', source: 'gemeente' },
      { id: 'e', text: 'dementie vroeg herkennen', source: 'zorg' },
    ]);
    expect(groups[0]).toMatchObject({
      ids: ['a', 'b', 'c', 'e'],
      sources: ['bewoners', 'welzijn', 'zorg'],
      single: false,
    });
    expect(groups.find((g) => g.ids.includes('d'))).toMatchObject({ ids: ['d'], single: true });
    expect(groups.flatMap((g) => g.ids).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    // Same input, same groups.
    expect(groupStatements([{ id: 'x', text: 'één', source: 's' }])).toEqual([
      { key: 'x', ids: ['x'], sources: ['s'], single: true },
    ]);
  });

  const dementia = [
    { id: 'a', text: 'een dementiecafé opzetten', source: 'welzijn' },
    { id: 'b', text: 'een wandelclub voor mensen met dementie', source: 'bewoners' },
    { id: 'c', text: 'mensen met dementie en mantelzorgers met elkaar verbinden', source: 'zorg' },
    { id: 'd', text: 'huurachterstand voorkomen', source: 'gemeente' },
  ];
  const idsOf = (groups: { ids: string[] }[]) => groups.map((g) => g.ids.join('+')).sort();

  it('[C4] "niet hetzelfde": a card split from its group stands alone, even when a third card is similar to both', () => {
    const session = new Y.Doc();
    expect(idsOf(groupStatements(dementia, readPairDecisions(session)))).toEqual(['a+b+c', 'd']);
    splitCard(session, 'c', ['a', 'b'], LOCAL_USER);
    expect(idsOf(groupStatements(dementia, readPairDecisions(session)))).toEqual(['a+b', 'c', 'd']);
    // Splitting a pair leaves both alone.
    splitCard(session, 'a', ['b'], LOCAL_USER);
    expect(idsOf(groupStatements(dementia, readPairDecisions(session)))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('[C4] joining two cards the similarity missed groups them (and their groups); a join undoes a split', () => {
    const session = new Y.Doc();
    joinCards(session, 'd', 'a', LOCAL_USER);
    expect(idsOf(groupStatements(dementia, readPairDecisions(session)))).toEqual(['a+b+c+d']);
    const session2 = new Y.Doc();
    splitCard(session2, 'a', ['b', 'c'], LOCAL_USER);
    expect(idsOf(groupStatements(dementia, readPairDecisions(session2)))).toEqual(['a', 'b+c', 'd']);
    joinCards(session2, 'b', 'a', LOCAL_USER);
    expect(readPairDecisions(session2).joins).toEqual([['a', 'b']]);
    // Only that pair's split is undone: a and c are still "niet hetzelfde", so c stays apart.
    expect(idsOf(groupStatements(dementia, readPairDecisions(session2)))).toEqual(['a+b', 'c', 'd']);
    // Two cards of one partner can be joined too: the group is still "said by one partner".
    const session3 = new Y.Doc();
    joinCards(session3, 'x', 'y', LOCAL_USER);
    const same = groupStatements(
      [
        { id: 'x', text: 'buurtkamer openen', source: 'zorg' },
        { id: 'y', text: 'eenzaamheid tegengaan', source: 'zorg' },
      ],
      readPairDecisions(session3),
    );
    expect(same).toEqual([{ key: 'x+y', ids: ['x', 'y'], sources: ['zorg'], single: true }]);
  });
});
