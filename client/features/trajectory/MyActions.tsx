import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { actionsOf } from '../../../shared/followUp.js';
import { JOINT_MAP } from '../../../shared/protocol.js';
import { useMap, useMapSnapshot, useMe } from '../../workshop/hooks.js';
import { ActionItem } from './ActionItem.js';

/**
 * "Mijn acties" on the participant page [J7]: the agreed actions in my name or my partner's, each
 * with status and note to update, also between meetings (the server lets the owner do so while
 * Acties is locked, [J5]). A native details element: opens by keyboard, stays small on a phone.
 */
export function MyActions() {
  const { t } = useTranslation();
  const id = useId();
  const me = useMe();
  const joint = useMap(JOINT_MAP);
  const mine = actionsOf(useMapSnapshot(JOINT_MAP), me);
  if (me.access !== 'participant' || !joint || mine.length === 0) return null;
  return (
    <details className="my-actions" data-testid="trajectory.mine">
      <summary data-testid="trajectory.mine.toggle">
        {t('trajectory.mine.title')} ({mine.length})
      </summary>
      <p className="hint" id={`${id}-hint`}>
        {t('trajectory.mine.hint')}
      </p>
      <ul className="action-list" aria-describedby={`${id}-hint`}>
        {mine.map((a) => (
          <ActionItem key={a.id} action={a} edit={{ doc: joint.doc, mode: 'owner' }} />
        ))}
      </ul>
    </details>
  );
}
