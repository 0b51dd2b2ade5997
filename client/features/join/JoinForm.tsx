import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopInfo } from '../../../shared/api.js';
import { PARTICIPANT_ROLES } from '../../../shared/roles.js';
import { LIMITS, validateJoin, type FieldError } from '../../../shared/validation.js';
import { api } from '../../lib/api.js';
import { FieldErrorText } from '../../ui/FieldError.js';
import type { Identity } from '../../lib/identity.js';
import { errorsByField, fieldErrorText } from '../../ui/fieldErrors.js';

interface Props {
  workshop: WorkshopInfo;
  onJoined: (identity: Identity) => void;
}

export function JoinForm({ workshop, onJoined }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [partner, setPartner] = useState('');
  const [role, setRole] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const byField = errorsByField(errors);
  const text = (field: string) => (byField[field] ? fieldErrorText(t, field, byField[field]) : null);
  const showErrors = (found: FieldError[]) => {
    setErrors(found);
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const input = { name, partner, role };
    const local = validateJoin(
      input,
      workshop.partners.map((p) => p.id),
    );
    if (!local.ok) {
      showErrors(local.errors);
      return;
    }
    setBusy(true);
    const result = await api.join(workshop.id, local.value);
    setBusy(false);
    if (result.kind === 'ok') {
      onJoined({
        participantId: result.value.participantId,
        token: result.value.token,
        name: local.value.name,
        partner: local.value.partner,
        role: local.value.role,
        access: 'participant',
      });
    } else if (result.kind === 'invalid' && result.fields.length) {
      showErrors(result.fields);
    } else {
      setFailure(t(result.kind === 'error' && result.status === null ? 'errors.network' : 'errors.server'));
    }
  };

  const describe = (id: string, error: string | null, hint?: string) =>
    [hint, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const nameError = text('name');
  const partnerError = text('partner');
  const roleError = text('role');
  return (
    <form
      ref={form}
      className="panel form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby="join-form-heading"
    >
      <h2 id="join-form-heading">{t('join.formHeading')}</h2>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <div className="field">
        <label htmlFor="join-name">{t('join.name')}</label>
        <p className="hint" id="join-name-hint">
          {t('join.nameHint')}
        </p>
        <input
          id="join-name"
          data-testid="join.name"
          value={name}
          maxLength={LIMITS.displayNameMax}
          autoComplete="nickname"
          required
          aria-invalid={nameError ? true : undefined}
          aria-describedby={describe('join-name', nameError, 'join-name-hint')}
          onChange={(e) => setName(e.target.value)}
        />
        <FieldErrorText id="join-name-error" text={nameError} />
      </div>
      <div className="field">
        <label htmlFor="join-partner">{t('join.partner')}</label>
        <select
          id="join-partner"
          data-testid="join.partner"
          value={partner}
          required
          aria-invalid={partnerError ? true : undefined}
          aria-describedby={describe('join-partner', partnerError)}
          onChange={(e) => setPartner(e.target.value)}
        >
          <option value="">{t('join.choose')}</option>
          {workshop.partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <FieldErrorText id="join-partner-error" text={partnerError} />
      </div>
      <div className="field">
        <label htmlFor="join-role">{t('join.role')}</label>
        <select
          id="join-role"
          data-testid="join.role"
          value={role}
          required
          aria-invalid={roleError ? true : undefined}
          aria-describedby={describe('join-role', roleError)}
          onChange={(e) => setRole(e.target.value)}
        >
          <option value="">{t('join.choose')}</option>
          {PARTICIPANT_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
        <FieldErrorText id="join-role-error" text={roleError} />
      </div>
      <p className="hint">{t('join.privacy')}</p>
      <button type="submit" className="button button-primary" data-testid="join.submit" disabled={busy}>
        {busy ? t('join.submitting') : t('join.submit')}
      </button>
    </form>
  );
}
