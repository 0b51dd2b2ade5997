import { describe, expect, it } from 'vitest';
import { contentWords, normalize, stem, wordMatch } from './dutchText.js';
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
});
