import { describe, expect, it } from 'vitest';
import { consensusStatus, partnersPresent, type WorkshopPerson } from './agreement.js';

const person = (id: string, partner: string, extra: Partial<WorkshopPerson> = {}): WorkshopPerson => ({
  id,
  name: id,
  partner,
  access: 'participant',
  removed: false,
  ...extra,
});

describe('consensus of the partners present', () => {
  it('[K2] present are the partners with a participant who joined and was not removed; on a partner map that partner', () => {
    const people = [
      person('a', 'gemeente'),
      person('b', 'zorg'),
      person('c', 'zorg'),
      person('d', 'woning', { removed: true }),
      person('f', '', { access: 'facilitator' }),
      person('p', 'welzijn', { access: 'projector' }),
    ];
    expect(partnersPresent(people, 'joint')).toEqual(['gemeente', 'zorg']);
    expect(partnersPresent(people, 'zorg')).toEqual(['zorg']);
    expect(partnersPresent(people, 'woning')).toEqual([]);
  });

  it('[K2] agreed once all present agree (a step needs who, what and when), open when one withdraws, parked stays', () => {
    const value = { column: 'values' as const, who: '', what: '', when: '' };
    const both = new Set(['gemeente', 'zorg']);
    const required = ['gemeente', 'zorg'];
    expect(consensusStatus('open', both, required, value)).toBe('agreed');
    expect(consensusStatus('open', new Set(['zorg']), required, value)).toBeNull();
    expect(consensusStatus('agreed', new Set(['zorg']), required, value)).toBe('open');
    expect(consensusStatus('agreed', both, required, value)).toBeNull();
    expect(consensusStatus('parked', both, required, value)).toBeNull();
    expect(consensusStatus('open', both, required, { ...value, column: 'steps' })).toBeNull();
    expect(consensusStatus('open', both, required, { column: 'steps', who: 'A', what: 'B', when: 'C' })).toBe('agreed');
    // Nobody present: nothing can be agreed by consensus.
    expect(consensusStatus('open', new Set(), [], value)).toBeNull();
  });
});
