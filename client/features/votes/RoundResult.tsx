import { useTranslation } from 'react-i18next';
import { getColumn } from '../../../shared/columns.js';
import { JOINT_MAP } from '../../../shared/docName.js';
import type { RoundRecord } from '../../../shared/rounds/rounds.js';
import { useLang } from '../../i18n/index.js';
import { useMapSnapshot, usePartners } from '../../workshop/hooks.js';

export interface RankedVote {
  id: string;
  votes: number;
  text: string;
}

/** The cards of a closed vote round that still exist, most votes first (ties by id) ([Q5]). */
export function useRankedVotes(round: RoundRecord): RankedVote[] {
  const snapshot = useMapSnapshot(JOINT_MAP);
  if (round.result?.kind !== 'votes') return [];
  const texts = new Map<string, string>(
    Object.values(snapshot.columns).flatMap((cards) => cards.map((c) => [c.id as string, c.plainText] as const)),
  );
  return Object.entries(round.result.totals)
    .filter(([id]) => texts.has(id))
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([id, votes]) => ({ id, votes, text: texts.get(id)! }));
}

/** The cards of a closed vote round, most votes first, with a bar per card ([Q5]). */
function VoteTotals({ round }: { round: RoundRecord }) {
  const { t } = useTranslation();
  const ranked = useRankedVotes(round);
  if (round.result?.kind !== 'votes') return null;
  const max = Math.max(1, ...ranked.map((r) => r.votes));
  return (
    <>
      <p className="hint">{t('votes.console.voters', { count: round.result.voters })}</p>
      <ol data-testid="votes.result">
        {ranked.map(({ id, votes, text }) => (
          <li key={id} data-testid={`votes.result.${id}`}>
            <span className="bar" style={{ width: `${(votes / max) * 6}em` }} aria-hidden="true" />
            <strong>{t('votes.panel.count', { count: votes })}</strong> {text}
          </li>
        ))}
      </ol>
    </>
  );
}

/** The aggregate of a check-in or check-out ([Y3]): averages only where at least three answered. */
function ScoreTable({ round }: { round: RoundRecord }) {
  const { t } = useTranslation();
  const partners = usePartners();
  const lang = useLang();
  const n = (x: number) => x.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  if (round.result?.kind !== 'scores') return null;
  const r = round.result;
  return (
    <>
      <p className="hint">{t('votes.console.answered', { count: r.answered })}</p>
      {r.overall ? (
        <table data-testid="scores.result">
          <thead>
            <tr>
              <th />
              <th>{t('votes.result.klik')}</th>
              <th>{t('votes.result.taak')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th>{t('votes.console.overall')}</th>
              <td>{n(r.overall.klik)}</td>
              <td>{n(r.overall.taak)}</td>
            </tr>
            {Object.entries(r.perPartner).map(([id, p]) => (
              <tr key={id}>
                <th>
                  {partners.get(id)?.name ?? id} ({p.answered})
                </th>
                <td>{n(p.klik)}</td>
                <td>{n(p.taak)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p data-testid="scores.tooFew">{t('votes.console.tooFew')}</p>
      )}
      {r.words.length > 0 && (
        <p>
          <strong>{t('votes.console.words')}:</strong> {r.words.join(', ')}
        </p>
      )}
    </>
  );
}

/** The title of a round: "Uitslag stemronde: Waarden" or "Check-in: de klik en de taak". */
export function roundTitle(
  round: RoundRecord,
  t: (key: string, o?: Record<string, unknown>) => string,
  lang: 'nl' | 'en',
) {
  if (round.kind === 'votes')
    return t('votes.result.votesTitle', { column: round.column ? getColumn(round.column).label[lang] : '' });
  return t('votes.result.scoresTitle', { kind: t(`votes.score.${round.kind}`) });
}

export function RoundResult({ round, heading = 'h4' }: { round: RoundRecord; heading?: 'h2' | 'h4' }) {
  const { t } = useTranslation();
  const lang = useLang();
  const H = heading;
  return (
    <div className="round-result">
      <H>{roundTitle(round, t, lang)}</H>
      {round.kind === 'votes' ? <VoteTotals round={round} /> : <ScoreTable round={round} />}
    </div>
  );
}
