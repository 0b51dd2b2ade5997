import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnId } from '../../../shared/columns.js';
import { NO_DECISIONS, readPairDecisions } from '../../../shared/compare/pairDecisions.js';
import { JOINT_MAP } from '../../../shared/protocol.js';
import { shownTimer, timerRemaining, type SessionState } from '../../../shared/session.js';
import { formatDuration, useNow } from '../../lib/serverClock.js';
import { useClock, useDoc, useDocValue, useInfo, usePartners, useSession } from '../../workshop/hooks.js';
import { useLang } from '../../i18n/index.js';
import { ConnectionIndicator } from '../../ui/ConnectionIndicator.js';
import { stepsLabel } from '../../ui/sessionText.js';
import { ColumnTitle, CompareBody } from './CompareBody.js';
import { useJointFacts, usePartnerSnapshots } from './CompareView.js';
import { compareColumn } from './model.js';
import { ProjectorProgress } from './ProjectorProgress.js';
import './compare.css';

/**
 * The projector in a partners-first workshop. While every partner fills in its own map (homogeneous
 * stage) the joint map is empty: the projector shows each partner's progress instead ([C7]). In the
 * mixed session, while a column is in focus, the comparison of that column: the step the facilitator
 * looks at in the compare view, which writes it as the focus ([C6]). Otherwise the usual projector
 * screen (`children`), which shows the joint map. Read-only: the projector link can read every map and
 * write none.
 */
export function ProjectorStage({ children }: { children: ReactNode }) {
  const info = useInfo();
  const session = useSession();
  if (info.flow !== 'partners-first') return <>{children}</>;
  if (session.stage === 'homogeneous') return <ProjectorPartnersProgress session={session} />;
  if (session.focus.kind !== 'column') return <>{children}</>;
  return <ProjectorCompare session={session} column={session.focus.column} />;
}

/** Title, what is shown, the connection and the timer: the same top line as the projector's map. */
function ProjectorTop({ session, step }: { session: SessionState; step: string }) {
  const { t } = useTranslation();
  const info = useInfo();
  const clock = useClock();
  const connection = useDoc(JOINT_MAP)?.map?.connection ?? null;
  const now = useNow(clock, !!session.timer && session.timer.endsAt !== null);
  const timer = shownTimer(session, now);
  const remaining = timer ? timerRemaining(timer, now) : null;
  return (
    <header className="projector-top">
      <div className="projector-title">
        <h1>{info.title}</h1>
        <div className="projector-subline">
          <p className="projector-step" data-testid="projector.step">
            {step}
          </p>
          {connection && <ConnectionIndicator source={connection} className="projector-connection" />}
        </div>
      </div>
      {remaining !== null && (
        <div className="projector-timer" data-testid="projector.timer" data-done={remaining === 0 || undefined}>
          <span className="sr-only">{t('projector.timeLeft')} </span>
          <span className="projector-timer-value">{formatDuration(remaining)}</span>
        </div>
      )}
    </header>
  );
}

function ProjectorPartnersProgress({ session }: { session: SessionState }) {
  const { t } = useTranslation();
  const lang = useLang();
  const info = useInfo();
  const snapshots = usePartnerSnapshots(info.partners);
  const step = session.guided ? stepsLabel(t, lang, session.active) : t('compare.progress.caption');
  return (
    <main className="projector projector-compare" data-testid="projector" data-focus="progress" id="main">
      <ProjectorTop session={session} step={step} />
      <div className="projector-focus" data-testid="projector.focus" data-kind="progress">
        <ProjectorProgress partners={info.partners} snapshots={snapshots} />
      </div>
    </main>
  );
}

function ProjectorCompare({ session, column }: { session: SessionState; column: ColumnId }) {
  const { t } = useTranslation();
  const lang = useLang();
  const info = useInfo();
  const partners = usePartners();
  const snapshots = usePartnerSnapshots(info.partners);
  const decisions = useDocValue('session', readPairDecisions, NO_DECISIONS);
  const { tags, taken, joint: jointCards } = useJointFacts(column);
  const comparison = useMemo(
    () => compareColumn(column, info.partners, snapshots, decisions, tags),
    [column, info.partners, snapshots, decisions, tags],
  );
  return (
    <main className="projector projector-compare" data-testid="projector" data-focus="compare" id="main">
      <ProjectorTop session={session} step={t('compare.projectorStep', { step: stepsLabel(t, lang, [column]) })} />
      <div
        className="projector-focus compare compare-large"
        data-testid="projector.focus"
        data-kind="compare"
        data-column={column}
      >
        <ColumnTitle column={column} level={2} />
        <CompareBody
          comparison={comparison}
          partners={partners}
          tags={tags}
          taken={taken}
          joint={jointCards}
          actions={null}
          headingLevel={3}
          fitted
        />
      </div>
    </main>
  );
}
