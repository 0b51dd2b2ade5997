import type { TFunction } from 'i18next';
import { getColumn, type ColumnId, type Lang } from '../../shared/columns.js';

/** "Stap 1 · Waarden", "Stap 2–5 · Relaties, Handelen, Condities, Acties". */
export function stepsLabel(t: TFunction, lang: Lang, columns: readonly ColumnId[]): string {
  if (columns.length === 0) return t('console.noStep');
  const defs = [...columns].map(getColumn).sort((a, b) => a.step - b.step);
  const nums = defs.map((d) => d.step);
  const contiguous = nums.every((n, i) => i === 0 || n === nums[i - 1] + 1);
  const steps =
    nums.length === 1 ? String(nums[0]) : contiguous ? `${nums[0]}–${nums[nums.length - 1]}` : nums.join(', ');
  return t('console.stepsLabel', { count: nums.length, steps, names: defs.map((d) => d.label[lang]).join(', ') });
}
