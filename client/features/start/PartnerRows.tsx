import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldErrorText } from '../../ui/FieldError.js';
import { LIMITS } from '../../../shared/validation.js';

export interface PartnerRow {
  key: number;
  value: string;
}

interface Props {
  rows: PartnerRow[];
  errors: Record<number, string>;
  groupError: string | null;
  onChange: (rows: PartnerRow[]) => void;
  nextKey: () => number;
}

/** Dynamic partner rows: at least one row, at most LIMITS.partnersMax. */
export function PartnerRows({ rows, errors, groupError, onChange, nextKey }: Props) {
  const { t } = useTranslation();
  const inputs = useRef(new Map<number, HTMLInputElement>());
  // After adding or removing a row, keyboard users land on a sensible input instead of <body>.
  const focusKey = useRef<number | null>(null);
  useEffect(() => {
    if (focusKey.current === null) return;
    inputs.current.get(focusKey.current)?.focus();
    focusKey.current = null;
  });

  const update = (key: number, value: string) => onChange(rows.map((r) => (r.key === key ? { ...r, value } : r)));
  const add = () => {
    const key = nextKey();
    focusKey.current = key;
    onChange([...rows, { key, value: '' }]);
  };
  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    focusKey.current = (next[index] ?? next[index - 1])?.key ?? null;
    onChange(next);
  };

  return (
    <fieldset className="partner-rows" aria-describedby={groupError ? 'partners-hint partners-error' : 'partners-hint'}>
      <legend>{t('start.partners')}</legend>
      <p className="hint" id="partners-hint">
        {t('start.partnersHint')}
      </p>
      <FieldErrorText id="partners-error" text={groupError} />
      <ol className="partner-list">
        {rows.map((row, i) => {
          const inputId = `partner-${row.key}`;
          const error = errors[i] ?? null;
          return (
            <li key={row.key} className="partner-row">
              <label htmlFor={inputId}>{t('start.partnerLabel', { n: i + 1 })}</label>
              <div className="partner-input">
                <input
                  id={inputId}
                  ref={(el) => {
                    if (el) inputs.current.set(row.key, el);
                    else inputs.current.delete(row.key);
                  }}
                  data-testid={`start.partner.${i}`}
                  value={row.value}
                  maxLength={LIMITS.partnerNameMax}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${inputId}-error` : undefined}
                  onChange={(e) => update(row.key, e.target.value)}
                />
                <button
                  type="button"
                  className="button button-quiet"
                  data-testid={`start.removePartner.${i}`}
                  aria-label={t('start.removePartner', { n: i + 1 })}
                  title={t('start.removePartner', { n: i + 1 })}
                  disabled={rows.length <= 1}
                  onClick={() => remove(i)}
                >
                  ✕
                </button>
              </div>
              <FieldErrorText id={`${inputId}-error`} text={error} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button"
        data-testid="start.addPartner"
        disabled={rows.length >= LIMITS.partnersMax}
        onClick={add}
      >
        {t('start.addPartner')}
      </button>
    </fieldset>
  );
}
