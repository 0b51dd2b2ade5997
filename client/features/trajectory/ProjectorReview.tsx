import { useTranslation } from 'react-i18next';
import { JOINT_MAP } from '../../../shared/protocol.js';
import { useMapSnapshot } from '../../workshop/hooks.js';
import { ReviewList } from './ReviewList.js';
import { useReviewShown } from './useTrajectory.js';
import './trajectory.css';

/** The review on the projector while the facilitator shows it [J6]; null otherwise. */
export function ProjectorReview() {
  const { t } = useTranslation();
  const shown = useReviewShown();
  const snapshot = useMapSnapshot(JOINT_MAP);
  if (!shown) return null;
  return (
    <section className="projector-review" aria-labelledby="projector-review-h" data-testid="trajectory.projectorReview">
      <h1 id="projector-review-h">{t('trajectory.review.title')}</h1>
      <ReviewList map={snapshot} headingLevel={2} />
    </section>
  );
}
