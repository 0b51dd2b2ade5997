import { describe, expect, it } from 'vitest';
import { cardOriginPartners, exportFileName, formatExportDate } from './exportInput.js';
import { FIXTURE_PARTNERS, makeCard } from './testing/fixtureMap.js';

describe('export input helpers', () => {
  it('formats the date in the export language; a bare ISO day stays that day', () => {
    expect(formatExportDate('2026-03-12', 'nl')).toBe('12 maart 2026');
    expect(formatExportDate('2026-03-12', 'en')).toBe('12 March 2026');
    expect(formatExportDate(Date.UTC(2026, 2, 12, 12), 'nl')).toBe('12 maart 2026');
    expect(formatExportDate('geen datum', 'nl')).toBe('geen datum');
  });

  it('[E2] names the partner maps a merged card came from, none for a card written on the map, unknown ids kept visible', () => {
    const card = makeCard({ id: 'c', column: 'values', partner: 'zorg' });
    const input = { partners: FIXTURE_PARTNERS };
    expect(cardOriginPartners(input, card)).toEqual([]);
    expect(
      cardOriginPartners({ ...input, cardOrigins: { c: ['gemeente', 'bewoners', 'gemeente'] } }, card).map((p) => p.id),
    ).toEqual(['gemeente', 'bewoners']);
    const withOrigins = { ...card, origins: [{ map: 'm', cardId: 'x', partner: 'welzijn', text: '' }] };
    expect(cardOriginPartners(input, withOrigins).map((p) => p.id)).toEqual(['welzijn']);
    expect(cardOriginPartners({ ...input, cardOrigins: { c: ['weg'] } }, card)).toEqual([
      { id: 'weg', name: 'weg', color: '#6b6b6b' },
    ]);
  });

  it('makes a plain file name', () => {
    const base = { title: 'Samen sterk: Zuidërwijk!', date: '2026-03-12', partners: FIXTURE_PARTNERS };
    expect(exportFileName({ ...base, mapName: 'joint' }, 'Partnerschapskaart', 'pdf')).toBe(
      'partnerschapskaart-samen-sterk-zuiderwijk-2026-03-12.pdf',
    );
    expect(exportFileName({ ...base, mapName: 'zorg' }, 'convenant', 'docx')).toBe(
      'convenant-samen-sterk-zuiderwijk-wijkzorg-noelle-2026-03-12.docx',
    );
  });
});
