import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundRecord } from '../../../shared/rounds/rounds.js';
import { useLang } from '../../i18n/index.js';
import { useBoxSize } from '../../lib/useBoxSize.js';
import { fitVoteList, LINE_EM } from './fitVoteList.js';
import { RoundResult, roundTitle, useRankedVotes } from './RoundResult.js';
import { useShownRound } from './useRounds.js';
import './votes.css';

/**
 * [Q5], [Q9] A vote result on the projector, fitted: one line per card in as many columns as fit, at
 * the largest font that holds them all; when even the floor cannot, the top cards and "en nog M".
 */
function FittedVoteTotals({ round, floor }: { round: RoundRecord; floor: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ranked = useRankedVotes(round);
  const ref = useRef<HTMLOListElement>(null);
  const box = useBoxSize(ref);
  const fit = fitVoteList(ranked.length, box ?? { width: 0, height: 0 }, floor);
  const max = Math.max(1, ...ranked.map((r) => r.votes));
  const voters = round.result?.kind === 'votes' ? round.result.voters : 0;
  return (
    <>
      <h2>{roundTitle(round, t, lang)}</h2>
      <p className="hint">{t('votes.console.voters', { count: voters })}</p>
      <ol
        ref={ref}
        className="vote-fit"
        data-testid="votes.result"
        data-font={fit.font}
        style={{
          fontSize: `${fit.font}px`,
          gridTemplateColumns: `repeat(${fit.columns}, minmax(0, 1fr))`,
          gridTemplateRows: `repeat(${fit.rows}, ${LINE_EM}em)`,
        }}
      >
        {box &&
          ranked.slice(0, fit.shown).map(({ id, votes, text }) => (
            <li key={id} data-testid={`votes.result.${id}`}>
              <strong>{t('votes.panel.count', { count: votes })}</strong>
              <span className="vote-fit-bar" aria-hidden="true">
                <span className="bar" style={{ width: `${(votes / max) * 100}%` }} />
              </span>
              <span className="vote-fit-text">{text}</span>
            </li>
          ))}
        {box && fit.more > 0 && (
          <li className="vote-fit-more" data-testid="votes.result.more">
            {t('votes.result.more', { count: fit.more })}
          </li>
        )}
      </ol>
    </>
  );
}

/**
 * On the projector, on the facilitator's command: the results of one closed round ([Q5], [Y4]).
 * `floor`: the projector's smallest text for this window (ROOM.md), which the vote list never goes below.
 */
export function ProjectorRound({ floor }: { floor: number }) {
  const round = useShownRound();
  if (!round) return null;
  return (
    <section
      className="projector-round"
      data-testid="projector.round"
      aria-live="polite"
      style={{ '--round-floor': `${floor}px` } as React.CSSProperties}
    >
      {round.kind === 'votes' ? (
        <div className="round-result">
          <FittedVoteTotals round={round} floor={floor} />
        </div>
      ) : (
        <RoundResult round={round} heading="h2" />
      )}
    </section>
  );
}
