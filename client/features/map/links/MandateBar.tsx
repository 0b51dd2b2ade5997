import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDocName, JOINT_MAP, type DocNameString } from '../../../../shared/docName.js';
import { workingMap } from '../../../../shared/permissions.js';
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
import { useDocValue, useInfo, useMe, usePartners, useSession } from '../../../workshop/hooks.js';
import { useMapEnv } from '../currentMap.js';
import { useMapUi } from '../uiStore.js';
import './links.css';

const NO_MANDATES: Record<string, Mandate> = {};
const NO_SIGNOFFS: Record<string, Signoff> = {};

/**
 * A representative's own mandate and their partner's sign-off ([N1], [N2]), on the joint map, folded
 * away under the board until someone opens it. Only one's own mandate and one's own partner's
 * status can be set here; the server refuses anything else (signoffRule.ts). In the homogeneous stage
 * of partners first it is under their own partner's map, mandate only: the server carries it to the
 * joint map when the mixed stage opens ([N4], ADR 0032).
 */
export function MandateBar() {
  const map = useMapUi((s) => s.map);
  const me = useMe();
  const { flow } = useInfo();
  const { stage } = useSession();
  if (me.access !== 'participant' || !me.partner) return null;
  if (map === JOINT_MAP) return <MandateForm map={map} signoff />;
  // The partner's own map only while it is where they work (never a partner map read in the mixed stage).
  if (map === formatDocName(workingMap(flow, stage, me.partner))) return <MandateForm map={map} signoff={false} />;
  return null;
}

function MandateForm({ map, signoff }: { map: DocNameString; signoff: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const me = useMe();
  const partners = usePartners();
  const { doc } = useMapEnv();
  const mandates = useDocValue(map, readMandates, NO_MANDATES);
  const signoffs = useDocValue(map, readSignoffs, NO_SIGNOFFS);
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
      {signoff && (
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
      )}
      {!signoff && (
        <p className="hint" data-testid="mandate.carried">
          {t('mandate.carried')}
        </p>
      )}
    </details>
  );
}
