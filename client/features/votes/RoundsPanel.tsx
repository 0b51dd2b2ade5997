import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMN_IDS, getColumn, type ColumnId } from '../../../shared/columns.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import { SHOWS_MAP, setProjectorShows } from '../../../shared/projectorShows.js';
import {
  BUDGET_MAX,
  openRound,
  requestClose,
  requestScoreRound,
  requestVoteRound,
  type BudgetPer,
  type RoundRecord,
} from '../../../shared/rounds/rounds.js';
import { useLang } from '../../i18n/index.js';
import { useSessionDoc } from '../../workshop/hooks.js';
import { RoundResult, roundTitle } from './RoundResult.js';
import { useRounds, useShownRound } from './useRounds.js';
import './votes.css';

/** An open round: what it is, and the button that closes and counts it ([Q4], [Y3]). */
function OpenRound({ round }: { round: RoundRecord }) {
  const { t } = useTranslation();
  const lang = useLang();
  const doc = useSessionDoc();
  const what =
    round.kind === 'votes'
      ? `${getColumn(round.column ?? 'values').label[lang]}, ${round.budget} / ${t(round.per === 'partner' ? 'votes.console.perPartner' : 'votes.console.perPerson')}`
      : t(`votes.score.${round.kind}`);
  return (
    <div className="rounds-open" data-testid={`rounds.open.${round.kind === 'votes' ? 'votes' : 'scores'}`}>
      <p>{t('votes.console.openNow', { what })}</p>
      <button
        type="button"
        className="button"
        disabled={!doc}
        onClick={() => doc && requestClose(doc, round.id, LOCAL_USER)}
      >
        {t('votes.console.close')}
      </button>
    </div>
  );
}

/** [Q1], [Y1] The facilitator's tab: open a vote round or a check-in/out, close it, show the results. */
export function RoundsPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const doc = useSessionDoc();
  const rounds = useRounds();
  const shown = useShownRound();
  const id = useId();
  const [column, setColumn] = useState<ColumnId>('values');
  const [budget, setBudget] = useState(3);
  const [per, setPer] = useState<BudgetPer>('person');
  const [ownCards, setOwnCards] = useState(false);
  const openVote = openRound(rounds, 'votes');
  const openScore = openRound(rounds, 'scores');
  const closed = rounds.filter((r) => r.result).reverse();
  const startVote = (event: FormEvent) => {
    event.preventDefault();
    if (doc) requestVoteRound(doc, { column, budget, per, ownCards }, LOCAL_USER);
  };
  return (
    <div className="console-section-stack" data-testid="console.rounds">
      <section className="console-section" aria-labelledby={`${id}-v`}>
        <h3 id={`${id}-v`}>{t('votes.console.voteTitle')}</h3>
        {openVote ? (
          <OpenRound round={openVote} />
        ) : (
          <form className="rounds-form" onSubmit={startVote}>
            <label>
              {t('votes.console.column')}
              <select value={column} onChange={(e) => setColumn(e.target.value as ColumnId)}>
                {COLUMN_IDS.map((c) => (
                  <option key={c} value={c}>
                    {getColumn(c).label[lang]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('votes.console.budget')}
              <input
                type="number"
                min={1}
                max={BUDGET_MAX}
                value={budget}
                onChange={(e) => setBudget(Math.max(1, Math.min(BUDGET_MAX, Number(e.target.value) || 1)))}
                style={{ width: '4em' }}
              />
            </label>
            <label>
              {t('votes.console.per')}
              <select value={per} onChange={(e) => setPer(e.target.value as BudgetPer)}>
                <option value="person">{t('votes.console.perPerson')}</option>
                <option value="partner">{t('votes.console.perPartner')}</option>
              </select>
            </label>
            <label>
              <input type="checkbox" checked={ownCards} onChange={(e) => setOwnCards(e.target.checked)} />
              {t('votes.console.ownCards')}
            </label>
            <button type="submit" className="button button-primary" disabled={!doc}>
              {t('votes.console.open')}
            </button>
          </form>
        )}
      </section>
      <section className="console-section" aria-labelledby={`${id}-s`}>
        <h3 id={`${id}-s`}>{t('votes.console.scoreTitle')}</h3>
        {openScore ? (
          <OpenRound round={openScore} />
        ) : (
          <p>
            <button
              type="button"
              className="button"
              disabled={!doc}
              onClick={() => doc && requestScoreRound(doc, 'checkin', LOCAL_USER)}
            >
              {t('votes.console.openCheckin')}
            </button>
            <button
              type="button"
              className="button"
              disabled={!doc}
              onClick={() => doc && requestScoreRound(doc, 'checkout', LOCAL_USER)}
            >
              {t('votes.console.openCheckout')}
            </button>
          </p>
        )}
      </section>
      <section className="console-section" aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`}>{t('votes.console.history')}</h3>
        {closed.length === 0 && <p className="hint">{t('votes.console.none')}</p>}
        {closed.map((round) => (
          <div key={round.id} data-testid={`rounds.closed.${round.id}`}>
            <RoundResult round={round} />
            <button
              type="button"
              className="button button-quiet"
              aria-pressed={shown?.id === round.id}
              aria-label={`${t(shown?.id === round.id ? 'votes.console.hide' : 'votes.console.show')}: ${roundTitle(round, t, lang)}`}
              disabled={!doc}
              onClick={() =>
                doc &&
                setProjectorShows(
                  doc,
                  shown?.id === round.id ? SHOWS_MAP : { kind: 'round', roundId: round.id },
                  LOCAL_USER,
                )
              }
            >
              {t(shown?.id === round.id ? 'votes.console.hide' : 'votes.console.show')}
            </button>
          </div>
        ))}
      </section>
    </div>
  );
}
