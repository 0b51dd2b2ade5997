import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { takesFollowUp } from '../../../shared/followUp.js';
import type { CardSnapshot } from '../../../shared/readModel.js';
import { useMe } from '../../workshop/hooks.js';
import { ActionItem } from './ActionItem.js';
import { followUpMode } from './followUpMode.js';
import './trajectory.css';

/**
 * [J9] The follow-up of an agreed action in the card's own details on the map: the same item and form
 * as in the review list, with the same rule for who changes what (followUpMode); anyone else reads
 * it. `doc`: the map the card is on. Nothing for a card that takes no follow-up.
 */
export function CardFollowUp({ card, doc }: { card: CardSnapshot; doc: Y.Doc }) {
  const { t } = useTranslation();
  const id = useId();
  const me = useMe();
  if (!takesFollowUp(card)) return null;
  const mode = followUpMode(card.actionOwner, me);
  return (
    <section className="details-section card-follow-up" aria-labelledby={id} data-testid="card.followUp">
      <h3 id={id}>{t('trajectory.followUp.title')}</h3>
      <ul className="action-list">
        <ActionItem action={card} edit={mode ? { doc, mode } : undefined} withoutText />
      </ul>
    </section>
  );
}
