import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMNS } from '../../../shared/columns.js';
import { DATE_SPEC, matchesValue } from '../../../shared/card/fields.js';
import { MEETING_GOAL_MAX, MEETING_STEPS, type Meeting, type MeetingStep } from '../../../shared/trajectory.js';
import { useLang } from '../../i18n/index.js';

interface Props {
  /** The meeting to change, or the number and date a new one gets. */
  meeting: Meeting;
  onSave: (meeting: Meeting) => boolean;
  onCancel?: () => void;
  testId: string;
}

/** Date, goal and steps of one meeting [J1]. */
export function MeetingForm({ meeting, onSave, onCancel, testId }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const [date, setDate] = useState(meeting.date);
  const [goal, setGoal] = useState(meeting.goal);
  const [steps, setSteps] = useState<MeetingStep[]>(meeting.steps);
  const [error, setError] = useState(false);
  const label = (s: MeetingStep) => {
    if (s === 'review') return t('trajectory.step.review');
    const c = COLUMNS.find((x) => x.id === s)!;
    return `${c.step} ${c.label[lang]}`;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!matchesValue(DATE_SPEC, date)) return setError(true);
    setError(false);
    onSave({ ...meeting, date, goal: goal.trim(), steps: MEETING_STEPS.filter((s) => steps.includes(s)) });
  };
  return (
    <form className="meeting-form" onSubmit={submit} data-testid={testId}>
      <label htmlFor={`${id}-date`}>{t('trajectory.date')}</label>
      <input
        id={`${id}-date`}
        type="date"
        required
        value={date}
        data-testid="trajectory.meeting.date"
        aria-invalid={error || undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => setDate(e.target.value)}
      />
      {error && (
        <p id={`${id}-err`} className="form-error">
          {t('trajectory.invalid')}
        </p>
      )}
      <label htmlFor={`${id}-goal`}>{t('trajectory.goal')}</label>
      <input
        id={`${id}-goal`}
        value={goal}
        maxLength={MEETING_GOAL_MAX}
        data-testid="trajectory.meeting.goal"
        onChange={(e) => setGoal(e.target.value)}
      />
      <fieldset className="meeting-steps">
        <legend>{t('trajectory.steps')}</legend>
        {MEETING_STEPS.map((s) => (
          <label key={s} className="check">
            <input
              type="checkbox"
              checked={steps.includes(s)}
              data-testid={`trajectory.meeting.step.${s}`}
              onChange={(e) => setSteps(e.target.checked ? [...steps, s] : steps.filter((x) => x !== s))}
            />
            {label(s)}
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button" data-testid="trajectory.meeting.save">
          {t('trajectory.save')}
        </button>
        {onCancel && (
          <button type="button" className="text-button" onClick={onCancel}>
            {t('trajectory.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
