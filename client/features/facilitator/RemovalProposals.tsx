import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getCards } from '../../../shared/cardSchema.js';
import type { CardId } from '../../../shared/ids.js';
import { deleteCard } from '../../../shared/ops.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import { JOINT_MAP } from '../../../shared/protocol.js';
import type { CardSnapshot } from '../../../shared/readModel.js';
import { api } from '../../lib/api.js';
import { useMap, useMapSnapshot } from '../../workshop/hooks.js';
import { useConsoleEnv } from './consoleEnv.js';
import { RemovedCards } from './RemovedCards.js';

const words = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/**
 * [H3] Proposals to remove a card: a participant tried to remove someone else's card, the server kept
 * it and marked it. The facilitator removes it (after saving a version, so it can be put back) or
 * keeps it (the mark goes).
 */
export function RemovalProposals({ visible }: { visible: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const snapshot = useMapSnapshot(JOINT_MAP);
  const [removedTick, setRemovedTick] = useState(0);
  const proposed = Object.values(snapshot.columns)
    .flat()
    .filter((c) => c.removal);
  return (
    <div className="console-section-stack">
      <section aria-labelledby={`${id}-h`} className="console-section" data-testid="console.proposals">
        <h3 id={`${id}-h`}>{t('authorship.proposals.heading')}</h3>
        <p className="hint">{t('authorship.proposals.intro')}</p>
        {proposed.length === 0 ? (
          <p className="hint" data-testid="console.proposals.none">
            {t('authorship.proposals.none')}
          </p>
        ) : (
          <ul className="plain-list">
            {proposed.map((card) => (
              <Proposal key={card.id} card={card} onRemoved={() => setRemovedTick((n) => n + 1)} />
            ))}
          </ul>
        )}
      </section>
      {visible && <RemovedCards refresh={removedTick} />}
    </div>
  );
}

function Proposal({ card, onRemoved }: { card: CardSnapshot; onRemoved: () => void }) {
  const { t } = useTranslation();
  const { workshopId, token } = useConsoleEnv();
  const joint = useMap(JOINT_MAP);
  const [busy, setBusy] = useState(false);
  const doc = joint?.doc;
  const keep = () => {
    const yCard = doc && getCards(doc).get(card.id);
    if (doc && yCard) doc.transact(() => yCard.delete('removal'), LOCAL_USER);
  };
  const remove = async () => {
    if (!doc) return;
    setBusy(true);
    // A version first: the removed card can be put back from it (Weggehaalde kaarten).
    await api.saveVersion(workshopId, token, t('authorship.proposals.versionLabel', { text: words(card.plainText) }));
    deleteCard(doc, card.id as CardId, LOCAL_USER);
    setBusy(false);
    onRemoved();
  };
  return (
    <li className="proposal" data-testid="console.proposal" data-card-id={card.id}>
      <p>
        {t('authorship.proposals.line', {
          name: card.removal?.name || '?',
          author: card.authorName || '?',
          text: words(card.plainText) || t('card.emptyText'),
        })}
      </p>
      <button
        type="button"
        className="button danger"
        data-testid="console.proposal.accept"
        disabled={busy}
        onClick={() => void remove()}
      >
        {t('authorship.proposals.accept')}
      </button>{' '}
      <button type="button" className="button" data-testid="console.proposal.reject" disabled={busy} onClick={keep}>
        {t('authorship.proposals.reject')}
      </button>
    </li>
  );
}
