import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normalizeJoinCode, participantPath } from '../../../shared/api.js';
import { api } from '../../lib/api.js';
import { FieldErrorText } from '../../ui/FieldError.js';
import { PageShell } from '../../ui/PageShell.js';
import { navigate } from '../../lib/router.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import '../../styles/console.css';

type Problem = 'length' | 'characters' | 'unknown' | 'network' | 'server';

function check(code: string): Problem | null {
  if (code.length !== JOIN_CODE_LENGTH) return 'length';
  if ([...code].some((c) => !JOIN_CODE_ALPHABET.includes(c))) return 'characters';
  return null;
}

/**
 * /join and /c/<code>: the short code from the projector or a printout leads to the join page.
 * Spaces, dashes and lower case are forgiven; an unknown code gets a plain answer.
 */
export function JoinCodePage({ initialCode = '' }: { initialCode?: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('joinCode.pageTitle'));
  const [value, setValue] = useState(() => normalizeJoinCode(initialCode));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const lookUp = async (raw: string) => {
    const code = normalizeJoinCode(raw);
    setValue(code);
    const local = check(code);
    if (local) {
      setProblem(local);
      input.current?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    const r = await api.findByJoinCode(code);
    if (!live.current) return;
    setBusy(false);
    if (r.kind === 'ok' && typeof r.value?.id === 'string') {
      navigate(participantPath(r.value.id));
      return;
    }
    setProblem(r.kind === 'notFound' ? 'unknown' : r.kind === 'error' && r.status === null ? 'network' : 'server');
    input.current?.focus();
  };

  // A link with the code in it (/c/<code>) looks it up straight away.
  const initial = useRef(initialCode);
  // biome-ignore lint/correctness/useExhaustiveDependencies: look up once on mount, for a code that came in the link
  useEffect(() => {
    const code = initial.current;
    initial.current = ''; // once, also when StrictMode runs effects twice
    if (code) void lookUp(code);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void lookUp(value);
  };

  const message =
    problem === 'length' || problem === 'characters'
      ? t(`joinCode.errors.${problem}`, { n: JOIN_CODE_LENGTH })
      : problem
        ? t(`joinCode.errors.${problem}`)
        : null;
  return (
    <PageShell>
      <section className="panel form join-code-page" aria-labelledby="join-code-heading">
        <h1 id="join-code-heading">{t('joinCode.heading')}</h1>
        <p>{t('joinCode.intro')}</p>
        <form noValidate onSubmit={submit}>
          <div className="field">
            <label htmlFor="join-code">{t('joinCode.label')}</label>
            <p className="hint" id="join-code-hint">
              {t('joinCode.hint', { n: JOIN_CODE_LENGTH })}
            </p>
            <input
              id="join-code"
              ref={input}
              className="join-code-input"
              data-testid="joincode.input"
              value={value}
              autoComplete="off"
              autoCapitalize="characters"
              autoCorrect="off"
              spellCheck={false}
              maxLength={20}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'join-code-hint join-code-error' : 'join-code-hint'}
              onChange={(e) => setValue(e.target.value.toUpperCase())}
            />
            <FieldErrorText id="join-code-error" text={message} />
          </div>
          <button type="submit" className="button button-primary" data-testid="joincode.submit" disabled={busy}>
            {busy ? t('joinCode.checking') : t('joinCode.submit')}
          </button>
        </form>
      </section>
    </PageShell>
  );
}
