import { describe, expect, it } from 'vitest';
import { PARTICIPANT_ROLES } from './roles.js';
import { LIMITS, validateJoin, validateNewWorkshop, type FieldError, type Result } from './validation.js';

const errorsOf = <T>(r: Result<T>): FieldError[] => (r.ok ? [] : r.errors);

describe('validateNewWorkshop', () => {
  it('accepts a title and partners, collapsing whitespace and skipping empty partner rows', () => {
    expect(
      validateNewWorkshop({ title: '  Wijk   Oost \n 2026 ', partners: ['Gemeente ', '', '  ', ' Buurt\tteam'] }),
    ).toEqual({
      ok: true,
      value: { title: 'Wijk Oost 2026', partners: ['Gemeente', 'Buurt team'], flow: 'joint' },
    });
  });

  it('[F1] takes the flow: joint by default, partners-first on request, anything else refused', () => {
    const ok = validateNewWorkshop({ title: 'T', partners: ['A'], flow: 'partners-first' });
    expect(ok.ok && ok.value.flow).toBe('partners-first');
    const bad = validateNewWorkshop({ title: 'T', partners: ['A'], flow: 'everyone-alone' });
    expect(bad.ok).toBe(false);
    expect(errorsOf(bad)).toContainEqual({ field: 'flow', code: 'invalid' });
  });

  it('requires a title and a partner list; never throws on odd bodies', () => {
    for (const body of [null, undefined, 'text', 42, [], {}]) {
      const result = validateNewWorkshop(body);
      expect(result.ok).toBe(false);
      expect(errorsOf(result)).toEqual(
        expect.arrayContaining([
          { field: 'title', code: 'required' },
          { field: 'partners', code: 'required' },
        ]),
      );
    }
    expect(errorsOf(validateNewWorkshop({ title: '   ', partners: ['A'] }))).toEqual([
      { field: 'title', code: 'required' },
    ]);
    expect(errorsOf(validateNewWorkshop({ title: 7, partners: ['A'] }))).toEqual([
      { field: 'title', code: 'required' },
    ]);
  });

  it('limits the title length after collapsing whitespace', () => {
    expect(validateNewWorkshop({ title: 'x'.repeat(LIMITS.titleMax), partners: ['A'] }).ok).toBe(true);
    expect(validateNewWorkshop({ title: `  ${'x'.repeat(LIMITS.titleMax)}  `, partners: ['A'] }).ok).toBe(true);
    expect(errorsOf(validateNewWorkshop({ title: 'x'.repeat(LIMITS.titleMax + 1), partners: ['A'] }))).toEqual([
      { field: 'title', code: 'tooLong' },
    ]);
  });

  it('flags each bad partner row by index: not text, too long, duplicate ignoring case', () => {
    const result = validateNewWorkshop({
      title: 'T',
      partners: ['Gemeente', 5, 'p'.repeat(LIMITS.partnerNameMax + 1), 'GEMEENTE', 'p'.repeat(LIMITS.partnerNameMax)],
    });
    expect(errorsOf(result)).toEqual([
      { field: 'partners.1', code: 'invalid' },
      { field: 'partners.2', code: 'tooLong' },
      { field: 'partners.3', code: 'duplicate' },
    ]);
  });

  it('needs between the minimum and maximum number of partners', () => {
    expect(errorsOf(validateNewWorkshop({ title: 'T', partners: ['', ' '] }))).toEqual([
      { field: 'partners', code: 'tooFew' },
    ]);
    const names = (n: number) => Array.from({ length: n }, (_, i) => `Partner ${i}`);
    expect(validateNewWorkshop({ title: 'T', partners: names(LIMITS.partnersMax) }).ok).toBe(true);
    expect(errorsOf(validateNewWorkshop({ title: 'T', partners: names(LIMITS.partnersMax + 1) }))).toEqual([
      { field: 'partners', code: 'tooMany' },
    ]);
  });
});

describe('validateJoin', () => {
  const partners = ['gemeente', 'buurt'];

  it('accepts a name, a known partner and a role', () => {
    for (const role of PARTICIPANT_ROLES) {
      expect(validateJoin({ name: '  Ada   Lovelace ', partner: 'buurt', role }, partners)).toEqual({
        ok: true,
        value: { name: 'Ada Lovelace', partner: 'buurt', role },
      });
    }
  });

  it('reports missing fields as required and wrong ones as invalid', () => {
    expect(errorsOf(validateJoin({}, partners))).toEqual([
      { field: 'name', code: 'required' },
      { field: 'partner', code: 'required' },
      { field: 'role', code: 'required' },
    ]);
    expect(errorsOf(validateJoin({ name: 'A', partner: 'elders', role: 'king' }, partners))).toEqual([
      { field: 'partner', code: 'invalid' },
      { field: 'role', code: 'invalid' },
    ]);
    expect(errorsOf(validateJoin({ name: 'A', partner: 'Gemeente', role: 'citizen' }, partners))).toEqual([
      { field: 'partner', code: 'invalid' },
    ]);
    expect(errorsOf(validateJoin(null, partners)).map((e) => e.field)).toEqual(['name', 'partner', 'role']);
  });

  it('limits the display name length', () => {
    expect(
      validateJoin({ name: 'n'.repeat(LIMITS.displayNameMax), partner: 'buurt', role: 'other' }, partners).ok,
    ).toBe(true);
    expect(
      errorsOf(
        validateJoin({ name: 'n'.repeat(LIMITS.displayNameMax + 1), partner: 'buurt', role: 'other' }, partners),
      ),
    ).toEqual([{ field: 'name', code: 'tooLong' }]);
  });
});
