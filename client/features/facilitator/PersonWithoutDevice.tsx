import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_ROLES } from '../../../shared/roles.js';
import { api } from '../../lib/api.js';
import { useConsoleEnv } from './consoleEnv.js';

/**
 * [H5] Someone at the table without a phone or laptop: added by name, partner and role, so cards can
 * be written for them ("Schrijf voor iemand anders"), they can say "eens namens" and they count in the
 * participation figures. They get no link; the server stores them with the people who joined.
 */
export function PersonWithoutDevice() {
  const { t } = useTranslation();
  const { workshopId, token, info } = useConsoleEnv();
  const id = useId();
  const [name, setName] = useState('');
  const [partner, setPartner] = useState<string>(info.partners[0]?.id ?? '');
  const [role, setRole] = useState<string>('citizen');
  const [state, setState] = useState<'idle' | 'busy' | 'added' | 'failed'>('idle');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState('busy');
    const r = await api.addWithoutDevice(workshopId, token, { name: name.trim(), partner, role });
    if (r.kind === 'ok') {
      setName('');
      setState('added');
    } else setState('failed');
  };
  return (
    <section aria-labelledby={`${id}-h`} className="console-section" data-testid="console.noDevice">
      <h3 id={`${id}-h`}>{t('authorship.people.heading')}</h3>
      <p className="hint">{t('authorship.people.intro')}</p>
      <form onSubmit={(e) => void submit(e)} className="form-stack">
        <label htmlFor={`${id}-name`}>{t('authorship.people.name')}</label>
        <input
          id={`${id}-name`}
          data-testid="console.noDevice.name"
          value={name}
          maxLength={60}
          required
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor={`${id}-partner`}>{t('authorship.people.partner')}</label>
        <select
          id={`${id}-partner`}
          data-testid="console.noDevice.partner"
          value={partner}
          onChange={(e) => setPartner(e.target.value)}
        >
          {info.partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-role`}>{t('authorship.people.role')}</label>
        <select
          id={`${id}-role`}
          data-testid="console.noDevice.role"
          value={role}
          onChange={(e) => setRole(e.target.value)}
        >
          {PARTICIPANT_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button" data-testid="console.noDevice.add" disabled={state === 'busy'}>
          {t('authorship.people.add')}
        </button>
      </form>
      <p role="status" className={state === 'failed' ? 'form-error' : 'console-state'}>
        {state === 'added' ? t('authorship.people.added') : state === 'failed' ? t('authorship.people.failed') : ''}
      </p>
    </section>
  );
}
