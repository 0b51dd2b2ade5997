import { useTranslation } from 'react-i18next';
import { Hyphenated } from '../../ui/Hyphenated.js';
import type * as Y from 'yjs';
import { getColumn } from '../../../shared/columns.js';
import { JOINT_MAP } from '../../../shared/docName.js';
import { cardCodes } from '../../../shared/links.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import { setVote, spent, votesLeft } from '../../../shared/rounds/privateInputs.js';
import type { RoundRecord } from '../../../shared/rounds/rounds.js';
import type { DocNameString } from '../../../shared/docName.js';
import { useLang } from '../../i18n/index.js';
import { useMapSnapshot, useMe } from '../../workshop/hooks.js';
import { useMyVotes, usePartnerSpent } from './useRounds.js';

interface Props {
  round: RoundRecord;
  name: DocNameString;
  doc: Y.Doc;
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** The ids of cards whose text another card of the list has too. */
function twins(cards: readonly { id: string; plainText: string }[]): ReadonlySet<string> {
  const seen = new Map<string, number>();
  for (const c of cards) seen.set(c.plainText, (seen.get(c.plainText) ?? 0) + 1);
  return new Set(cards.filter((c) => (seen.get(c.plainText) ?? 0) > 1).map((c) => c.id));
}

/**
 * [Q2], [Q3], [Q7] A participant spends their votes on the cards of the round's column: one row per
 * card with − and + (several votes on one card allowed). The server checks every vote; what it
 * refuses comes back as a notice. Nobody else sees these votes ([Q4]). With a budget per partner the
 * votes left are the partner's, kept live by the server ([Q8]).
 */
export function VotePanel({ round, name, doc }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const votes = useMyVotes(name, round.id);
  const column = round.column ?? 'values';
  const snapshot = useMapSnapshot(JOINT_MAP);
  const cards = snapshot.columns[column];
  // [Q10] Two cards with the same text are told apart by their code (column letter and place, "W2").
  const codes = cardCodes(snapshot, lang);
  const same = twins(cards);
  const mineSpent = spent(votes);
  // [Q8] Per partner: what the colleagues spent comes from the server, in my own document; never on which cards.
  const others = usePartnerSpent(name, round.id);
  const left = votesLeft(round, mineSpent, others);
  return (
    <section className="vote-panel" data-testid="votes.panel" aria-labelledby={`vote-${round.id}`}>
      <div className="vote-head">
        <h2 id={`vote-${round.id}`}>{t('votes.panel.title', { column: getColumn(column).label[lang] })}</h2>
        <p className="vote-left" aria-live="polite" data-testid="votes.left">
          {round.per === 'partner' ? (
            <>
              {t('votes.panel.leftPartner', { count: left, budget: round.budget })}
              <span className="hint"> · {t('votes.panel.mineOfPartner', { count: mineSpent })}</span>
            </>
          ) : (
            t('votes.panel.left', { count: left })
          )}
        </p>
      </div>
      <p className="hint">{t('votes.panel.hidden')}</p>
      {cards.length === 0 ? (
        <p className="hint">{t('votes.panel.empty')}</p>
      ) : (
        <ul className="vote-list">
          {cards.map((card) => {
            const mine = votes[card.id] ?? 0;
            const own = card.author === me.participantId;
            const blocked = own && !round.ownCards;
            const code = same.has(card.id) ? codes.get(card.id) : undefined;
            const text = code ? `${code} ${short(card.plainText)}` : short(card.plainText);
            return (
              <li key={card.id} className="vote-row" data-testid={`votes.card.${card.id}`}>
                <span className="vote-text">
                  {code && (
                    <span className="vote-code" data-testid="votes.code">
                      {code}{' '}
                    </span>
                  )}
                  <Hyphenated text={card.plainText} />
                  {own && <span className="hint"> ({t('votes.panel.own')})</span>}
                </span>
                <span className="vote-controls">
                  <button
                    type="button"
                    className="button vote-button"
                    aria-label={t('votes.panel.remove', { card: text })}
                    disabled={mine === 0}
                    onClick={() => setVote(doc, round.id, card.id, mine - 1, LOCAL_USER)}
                  >
                    −
                  </button>
                  <span className="vote-count" data-testid="votes.count">
                    {t('votes.panel.count', { count: mine })}
                  </span>
                  <button
                    type="button"
                    className="button vote-button"
                    aria-label={t('votes.panel.add', { card: text })}
                    disabled={blocked || left === 0}
                    onClick={() => setVote(doc, round.id, card.id, mine + 1, LOCAL_USER)}
                  >
                    +
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
