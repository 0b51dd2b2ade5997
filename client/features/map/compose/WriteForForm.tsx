import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, usePartners } from '../../../workshop/hooks.js';
import { useWorkshopParticipants } from '../session/useSession.js';
import type { WrittenFor } from '../useCardActions.js';
import { AddWithoutDevice } from './AddWithoutDevice.js';

/** The people I can write a card for: everyone who joined as a participant and is still here, except me. */
export function useWriteForChoices(): WrittenFor[] {
  const participants = useWorkshopParticipants();
  const me = useMe();
  return useMemo(
    () =>
      participants
        .filter((p) => p.access === 'participant' && !p.removed && p.id !== me.participantId)
        .map((p) => ({ id: p.id, name: p.name, partner: p.partner })),
    [participants, me.participantId],
  );
}

interface Props {
  id: string;
  choices: WrittenFor[];
  onAdd: (who: WrittenFor) => void;
  onCancel: () => void;
}

/**
 * Rule 3 (help others bring in their ideas), and the one-laptop mode: the card is theirs (author and
 * partner), and it says who typed it.
 */
export function WriteForForm({ id, choices, onAdd, onCancel }: Props) {
  const { t } = useTranslation();
  const partners = usePartners();
  const [chosen, setChosen] = useState(choices[0]?.id ?? '');
  // Someone just added without a device: chosen as soon as the workshop document lists them.
  const [added, setAdded] = useState<string | null>(null);
  useEffect(() => {
    if (added && choices.some((c) => c.id === added)) {
      setChosen(added);
      setAdded(null);
    } else if (!choices.some((c) => c.id === chosen) && choices[0]) setChosen(choices[0].id);
  }, [added, choices, chosen]);
  const selectId = useId();
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => select.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const who = choices.find((c) => c.id === chosen);
    if (who) onAdd(who);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form id={id} className="write-for" onSubmit={submit} onKeyDown={onKeyDown}>
      <label htmlFor={selectId}>{t('writeFor.who')}</label>
      <select
        id={selectId}
        ref={select}
        data-testid="card.writeFor"
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
      >
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {partners.get(c.partner) ? `${c.name} (${partners.get(c.partner)!.name})` : c.name}
          </option>
        ))}
      </select>
      <AddWithoutDevice onAdded={setAdded} />
      <div className="write-for-buttons">
        <button
          type="submit"
          className="button button-primary"
          data-testid="card.writeFor.add"
          disabled={!choices.some((c) => c.id === chosen)}
        >
          {t('writeFor.add')}
        </button>
        <button type="button" className="button button-quiet" data-testid="card.writeFor.cancel" onClick={onCancel}>
          {t('writeFor.cancel')}
        </button>
      </div>
    </form>
  );
}
