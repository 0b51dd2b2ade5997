import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCAL_USER } from '../../../shared/origins.js';
import {
  lineHasScores,
  partnersOnLine,
  scoreLine,
  type LineWho,
  type MeetingScores,
} from '../../../shared/scoreLine.js';
import { SHOWS_MAP, setProjectorShows } from '../../../shared/projectorShows.js';
import { readScoreRounds, type ScoreRound } from '../../../shared/scores.js';
import { useDocValue, usePartners, useProjectorShows, useSessionDoc } from '../../workshop/hooks.js';
import { ScoreLegend, ScoreLineChart, ScoreLineTable } from './ScoreLineChart.js';
import { useMeetings } from './useTrajectory.js';

const NO_ROUNDS: ScoreRound[] = [];

/** [Y6] The check-in and check-out scores per meeting, from the session document. */
function useScoreLine(): MeetingScores[] {
  const rounds = useDocValue('session', readScoreRounds, NO_ROUNDS);
  return scoreLine(useMeetings(), rounds);
}

/** The line is on the projector ([Y7], [Y9]). */
function useScoreLineShown(): boolean {
  return useProjectorShows().kind === 'scoreLine';
}

/** [Y7] The console's part of the tab Traject: the line, whose it is, the table, and the projector button. */
export function ScoreLineSection() {
  const { t } = useTranslation();
  const id = useId();
  const doc = useSessionDoc();
  const line = useScoreLine();
  const shown = useScoreLineShown();
  const partners = usePartners();
  const [whoKey, setWho] = useState('');
  const choices = partnersOnLine(line, [...partners.keys()]);
  const who: LineWho = whoKey && choices.includes(whoKey) ? { kind: 'partner', id: whoKey } : { kind: 'overall' };
  const hasScores = lineHasScores(line);
  return (
    <section aria-labelledby={`${id}-h`} className="console-section score-line" data-testid="scoreLine.panel">
      <h3 id={`${id}-h`}>{t('scoreLine.title')}</h3>
      <p className="hint">{t('scoreLine.intro')}</p>
      {!hasScores ? (
        <p data-testid="scoreLine.none">{t('scoreLine.none')}</p>
      ) : (
        <>
          <div className="button-row">
            {choices.length > 0 && (
              <label>
                {t('scoreLine.who')}{' '}
                <select value={whoKey} onChange={(e) => setWho(e.target.value)} data-testid="scoreLine.who">
                  <option value="">{t('scoreLine.everyone')}</option>
                  {choices.map((p) => (
                    <option key={p} value={p}>
                      {partners.get(p)?.name ?? p}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button
              type="button"
              className="button"
              aria-pressed={shown}
              disabled={!doc}
              data-testid="scoreLine.toggle"
              onClick={() => doc && setProjectorShows(doc, shown ? SHOWS_MAP : { kind: 'scoreLine' }, LOCAL_USER)}
            >
              {t(shown ? 'scoreLine.hide' : 'scoreLine.show')}
            </button>
          </div>
          <ScoreLegend />
          <ScoreLineChart line={line} who={who} size="console" />
          <ScoreLineTable line={line} />
        </>
      )}
    </section>
  );
}

/** [Y7] On the projector in place of the map while the facilitator shows it: everyone's line, large. */
export function ProjectorScoreLine() {
  const { t } = useTranslation();
  const line = useScoreLine();
  return (
    <section
      className="projector-score-line"
      aria-labelledby="projector-score-line-h"
      data-testid="scoreLine.projector"
    >
      <div className="projector-score-line-top">
        <h1 id="projector-score-line-h">{t('scoreLine.title')}</h1>
        <ScoreLegend />
      </div>
      <div className="projector-score-line-chart">
        <ScoreLineChart line={line} who={{ kind: 'overall' }} size="projector" />
      </div>
      <ScoreLineTable line={line} className="sr-only" />
    </section>
  );
}
