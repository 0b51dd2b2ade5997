import { DEFAULT_LANG, type Lang } from './i18n/languages.js';
import { inEveryLang, METHOD_CATALOGUES } from './i18n/methodCatalogues.js';

/**
 * The five columns of the Partnerschapskaart (v2.0). The map is filled from right to left:
 * step 1 (values) is the rightmost column on paper and on screen.
 * Note the naming from the design: column 3 "handelen" has id `actions`, column 5 "acties" has id `steps`.
 */
export const COLUMN_IDS = ['values', 'relations', 'actions', 'conditions', 'steps'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export { LANGS, type Lang } from './i18n/languages.js';

type Localized = Record<Lang, string>;

export interface ColumnDef {
  id: ColumnId;
  step: 1 | 2 | 3 | 4 | 5;
  label: Localized;
  question: Localized;
  prompts: readonly Localized[];
}

/**
 * The texts (label, question, the prompts of the printed sheet) live in the catalogues
 * (`shared/i18n/*.method.json`), so the app, the projector and the exports say the same and a new
 * language is added in one place. The number of prompts is the Dutch sheet's; the catalogue test
 * keeps every language at the same count.
 */
export const COLUMNS: readonly ColumnDef[] = COLUMN_IDS.map((id, i) => ({
  id,
  step: (i + 1) as ColumnDef['step'],
  label: inEveryLang((c) => c.method.columns[id].label),
  question: inEveryLang((c) => c.method.columns[id].question),
  prompts: METHOD_CATALOGUES[DEFAULT_LANG].method.columns[id].prompts.map((_, n) =>
    inEveryLang((c) => c.method.columns[id].prompts[n] ?? ''),
  ),
}));

const BY_ID = new Map(COLUMNS.map((c) => [c.id, c]));

export function isColumnId(value: unknown): value is ColumnId {
  return typeof value === 'string' && BY_ID.has(value as ColumnId);
}

export function getColumn(id: ColumnId): ColumnDef {
  const col = BY_ID.get(id);
  if (!col) throw new Error(`unknown column ${id}`);
  return col;
}

/** Columns in the order of the method: step 1 first. */
export function columnsInStepOrder(): readonly ColumnDef[] {
  return COLUMNS;
}

/** The column one step further along (towards step 5), or null at the end. */
export function nextColumn(id: ColumnId): ColumnId | null {
  const i = COLUMN_IDS.indexOf(id);
  return i < COLUMN_IDS.length - 1 ? COLUMN_IDS[i + 1] : null;
}

/** The column one step back (towards step 1), or null at the start. */
export function previousColumn(id: ColumnId): ColumnId | null {
  const i = COLUMN_IDS.indexOf(id);
  return i > 0 ? COLUMN_IDS[i - 1] : null;
}
