import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStepClosed } from '../../../shared/agreement.js';
import { COLUMNS, type ColumnId } from '../../../shared/columns.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import { JOINT_MAP } from '../../../shared/protocol.js';
import {
  nextStep,
  previousStep,
  setActiveColumns,
  setReopened,
  setSessionPlan,
  stopGuiding,
  type SessionState,
  type StepMode,
} from '../../../shared/session.js';
import { useMapSnapshot } from '../../workshop/hooks.js';
import { useSession } from '../../workshop/hooks.js';
import { useLang } from '../../i18n/index.js';
import { useConsoleEnv } from './consoleEnv.js';
import { PrivateWriting } from './PrivateWriting.js';
import { stepsLabel } from '../../ui/sessionText.js';

const GUIDE_STEPS = ['screen', 'invite', 'plan', 'write', 'talk', 'agree', 'next', 'keys'] as const;

/** Plan (mode, direction, start), the current step with next/previous, the columns one by one, private writing. */
export function PlanPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const { sessionDoc } = useConsoleEnv();
  const session = useSession();
  const id = useId();
  const [mode, setMode] = useState<StepMode>(session.mode);
  const [direction, setDirection] = useState<'rtl' | 'ltr'>(session.direction);
  // Follow the document when the plan changes elsewhere (a second console tab).
  useEffect(() => setMode(session.mode), [session.mode]);
  useEffect(() => setDirection(session.direction), [session.direction]);

  const start = () => {
    if (!session.guided) {
      setSessionPlan(sessionDoc, { mode, direction }, LOCAL_USER);
      return;
    }
    // Changing the plan on the way keeps the current step and the columns opened again.
    const reopened = session.reopened;
    sessionDoc.transact(() => {
      setSessionPlan(sessionDoc, { mode, direction, active: session.active }, LOCAL_USER);
      setReopened(sessionDoc, reopened, LOCAL_USER);
    }, LOCAL_USER);
  };
  const restart = () => setSessionPlan(sessionDoc, { mode, direction }, LOCAL_USER);

  const next = session.guided ? nextStep(session) : null;
  const previous = session.guided ? previousStep(session) : null;
  const goTo = (columns: ColumnId[]) => setActiveColumns(sessionDoc, columns, LOCAL_USER);
  const planChanged = mode !== session.mode || direction !== session.direction;

  return (
    <div className="console-section-stack">
      <details className="console-guide" open={!session.guided} data-testid="console.guide">
        <summary>{t('console.guide.heading')}</summary>
        <ol>
          {GUIDE_STEPS.map((step) => (
            <li key={step}>{t(`console.guide.${step}`)}</li>
          ))}
        </ol>
      </details>
      <section aria-labelledby={`${id}-plan`} className="console-section">
        <h3 id={`${id}-plan`}>{t('console.plan.heading')}</h3>
        <p className="hint">{t('console.plan.intro')}</p>
        <div className="field">
          <label htmlFor={`${id}-mode`}>{t('console.plan.mode')}</label>
          <select
            id={`${id}-mode`}
            data-testid="console.plan.mode"
            value={mode}
            aria-describedby={`${id}-mode-hint`}
            onChange={(e) => setMode(e.target.value as StepMode)}
          >
            <option value="separate">{t('console.plan.modes.separate')}</option>
            <option value="short">{t('console.plan.modes.short')}</option>
            <option value="free">{t('console.plan.modes.free')}</option>
          </select>
          <p className="hint" id={`${id}-mode-hint`}>
            {t(`console.plan.modeHints.${mode}`)}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-direction`}>{t('console.plan.direction')}</label>
          <select
            id={`${id}-direction`}
            data-testid="console.plan.direction"
            value={direction}
            onChange={(e) => setDirection(e.target.value === 'ltr' ? 'ltr' : 'rtl')}
          >
            <option value="rtl">{t('console.plan.rtl')}</option>
            <option value="ltr">{t('console.plan.ltr')}</option>
          </select>
        </div>
        <div className="button-row">
          {!session.guided ? (
            <button type="button" className="button button-primary" data-testid="console.plan.start" onClick={start}>
              {t('console.plan.start')}
            </button>
          ) : (
            <>
              <button
                type="button"
                className="button"
                data-testid="console.plan.start"
                disabled={!planChanged}
                onClick={start}
              >
                {t('console.plan.update')}
              </button>
              <button
                type="button"
                className="button button-quiet"
                data-testid="console.plan.restart"
                onClick={restart}
              >
                {t('console.plan.restart')}
              </button>
            </>
          )}
        </div>
        {session.guided && <p className="hint">{t('console.plan.updateHint')}</p>}
      </section>

      <section aria-labelledby={`${id}-step`} className="console-section">
        <h3 id={`${id}-step`}>{t('console.step.heading')}</h3>
        {session.guided ? (
          <>
            <p className="console-now" data-testid="console.step.current">
              {stepsLabel(t, lang, session.active)}
            </p>
            <div className="button-row">
              <button
                type="button"
                className="button button-primary"
                data-testid="console.nextStep"
                disabled={!next}
                aria-describedby={`${id}-next-hint`}
                onClick={() => next && goTo(next)}
              >
                {next ? t('console.step.next', { step: stepsLabel(t, lang, next) }) : t('console.step.nextNone')}
              </button>
              {previous && (
                <button
                  type="button"
                  className="button button-quiet"
                  data-testid="console.prevStep"
                  onClick={() => goTo(previous)}
                >
                  {t('console.step.previous')}
                </button>
              )}
            </div>
            {next && session.phase === 'private' && (
              <p className="warning" data-testid="console.step.privateWarning">
                {t('console.step.privateWarning')}
              </p>
            )}
            <p className="hint" id={`${id}-next-hint`}>
              {next
                ? t('console.step.nextHint')
                : session.mode === 'free'
                  ? t('console.step.freeHint')
                  : t('console.step.endHint')}
            </p>
          </>
        ) : (
          <p className="hint" data-testid="console.step.notGuided">
            {t('console.step.notGuided')}
          </p>
        )}
      </section>

      <ColumnList session={session} />

      <PrivateWriting session={session} />

      {session.guided && (
        <section aria-labelledby={`${id}-stop`} className="console-section">
          <h3 id={`${id}-stop`}>{t('console.stop.heading')}</h3>
          <p className="hint">{t('console.stop.hint')}</p>
          <button
            type="button"
            className="button button-quiet"
            data-testid="console.stopGuiding"
            onClick={() => stopGuiding(sessionDoc, LOCAL_USER)}
          >
            {t('console.stop.button')}
          </button>
        </section>
      )}
    </div>
  );
}

/** Per column: cards, whether the step is closed, whether it is the current step, open again or locked. */
function ColumnList({ session }: { session: SessionState }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { sessionDoc } = useConsoleEnv();
  const snapshot = useMapSnapshot(JOINT_MAP);
  const id = useId();

  const toggleActive = (column: ColumnId, on: boolean) => {
    const active = on ? [...session.active, column] : session.active.filter((c) => c !== column);
    setActiveColumns(sessionDoc, active, LOCAL_USER);
  };
  const toggleReopen = (column: ColumnId) => {
    const open = session.reopened.includes(column);
    setReopened(
      sessionDoc,
      open ? session.reopened.filter((c) => c !== column) : [...session.reopened, column],
      LOCAL_USER,
    );
  };

  return (
    <section aria-labelledby={`${id}-cols`} className="console-section" data-testid="console.columns">
      <h3 id={`${id}-cols`}>{t('console.columns.heading')}</h3>
      <p className="hint">{t('console.columns.intro')}</p>
      <ul className="console-columns">
        {COLUMNS.map((column) => {
          const cards = snapshot.columns[column.id];
          const open = cards.filter((c) => c.status === 'open').length;
          const closed = isStepClosed(cards);
          const active = session.active.includes(column.id);
          const reopened = session.reopened.includes(column.id);
          const locked = session.guided && !active && !reopened;
          return (
            <li
              key={column.id}
              className="console-column"
              data-testid={`console.column.${column.id}`}
              data-active={active || undefined}
            >
              <div className="console-column-head">
                <strong>
                  {t('map.step', { n: column.step })} · {column.label[lang]}
                </strong>
                <span
                  className={closed ? 'status-chip status-done' : 'status-chip'}
                  data-testid={`console.column.${column.id}.status`}
                >
                  {closed
                    ? t('console.columns.closed')
                    : cards.length === 0
                      ? t('console.columns.empty')
                      : t('console.columns.open', { count: open })}
                </span>
              </div>
              <p className="console-column-meta">
                {t('console.columns.cards', { count: cards.length })}
                {' · '}
                {locked
                  ? t('console.columns.locked')
                  : reopened && !active
                    ? t('console.columns.reopened')
                    : t('console.columns.writable')}
              </p>
              {session.guided && (
                <div className="console-column-actions">
                  <label className="check">
                    <input
                      type="checkbox"
                      data-testid={`console.activeColumn.${column.id}`}
                      checked={active}
                      onChange={(e) => toggleActive(column.id, e.target.checked)}
                    />
                    {t('console.columns.active')}
                  </label>
                  {!active && (
                    <button
                      type="button"
                      className="text-button"
                      data-testid={`console.reopen.${column.id}`}
                      onClick={() => toggleReopen(column.id)}
                    >
                      {reopened
                        ? t('console.columns.closeAgain', { column: column.label[lang] })
                        : t('console.columns.reopen', { column: column.label[lang] })}
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
