import { useTranslation } from 'react-i18next';
import { JOINT_MAP } from '../../../shared/protocol.js';
import { useMap, useMapSnapshot, useMe } from '../../workshop/hooks.js';
import { MyActions } from './MyActions.js';
import { ReviewList } from './ReviewList.js';
import { useReviewShown } from './useTrajectory.js';
import './trajectory.css';

/**
 * What the participant page shows of the trajectory, above the map: the review while the facilitator
 * has it on the screen [J6] (my own actions editable there), otherwise "Mijn acties" [J7].
 */
export function ParticipantTrajectory() {
  const { t } = useTranslation();
  const shown = useReviewShown();
  const me = useMe();
  const joint = useMap(JOINT_MAP);
  const snapshot = useMapSnapshot(JOINT_MAP);
  // The facilitator walks the review in the console's tab Traject; their map area stays the map.
  if (me.access !== 'participant') return null;
  if (!shown) return <MyActions />;
  return (
    <section className="phone-review" aria-labelledby="phone-review-h" data-testid="trajectory.phoneReview">
      <h2 id="phone-review-h">{t('trajectory.review.title')}</h2>
      <ReviewList map={snapshot} edit={joint ? { doc: joint.doc, me } : undefined} />
    </section>
  );
}
