import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOINT_MAP } from '../../../../shared/docName.js';
import { LOCAL_USER } from '../../../../shared/origins.js';
import {
  MANDATE_KINDS,
  readMandates,
  readSignoffs,
  setMandate,
  setSignoff,
  SIGNOFF_STATUSES,
  type Mandate,
  type MandateKind,
  type Signoff,
  type SignoffStatus,
} from '../../../../shared/signoff.js';
import { useDocValue, useMe, usePartners } from '../../../workshop/hooks.js';
import { useMapEnv } from '../currentMap.js';
import { useMapUi } from '../uiStore.js';
import './links.css';

const NO_MANDATES: Record<string, Mandate> = {};
const NO_SIGNOFFS: Record<string, Signoff> = {};

/**
 * A representative's own mandate and their partner's sign-off ([N1], [N2]), on the joint map, folded
 * away under the board until someone opens it. Only one's own mandate and one's own partner's
 * status can be set here; the server refuses anything else (signoffRule.ts).
 */
export function MandateBar() {
  const map = useMapUi((s) => s.map);
  const me = useMe();
  if (map !== JOINT_MAP || me.access !== 'participant' || !me.partner) return null;
  return <MandateForm />;
}

function MandateForm() {
  const { t } = useTranslation();
  const id = useId();
  const me = useMe();
  const partners = usePartners();
  const { doc } = useMapEnv();
  const mandates = useDocValue(JOINT_MAP, readMandates, NO_MANDATES);
  const signoffs = useDocValue(JOINT_MAP, readSignoffs, NO_SIGNOFFS);
  const mine = mandates[me.participantId];
  const [kind, setKind] = useState<MandateKind>(mine?.kind ?? 'decide');
  const [date, setDate] = useState(mine?.date ?? '');
  const partnerName = partners.get(me.partner)?.name ?? '';
  const status: SignoffStatus = signoffs[me.partner]?.status ?? 'concept';
  const save = () => setMandate(doc, me.participantId, kind, date, LOCAL_USER);

  return (
    <details className="mandate-bar" data-testid="mandate.bar">
      <summary>{t('mandate.title')}</summary>
      <p className="hint">{t('mandate.intro')}</p>
      <fieldset className="mandate-kind">
        <legend>{t('mandate.mine')}</legend>
        {MANDATE_KINDS.map((k) => (
          <label key={k} className="radio-row">
            <input
              type="radio"
              name={`${id}-kind`}
              value={k}
              data-testid={`mandate.kind.${k}`}
              checked={kind === k}
              onChange={() => setKind(k)}
            />{' '}
            {t(`mandate.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'consult' && (
        <label className="mandate-date">
          {t('mandate.dateHint')}{' '}
          <input type="date" data-testid="mandate.date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
      )}
      <button type="button" className="button" data-testid="mandate.save" onClick={save}>
        {t('mandate.save')}
      </button>
      {mine && (
        <p className="hint" data-testid="mandate.saved">
          {mine.date
            ? t('mandate.kindWithDate', { kind: t(`mandate.kind.${mine.kind}`), date: mine.date })
            : t(`mandate.kind.${mine.kind}`)}
        </p>
      )}
      <label className="mandate-status">
        {t('mandate.setStatus', { partner: partnerName })}{' '}
        <select
          data-testid="mandate.signoff"
          value={status}
          onChange={(e) => setSignoff(doc, me.partner, e.target.value as SignoffStatus, me.participantId, LOCAL_USER)}
        >
          {SIGNOFF_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`mandate.signoff.${s}`)}
            </option>
          ))}
        </select>
      </label>
    </details>
  );
}
