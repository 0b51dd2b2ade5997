import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnId } from '../../../shared/columns.js';
import { timerRemaining, type SessionState } from '../../../shared/session.js';
import { formatDuration, useNow } from '../../lib/serverClock.js';
import { useClock, useInfo, usePartners, useSession } from '../../workshop/hooks.js';
import { useLang } from '../../i18n/index.js';
import { stepsLabel } from '../../ui/sessionText.js';
import { ColumnTitle, CompareBody } from './CompareBody.js';
import { useJointFacts, usePartnerSnapshots } from './CompareView.js';
import { compareColumn } from './model.js';
import './compare.css';

/**
 * The projector in a partners-first workshop: in the mixed session, while the facilitator puts a
 * column in focus, the comparison of that column (partner maps side by side, groups, the joint cards
 * with where they came from); otherwise the usual projector screen (`children`), which shows the
 * joint map. Read-only: the projector link can read every map and write none.
 */
export function ProjectorStage({ children }: { children: ReactNode }) {
  const info = useInfo();
  const session = useSession();
  if (info.flow !== 'partners-first' || session.stage !== 'heterogeneous' || session.focus.kind !== 'column')
    return <>{children}</>;
  return <ProjectorCompare session={session} column={session.focus.column} />;
}

function ProjectorCompare({ session, column }: { session: SessionState; column: ColumnId }) {
  const { t } = useTranslation();
  const lang = useLang();
  const info = useInfo();
  const partners = usePartners();
  const clock = useClock();
  const snapshots = usePartnerSnapshots(info.partners);
  const { tags, taken, joint: jointCards } = useJointFacts(column);
  const comparison = useMemo(() => compareColumn(column, info.partners, snapshots), [column, info.partners, snapshots]);
  const now = useNow(clock, !!session.timer && session.timer.endsAt !== null);
  const remaining = session.timer ? timerRemaining(session.timer, now) : null;
  return (
    <main className="projector projector-compare" data-testid="projector" data-focus="compare" id="main">
      <header className="projector-top">
        <div className="projector-title">
          <h1>{info.title}</h1>
          <p className="projector-step" data-testid="projector.step">
            {t('compare.projectorStep', { step: stepsLabel(t, lang, [column]) })}
          </p>
        </div>
        {remaining !== null && (
          <div className="projector-timer" data-testid="projector.timer" data-done={remaining === 0 || undefined}>
            <span className="sr-only">{t('projector.timeLeft')} </span>
            <span className="projector-timer-value">{formatDuration(remaining)}</span>
          </div>
        )}
      </header>
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
        />
      </div>
    </main>
  );
}
