import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_NOTE_MAX } from '../../../shared/card/fields.js';
import { ACTION_STATUSES, setFollowUp, type ActionStatus } from '../../../shared/followUp.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import type { CardSnapshot } from '../../../shared/readModel.js';
import type * as Y from 'yjs';
import { useParticipants, usePartners } from '../../workshop/hooks.js';

interface Props {
  action: CardSnapshot;
  doc: Y.Doc;
  /** The facilitator sets owner and due date too; an owner only status and note ([J4], [J5]). */
  mode: 'facilitator' | 'owner';
}

const ownerValue = (a: CardSnapshot) => (a.actionOwner ? `${a.actionOwner.kind}:${a.actionOwner.id}` : '');

/** The follow-up of one agreed action as a small form; saved in one change with the button. */
export function FollowUpForm({ action, doc, mode }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const people = useParticipants().filter((p) => p.access === 'participant' && !p.removed);
  const partners = [...usePartners().values()];
  const [owner, setOwner] = useState(ownerValue(action));
  const [due, setDue] = useState(action.actionDue);
  const [status, setStatus] = useState<ActionStatus>(action.actionStatus);
  const [note, setNote] = useState(action.actionNote);
  const [saved, setSaved] = useState<boolean | null>(null);
  const facilitator = mode === 'facilitator';

  const save = (event: FormEvent) => {
    event.preventDefault();
    const [kind, ownerId] = owner.split(':');
    const ok = setFollowUp(
      doc,
      action.id,
      facilitator
        ? {
            owner: owner ? { kind: kind as 'person' | 'partner', id: ownerId } : null,
            due,
            status,
            note: note.trim(),
          }
        : { status, note: note.trim() },
      LOCAL_USER,
    );
    setSaved(ok);
  };

  return (
    <form className="follow-up-form" onSubmit={save} data-testid="trajectory.followUp.form" data-card-id={action.id}>
      {facilitator && (
        <>
          <label htmlFor={`${id}-owner`}>{t('trajectory.followUp.owner')}</label>
          <select
            id={`${id}-owner`}
            data-testid="trajectory.followUp.owner"
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
          >
            <option value="">{t('trajectory.followUp.ownerNone')}</option>
            <optgroup label={t('trajectory.followUp.ownerPartner')}>
              {partners.map((p) => (
                <option key={p.id} value={`partner:${p.id}`}>
                  {p.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('trajectory.followUp.ownerPerson')}>
              {people.map((p) => (
                <option key={p.id} value={`person:${p.id}`}>
                  {p.name}
                </option>
              ))}
            </optgroup>
          </select>
          <label htmlFor={`${id}-due`}>{t('trajectory.followUp.due')}</label>
          <input
            id={`${id}-due`}
            type="date"
            data-testid="trajectory.followUp.due"
            value={due}
            onChange={(e) => setDue(e.target.value)}
          />
        </>
      )}
      <label htmlFor={`${id}-status`}>{t('trajectory.followUp.status')}</label>
      <select
        id={`${id}-status`}
        data-testid="trajectory.followUp.status"
        value={status}
        onChange={(e) => setStatus(e.target.value as ActionStatus)}
      >
        {ACTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`trajectory.status.${s}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`}>{t('trajectory.followUp.note')}</label>
      <input
        id={`${id}-note`}
        data-testid="trajectory.followUp.note"
        value={note}
        maxLength={ACTION_NOTE_MAX}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="button" data-testid="trajectory.followUp.save">
        {t('trajectory.followUp.save')}
      </button>
      <span role="status" className="hint" data-testid="trajectory.followUp.message">
        {saved === true && t('trajectory.followUp.saved')}
        {saved === false && t('trajectory.followUp.onlyAgreed')}
      </span>
    </form>
  );
}
