import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { actionsByValue, statusCounts } from '../../../shared/followUp.js';
import type { MapSnapshot } from '../../../shared/readModel.js';
import type { Me } from '../../workshop/me.js';
import { ActionItem } from './ActionItem.js';
import { followUpMode } from './followUpMode.js';

interface Props {
  map: MapSnapshot;
  /** Who edits here: the facilitator every action, a participant their own; nobody on the projector. */
  edit?: { doc: Y.Doc; me: Pick<Me, 'access' | 'participantId' | 'partner'> };
  headingLevel?: 2 | 3;
}

/** The review "terugblik": the agreed actions grouped by the values they serve [J6]. */
export function ReviewList({ map, edit, headingLevel = 3 }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const groups = actionsByValue(map);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  if (groups.length === 0)
    return (
      <p className="hint" data-testid="trajectory.review.empty">
        {t('trajectory.review.noActions')}
      </p>
    );
  return (
    <div className="review-list" data-testid="trajectory.review.list">
      {groups.map((g, i) => {
        const counts = statusCounts(g.actions);
        const hid = `${id}-${i}`;
        return (
          <section
            key={g.value?.id ?? 'none'}
            aria-labelledby={hid}
            className="review-group"
            data-testid="trajectory.review.group"
          >
            <H id={hid} className="review-value">
              {g.value ? t('trajectory.review.value', { value: g.value.plainText }) : t('trajectory.review.noValue')}
              <span className="review-count">
                {' '}
                · {t('trajectory.review.counts', { done: counts.done, total: g.actions.length })}
              </span>
            </H>
            <ul className="action-list">
              {g.actions.map((a) => {
                const mode = edit ? followUpMode(a.actionOwner, edit.me) : null;
                return <ActionItem key={a.id} action={a} edit={edit && mode ? { doc: edit.doc, mode } : undefined} />;
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
