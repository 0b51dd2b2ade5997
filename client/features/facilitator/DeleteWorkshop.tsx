import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { setFlash } from '../../lib/flash.js';
import { forgetWorkshop } from '../../lib/identity.js';
import { navigate } from '../../lib/router.js';
import { useFocusBackAfter } from '../../ui/Confirm.js';
import { useConsoleEnv } from './consoleEnv.js';

/** Typing the title again counts when it matches apart from case and spaces. */
export const sameTitle = (typed: string, title: string) => {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return norm(typed) === norm(title);
};

/**
 * Delete the whole workshop from the server, in two steps: first the button, then typing the
 * workshop's title. Afterwards this browser forgets the workshop and goes to the start page.
 */
export function DeleteWorkshop() {
  const { t } = useTranslation();
  const { workshopId, token, info } = useConsoleEnv();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useFocusBackAfter(asking, button);
  return (
    <section aria-labelledby={`${id}-h`} className="console-section danger-zone" data-testid="console.delete">
      <h3 id={`${id}-h`}>{t('deleteWorkshop.heading')}</h3>
      <p className="hint">{t('deleteWorkshop.intro')}</p>
      {!asking ? (
        <button
          ref={button}
          type="button"
          className="button button-danger"
          data-testid="console.delete.start"
          onClick={() => setAsking(true)}
        >
          {t('deleteWorkshop.start')}
        </button>
      ) : (
        <DeleteQuestion
          title={info.title}
          onCancel={() => setAsking(false)}
          onDelete={() => api.deleteWorkshop(workshopId, token)}
          onDeleted={() => {
            forgetWorkshop(workshopId);
            setFlash({ key: 'deleted', values: { title: info.title } });
            navigate('/', { replace: true });
          }}
        />
      )}
    </section>
  );
}

function DeleteQuestion({
  title,
  onCancel,
  onDelete,
  onDeleted,
}: {
  title: string;
  onCancel: () => void;
  onDelete: () => ReturnType<typeof api.deleteWorkshop>;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const question = useRef<HTMLParagraphElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => question.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!sameTitle(typed, title)) {
      setMismatch(true);
      input.current?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    const r = await onDelete();
    setBusy(false);
    // Already gone (deleted from another tab) counts as done.
    if (r.kind === 'ok' || r.kind === 'notFound') onDeleted();
    else setFailure(t(r.kind === 'unauthorized' ? 'deleteWorkshop.unauthorized' : 'deleteWorkshop.failed'));
  };

  return (
    <form
      className="confirm type-to-confirm"
      aria-labelledby={`${id}-q`}
      data-testid="console.delete.question"
      noValidate
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id={`${id}-q`} ref={question} tabIndex={-1}>
        {t('deleteWorkshop.question', { title })}
      </p>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('deleteWorkshop.typeTitle', { title })}</label>
        <input
          id={`${id}-title`}
          ref={input}
          data-testid="console.delete.input"
          value={typed}
          autoComplete="off"
          aria-invalid={mismatch || undefined}
          aria-describedby={mismatch ? `${id}-mismatch` : undefined}
          onChange={(e) => {
            setTyped(e.target.value);
            setMismatch(false);
          }}
        />
        {mismatch && (
          <p className="field-error" id={`${id}-mismatch`}>
            {t('deleteWorkshop.mismatch')}
          </p>
        )}
      </div>
      {failure && (
        <p className="form-error" role="alert" data-testid="console.delete.error">
          {failure}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-danger" data-testid="console.delete.confirm" disabled={busy}>
          {busy ? t('deleteWorkshop.busy') : t('deleteWorkshop.confirm')}
        </button>
        <button type="button" className="button button-quiet" data-testid="console.delete.cancel" onClick={onCancel}>
          {t('console.cancel')}
        </button>
      </div>
    </form>
  );
}
