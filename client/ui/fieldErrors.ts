import type { TFunction } from 'i18next';
import { LIMITS, type FieldError } from '../../shared/validation.js';

/** First error per field: one clear message next to a field is easier to act on than a list. */
export function errorsByField(errors: readonly FieldError[]): Record<string, FieldError['code']> {
  const out: Record<string, FieldError['code']> = {};
  for (const e of errors) if (!(e.field in out)) out[e.field] = e.code;
  return out;
}

function maxFor(field: string, code: FieldError['code']): number | undefined {
  if (code === 'tooMany') return LIMITS.partnersMax;
  if (code !== 'tooLong') return undefined;
  if (field === 'title') return LIMITS.titleMax;
  if (field === 'name') return LIMITS.displayNameMax;
  if (field.startsWith('partners')) return LIMITS.partnerNameMax;
  return undefined;
}

export function fieldErrorText(t: TFunction, field: string, code: FieldError['code']): string {
  return t(`errors.${code}`, { max: maxFor(field, code) });
}
