import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateWorkshopResponse } from '../../../shared/api.js';
import { BACKUP_FORMAT } from '../../../shared/backup.js';
import { api } from '../../lib/api.js';

/** Is this text a backup file at first sight? The server checks the rest. */
function looksLikeBackup(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && (parsed as { format?: unknown }).format === BACKUP_FORMAT;
  } catch {
    return false;
  }
}

/**
 * Put a backup file (downloaded under Exporteren) back as a new workshop, on this server or another.
 * The new workshop gets new links, shown like those of a workshop just made.
 */
export function ImportWorkshop({ onImported }: { onImported: (created: CreateWorkshopResponse) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (key: string) => {
    setError(t(`importWorkshop.errors.${key}`));
    fileInput.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const file = fileInput.current?.files?.[0];
    if (!file) return fail('noFile');
    setBusy(true);
    const text = await file.text().catch(() => null);
    if (text === null || !looksLikeBackup(text)) {
      setBusy(false);
      return fail('notBackup');
    }
    const r = await api.importBackup(text);
    setBusy(false);
    if (r.kind === 'ok') return onImported(r.value);
    if (r.kind === 'invalid') return fail('damaged');
    if (r.kind === 'error' && r.status === 413) return fail('tooLarge');
    fail(r.kind === 'error' && r.status === null ? 'network' : 'server');
  };

  return (
    <form
      className="panel form import"
      noValidate
      aria-labelledby={`${id}-h`}
      data-testid="start.import"
      onSubmit={(e) => void submit(e)}
    >
      <h2 id={`${id}-h`}>{t('importWorkshop.heading')}</h2>
      <p>{t('importWorkshop.intro')}</p>
      {error && (
        <p className="form-error" role="alert" data-testid="start.import.error">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('importWorkshop.file')}</label>
        <p className="hint" id={`${id}-hint`}>
          {t('importWorkshop.fileHint')}
        </p>
        <input
          id={`${id}-file`}
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          data-testid="start.import.file"
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
          onChange={() => setError(null)}
        />
      </div>
      <button type="submit" className="button" data-testid="start.import.submit" disabled={busy}>
        {busy ? t('importWorkshop.busy') : t('importWorkshop.submit')}
      </button>
    </form>
  );
}
