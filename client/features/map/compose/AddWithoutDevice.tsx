import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_ROLES } from '../../../../shared/roles.js';
import { api } from '../../../lib/api.js';
import { useMe, usePartners, useWorkshop } from '../../../workshop/hooks.js';

/**
 * [H5] From "Schrijf voor iemand anders": a participant adds the person at the table who has no phone
 * or laptop, so the card can be theirs. The server stores them with the people who joined (the
 * workshop document lists them); the new person then appears in the list and is chosen.
 * A fieldset, not a form: it sits inside the write-for form, and forms do not nest.
 */
export function AddWithoutDevice({ onAdded }: { onAdded: (participantId: string) => void }) {
  const { t } = useTranslation();
  const workshop = useWorkshop();
  const me = useMe();
  const partners = usePartners();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [partner, setPartner] = useState(me.partner || ([...partners.keys()][0] ?? ''));
  const [role, setRole] = useState<string>('citizen');
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');

  if (!open)
    return (
      <button
        type="button"
        className="button button-quiet"
        data-testid="card.writeFor.noDevice"
        onClick={() => setOpen(true)}
      >
        {t('writeFor.noDeviceOpen')}
      </button>
    );

  const add = async () => {
    if (!name.trim()) return;
    setState('busy');
    const r = await api.addWithoutDevice(workshop.id, workshop.token, { name: name.trim(), partner, role });
    if (r.kind !== 'ok') return setState('failed');
    setState('idle');
    setName('');
    setOpen(false);
    onAdded(r.value.participantId);
  };

  return (
    <fieldset className="write-for-no-device" data-testid="card.writeFor.noDeviceForm">
      <legend>{t('writeFor.noDevice')}</legend>
      <label htmlFor={`${id}-name`}>{t('writeFor.noDeviceName')}</label>
      <input
        id={`${id}-name`}
        data-testid="card.writeFor.noDevice.name"
        value={name}
        maxLength={60}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void add();
          }
        }}
      />
      <label htmlFor={`${id}-partner`}>{t('writeFor.noDevicePartner')}</label>
      <select id={`${id}-partner`} value={partner} onChange={(e) => setPartner(e.target.value)}>
        {[...partners.values()].map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-role`}>{t('writeFor.noDeviceRole')}</label>
      <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
        {PARTICIPANT_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button"
        data-testid="card.writeFor.noDevice.add"
        disabled={state === 'busy' || !name.trim()}
        onClick={() => void add()}
      >
        {t('writeFor.noDeviceAdd')}
      </button>
      {state === 'failed' && (
        <p role="alert" className="form-error">
          {t('writeFor.noDeviceFailed')}
        </p>
      )}
    </fieldset>
  );
}
