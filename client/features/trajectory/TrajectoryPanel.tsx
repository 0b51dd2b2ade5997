import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMNS } from '../../../shared/columns.js';
import { randomId } from '../../../shared/ids.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import { SHOWS_MAP, setProjectorShows } from '../../../shared/projectorShows.js';
import { JOINT_MAP } from '../../../shared/protocol.js';
import {
  addDays,
  putMeeting,
  removeMeeting,
  startMeeting,
  suggestedMeetings,
  trajectoryState,
  type Meeting,
} from '../../../shared/trajectory.js';
import { useLang } from '../../i18n/index.js';
import { meetingGoal, whereNow } from '../../ui/sessionText.js';
import { useInfo, useMap, useMapSnapshot, useMe, useSession, useSessionDoc } from '../../workshop/hooks.js';
import { MeetingForm } from './MeetingForm.js';
import { ReviewList } from './ReviewList.js';
import { ScoreLineSection } from './ScoreLine.js';
import { formatDay, useCurrentMeetingId, useMeetings, useReviewShown, useToday } from './useTrajectory.js';

/** The console's tab Traject: the meetings, the one going on, the next date, and the review [J3], [J6]. */
export function TrajectoryPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const sessionDoc = useSessionDoc();
  const info = useInfo();
  const me = useMe();
  const today = useToday();
  const meetings = useMeetings();
  const state = trajectoryState(meetings, useCurrentMeetingId(), today);
  const reviewShown = useReviewShown();
  const joint = useMap(JOINT_MAP);
  const snapshot = useMapSnapshot(JOINT_MAP);
  const session = useSession();
  const [editing, setEditing] = useState<string | null>(null);
  if (!sessionDoc) return null;

  const stepNames = (m: Meeting) =>
    m.steps
      .map((s) => (s === 'review' ? t('trajectory.step.review') : COLUMNS.find((c) => c.id === s)!.label[lang]))
      .join(', ');
  const last = meetings.at(-1);
  const fresh: Meeting = {
    id: randomId(12),
    n: meetings.length + 1,
    date: last ? addDays(last.date, 7) : today,
    goal: '',
    steps: ['review', 'steps'],
  };

  return (
    <div className="console-section-stack trajectory-panel">
      <section aria-labelledby={`${id}-h`} className="console-section" data-testid="trajectory.panel">
        <h3 id={`${id}-h`}>{t('trajectory.title')}</h3>
        <p className="hint">{t('trajectory.intro')}</p>
        <p className="console-now" role="status" data-testid="trajectory.now">
          {whereNow(t, lang, { meeting: state.current, guided: session.guided, active: session.active })}
          <br />
          <span data-testid="trajectory.next">
            {state.next ? t('trajectory.next', { date: formatDay(state.next.date, lang) }) : t('trajectory.noNext')}
          </span>
        </p>
        {meetings.length === 0 ? (
          <div className="button-row">
            <p className="hint">{t('trajectory.none')}</p>
            <button
              type="button"
              className="button"
              data-testid="trajectory.suggest"
              onClick={() => {
                for (const m of suggestedMeetings(info.flow, today, () => randomId(12)))
                  putMeeting(sessionDoc, m, LOCAL_USER);
              }}
            >
              {t('trajectory.suggest')}
            </button>
          </div>
        ) : (
          <ol className="meeting-list">
            {meetings.map((m) => {
              const current = state.current?.id === m.id;
              return (
                <li key={m.id} className="meeting" data-testid="trajectory.meeting" data-current={current || undefined}>
                  {editing === m.id ? (
                    <MeetingForm
                      testId="trajectory.meeting.edit"
                      meeting={m}
                      onSave={(next) => {
                        const ok = putMeeting(sessionDoc, next, LOCAL_USER);
                        if (ok) setEditing(null);
                        return ok;
                      }}
                      onCancel={() => setEditing(null)}
                    />
                  ) : (
                    <>
                      <p className="meeting-title">
                        <strong>{t('trajectory.meeting', { n: m.n })}</strong> · {formatDay(m.date, lang)}
                        {current && <span className="badge"> {t('trajectory.current')}</span>}
                        {!current && m.date < today && <span className="hint"> · {t('trajectory.past')}</span>}
                      </p>
                      <p>{meetingGoal(m, t)}</p>
                      <p className="hint">
                        {stepNames(m)}
                        {m.stage && ` · ${t(`trajectory.stage.${m.stage}`)}`}
                      </p>
                      <div className="button-row">
                        {current ? (
                          <button
                            type="button"
                            className="button"
                            data-testid="trajectory.meeting.stop"
                            onClick={() => startMeeting(sessionDoc, null, LOCAL_USER)}
                          >
                            {t('trajectory.stop')}
                          </button>
                        ) : (
                          <button
                            type="button"
                            className="button"
                            data-testid="trajectory.meeting.start"
                            onClick={() => startMeeting(sessionDoc, m.id, LOCAL_USER)}
                          >
                            {t('trajectory.start')}
                          </button>
                        )}
                        <button type="button" className="text-button" onClick={() => setEditing(m.id)}>
                          {t('trajectory.edit')}
                        </button>
                        <button
                          type="button"
                          className="text-button"
                          data-testid="trajectory.meeting.remove"
                          onClick={() => removeMeeting(sessionDoc, m.id, LOCAL_USER)}
                        >
                          {t('trajectory.remove')}
                        </button>
                      </div>
                    </>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {editing === 'new' ? (
          <MeetingForm
            testId="trajectory.meeting.new"
            meeting={fresh}
            onSave={(m) => {
              const ok = putMeeting(sessionDoc, m, LOCAL_USER);
              if (ok) setEditing(null);
              return ok;
            }}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <div className="button-row">
            <button
              type="button"
              className="text-button"
              data-testid="trajectory.add"
              onClick={() => setEditing('new')}
            >
              {t('trajectory.add')}
            </button>
          </div>
        )}
      </section>
      <ScoreLineSection />
      <section aria-labelledby={`${id}-r`} className="console-section" data-testid="trajectory.review">
        <h3 id={`${id}-r`}>{t('trajectory.review.title')}</h3>
        <div className="button-row">
          <button
            type="button"
            className="button"
            data-testid="trajectory.review.toggle"
            aria-pressed={reviewShown}
            onClick={() => setProjectorShows(sessionDoc, reviewShown ? SHOWS_MAP : { kind: 'review' }, LOCAL_USER)}
          >
            {reviewShown ? t('trajectory.review.hide') : t('trajectory.review.show')}
          </button>
        </div>
        <ReviewList map={snapshot} edit={joint ? { doc: joint.doc, me } : undefined} />
      </section>
    </div>
  );
}
