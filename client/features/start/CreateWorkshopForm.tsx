import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateWorkshopResponse } from '../../../shared/api.js';
import type { Flow } from '../../../shared/permissions.js';
import { LIMITS, validateNewWorkshop, type FieldError } from '../../../shared/validation.js';
import { api } from '../../lib/api.js';
import { FieldErrorText } from '../../ui/FieldError.js';
import { FlowChoice } from './FlowChoice.js';
import { errorsByField, fieldErrorText } from '../../ui/fieldErrors.js';
import { PartnerRows, type PartnerRow } from './PartnerRows.js';

const INITIAL_ROWS = 3;

export function CreateWorkshopForm({ onCreated }: { onCreated: (result: CreateWorkshopResponse) => void }) {
  const { t } = useTranslation();
  const keyCounter = useRef(INITIAL_ROWS);
  const nextKey = () => keyCounter.current++;
  const [title, setTitle] = useState('');
  const [flow, setFlow] = useState<Flow>('joint');
  const [rows, setRows] = useState<PartnerRow[]>(() =>
    Array.from({ length: INITIAL_ROWS }, (_, key) => ({ key, value: '' })),
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const byField = errorsByField(errors);
  const text = (field: string) => (byField[field] ? fieldErrorText(t, field, byField[field]) : null);
  const rowErrors: Record<number, string> = {};
  rows.forEach((_, i) => {
    const message = text(`partners.${i}`);
    if (message) rowErrors[i] = message;
  });

  const showErrors = (found: FieldError[]) => {
    setErrors(found);
    // Focus the first field with a problem, after React has marked it aria-invalid.
    requestAnimationFrame(() => {
      const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      first?.focus();
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    // The flow is sent only when it is not the default ('joint'), so a plain workshop is made as before.
    const input = { title, partners: rows.map((r) => r.value), ...(flow === 'joint' ? {} : { flow }) };
    const local = validateNewWorkshop(input);
    if (!local.ok) {
      showErrors(local.errors);
      return;
    }
    setBusy(true);
    const result = await api.createWorkshop(input);
    setBusy(false);
    if (result.kind === 'ok') {
      setErrors([]);
      onCreated(result.value);
    } else if (result.kind === 'invalid' && result.fields.length) {
      showErrors(result.fields);
    } else {
      setFailure(t(result.kind === 'error' && result.status === null ? 'errors.network' : 'errors.server'));
    }
  };

  const titleError = text('title');
  const groupError = text('partners');
  return (
    <form
      ref={form}
      className="panel form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby="create-heading"
    >
      <h2 id="create-heading">{t('start.formHeading')}</h2>
      {errors.length > 0 && (
        <p className="form-error" role="alert">
          {t('start.fixErrors')}
        </p>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <div className="field">
        <label htmlFor="workshop-title">{t('start.title')}</label>
        <p className="hint" id="workshop-title-hint">
          {t('start.titleHint')}
        </p>
        <input
          id="workshop-title"
          data-testid="start.title"
          value={title}
          maxLength={LIMITS.titleMax}
          required
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? 'workshop-title-hint workshop-title-error' : 'workshop-title-hint'}
          onChange={(e) => setTitle(e.target.value)}
        />
        <FieldErrorText id="workshop-title-error" text={titleError} />
      </div>
      <PartnerRows rows={rows} errors={rowErrors} groupError={groupError} onChange={setRows} nextKey={nextKey} />
      <FlowChoice value={flow} onChange={setFlow} />
      <button type="submit" className="button button-primary" data-testid="start.submit" disabled={busy}>
        {busy ? t('start.submitting') : t('start.submit')}
      </button>
    </form>
  );
}
