import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  value: string;
  testId: string;
  hint?: string;
  /** Show the hint as a warning (the facilitator link is a secret). */
  warn?: boolean;
}

/** A read-only link with a copy button; falls back to selecting the text when the clipboard is blocked. */
export function CopyField({ label, value, testId, hint, warn }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      input.current?.select();
      setStatus('failed');
    }
  };
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className={warn ? 'warning' : 'hint'} id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="copy-row">
        <input
          id={id}
          ref={input}
          readOnly
          value={value}
          data-testid={testId}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button" data-testid={`${testId}.copy`} onClick={() => void copy()}>
          {t('start.copy')}
        </button>
      </div>
      <p className="copy-status" role="status">
        {status === 'copied' ? t('start.copied') : status === 'failed' ? t('start.copyFailed') : ''}
      </p>
    </div>
  );
}
