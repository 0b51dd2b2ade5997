import { describe, expect, it } from 'vitest';
import {
  COLUMN_IDS,
  COLUMNS,
  columnsInStepOrder,
  getColumn,
  isColumnId,
  LANGS,
  nextColumn,
  previousColumn,
} from './columns.js';

describe('columns', () => {
  it('[M1] are the five columns of the map in step order 1–5', () => {
    expect(COLUMN_IDS).toEqual(['values', 'relations', 'actions', 'conditions', 'steps']);
    expect(columnsInStepOrder().map((c) => [c.id, c.step])).toEqual([
      ['values', 1],
      ['relations', 2],
      ['actions', 3],
      ['conditions', 4],
      ['steps', 5],
    ]);
    expect(COLUMNS.map((c) => c.label.nl)).toEqual(['Waarden', 'Relaties', 'Handelen', 'Condities', 'Acties']);
  });

  it('[M1] every column has a label, a question and at least one prompt in every language', () => {
    for (const column of COLUMNS) {
      expect(column.prompts.length).toBeGreaterThan(0);
      for (const lang of LANGS) {
        expect(column.label[lang].trim(), `${column.id} label ${lang}`).not.toBe('');
        expect(column.question[lang].trim(), `${column.id} question ${lang}`).not.toBe('');
        for (const prompt of column.prompts) expect(prompt[lang].trim()).not.toBe('');
      }
    }
  });

  it('[M1] next and previous walk the step order and stop at the ends', () => {
    expect(nextColumn('values')).toBe('relations');
    expect(nextColumn('conditions')).toBe('steps');
    expect(nextColumn('steps')).toBeNull();
    expect(previousColumn('relations')).toBe('values');
    expect(previousColumn('values')).toBeNull();
    for (const id of COLUMN_IDS) {
      const next = nextColumn(id);
      if (next) expect(previousColumn(next)).toBe(id);
    }
  });

  it('[M1] only the five ids are column ids', () => {
    for (const id of COLUMN_IDS) {
      expect(isColumnId(id)).toBe(true);
      expect(getColumn(id).id).toBe(id);
    }
    for (const value of ['Values', 'value', '', 'toString', 'constructor', null, 3, {}])
      expect(isColumnId(value)).toBe(false);
    expect(() => getColumn('kitchen' as never)).toThrow();
  });
});
