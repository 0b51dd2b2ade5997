import { describe, expect, it } from 'vitest';
import { buildConvenant } from './convenant.js';
import { convenantToMarkdown } from './markdown.js';
import { fixtureInput } from './testing/fixtureMap.js';

describe('check-in and check-out in the convenant', () => {
  it('[Y4] the convenant has a section with the aggregates, and none when there were no check-ins', () => {
    const base = fixtureInput(5);
    expect(buildConvenant(base).sections.some((s) => s.id === 'scores')).toBe(false);
    const input = {
      ...base,
      scoreRounds: [
        {
          id: 'a',
          kind: 'checkin' as const,
          openedAt: Date.UTC(2026, 2, 12, 9),
          closedAt: Date.UTC(2026, 2, 12, 9, 10),
          result: {
            kind: 'scores' as const,
            answered: 4,
            overall: { klik: 6.5, taak: 5 },
            perPartner: { [base.partners[0].id]: { answered: 3, klik: 7, taak: 5.3 } },
            words: ['benieuwd', 'hoopvol'],
          },
        },
        {
          id: 'b',
          kind: 'checkout' as const,
          openedAt: Date.UTC(2026, 2, 12, 12),
          closedAt: Date.UTC(2026, 2, 12, 12, 5),
          result: { kind: 'scores' as const, answered: 2, overall: null, perPartner: {}, words: [] },
        },
        { id: 'open', kind: 'checkout' as const, openedAt: 1, closedAt: null, result: null },
      ],
    };
    const md = convenantToMarkdown(buildConvenant(input));
    expect(md).toContain('## Hoe staat de samenwerking ervoor? (check-in en check-out)');
    expect(md).toContain('### Check-in van 12 maart 2026');
    expect(md).toContain(`| ${base.partners[0].name} (3) | 7 | 5,3 |`);
    expect(md).toContain('| Iedereen | 6,5 | 5 |');
    expect(md).toContain('Woorden: benieuwd, hoopvol');
    expect(md).toContain('### Check-out van 12 maart 2026');
    expect(md).toContain('Te weinig antwoorden voor een gemiddelde.');
  });
});
