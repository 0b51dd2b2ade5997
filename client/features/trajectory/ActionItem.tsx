import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { isOverdue } from '../../../shared/followUp.js';
import type { CardSnapshot } from '../../../shared/readModel.js';
import { useLang } from '../../i18n/index.js';
import { FollowUpForm } from './FollowUpForm.js';
import { formatDay, useOwnerName, useToday } from './useTrajectory.js';

interface Props {
  action: CardSnapshot;
  /** When given, the follow-up can be changed here (as the facilitator or as the owner). */
  edit?: { doc: Y.Doc; mode: 'facilitator' | 'owner' };
  /** Leave the action's text out (the card's details show it already). */
  withoutText?: boolean;
}

/** One agreed action: its text, owner, due date (overdue marked), status and note [J6]. */
export function ActionItem({ action, edit, withoutText = false }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const today = useToday();
  const ownerName = useOwnerName()(action.actionOwner);
  const late = isOverdue(action, today);
  const text = action.agreedVersion?.text || action.plainText;
  return (
    <li
      className="action-item"
      data-testid="trajectory.action"
      data-card-id={action.id}
      data-status={action.actionStatus}
    >
      {!withoutText && <p className="action-text">{text}</p>}
      <p className="action-facts">
        <span className={`action-status action-status-${action.actionStatus}`} data-testid="trajectory.action.status">
          {t(`trajectory.status.${action.actionStatus}`)}
        </span>
        {ownerName && <span>{t('trajectory.followUp.by', { owner: ownerName })}</span>}
        {action.actionDue && <span>{t('trajectory.followUp.dueOn', { date: formatDay(action.actionDue, lang) })}</span>}
        {late && (
          <span className="action-late" data-testid="trajectory.action.late">
            {t('trajectory.followUp.overdue')}
          </span>
        )}
      </p>
      {action.actionNote && (
        <p className="action-note" data-testid="trajectory.action.note">
          {action.actionNote}
        </p>
      )}
      {edit && (
        <FollowUpForm
          key={`${action.id}:${action.actionStatus}:${action.actionNote}:${action.actionDue}`}
          action={action}
          doc={edit.doc}
          mode={edit.mode}
        />
      )}
    </li>
  );
}
