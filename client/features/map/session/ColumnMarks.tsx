import { useTranslation } from 'react-i18next';
import { isStepClosed } from '../../../../shared/agreement.js';
import type { ColumnId } from '../../../../shared/columns.js';
import type { CardSnapshot } from '../../../../shared/readModel.js';
import { useMe } from '../../../workshop/hooks.js';
import { useColumnAccess } from './useSession.js';

interface Props {
  column: ColumnId;
  cards: readonly CardSnapshot[];
  writable: boolean;
  current: boolean;
}

/** Where the step stands: now in turn, open again, closed for me, or done (every card agreed or parked). */
export function ColumnMarks({ column, cards, writable, current }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { session } = useColumnAccess();
  const reopened = session.guided && !current && session.reopened.includes(column);
  const closedForMe = me.canEdit && !writable;
  const closedForOthers = me.access === 'facilitator' && session.guided && !current && !reopened;
  const done = isStepClosed(cards);
  if (!current && !reopened && !closedForMe && !closedForOthers && !done) return null;
  return (
    <div className="column-marks">
      {current && (
        <span className="mark mark-now" data-testid={`column.${column}.now`}>
          {t('session.now')}
        </span>
      )}
      {reopened && (
        <span className="mark mark-reopened" data-testid={`column.${column}.reopened`}>
          {t('session.reopened')}
        </span>
      )}
      {closedForMe && (
        <span className="mark mark-closed" data-testid={`column.${column}.closed`} title={t('session.closedHint')}>
          {t('session.closed')}
          <span className="sr-only">: {t('session.closedHint')}</span>
        </span>
      )}
      {closedForOthers && (
        <span className="mark mark-closed-others" data-testid={`column.${column}.closedForParticipants`}>
          {t('session.closedForParticipants')}
        </span>
      )}
      {done && (
        <span className="mark mark-done" data-testid={`column.${column}.done`}>
          <span aria-hidden="true">✓ </span>
          {t('session.stepDone')}
        </span>
      )}
    </div>
  );
}
