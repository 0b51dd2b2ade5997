import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { JOINT_MAP } from '../../../shared/docName.js';
import { cardCodes, linkFlags } from '../../../shared/links.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import type { CardSnapshot } from '../../../shared/readModel.js';
import {
  readMandates,
  readSignoffs,
  setSignoff,
  signoffTable,
  SIGNOFF_STATUSES,
  type Mandate,
  type Signoff,
  type SignoffStatus,
} from '../../../shared/signoff.js';
import { useLang } from '../../i18n/index.js';
import { useDocValue, useInfo, useMap, useMe, useParticipants, useSnapshotOf } from '../../workshop/hooks.js';
import './linksSignoff.css';

const NO_MANDATES: Record<string, Mandate> = {};
const NO_SIGNOFFS: Record<string, Signoff> = {};

/**
 * From map to agreement in the console (issue 14): the flags of the joint map's links [L5] (agreed
 * actions that serve no value, values no agreed action serves) and the sign-off table per partner
 * with each representative's mandate [N3], where the facilitator records a partner's status.
 */
export function LinksSignoffPanel() {
  const { t } = useTranslation();
  const id = useId();
  const lang = useLang();
  const me = useMe();
  const info = useInfo();
  const people = useParticipants();
  const joint = useMap(JOINT_MAP);
  const snapshot = useSnapshotOf(joint);
  const { flags, codes } = useMemo(
    () => ({ flags: linkFlags(snapshot), codes: cardCodes(snapshot, lang) }),
    [snapshot, lang],
  );
  const mandates = useDocValue(JOINT_MAP, readMandates, NO_MANDATES);
  const signoffs = useDocValue(JOINT_MAP, readSignoffs, NO_SIGNOFFS);
  const rows = signoffTable(
    info.partners,
    people.filter((p) => !p.removed && p.access === 'participant'),
    mandates,
    signoffs,
  );
  const cardList = (cards: readonly CardSnapshot[], testId: string) => (
    <ul className="plain-list" data-testid={testId}>
      {cards.map((c) => (
        <li key={c.id} data-card-id={c.id}>
          <strong>{codes.get(c.id)}</strong> {c.plainText}
        </li>
      ))}
    </ul>
  );

  return (
    <div className="console-section-stack" data-testid="console.links">
      <section aria-labelledby={`${id}-flags`} className="console-section">
        <h3 id={`${id}-flags`}>{t('links.flagsTitle')}</h3>
        <p className="hint">{t('links.flagsIntro')}</p>
        <h4>{t('links.actionsWithoutValue')}</h4>
        {flags.actionsWithoutValue.length ? (
          cardList(flags.actionsWithoutValue, 'console.links.actionsWithoutValue')
        ) : (
          <p className="hint">{t('links.allLinked')}</p>
        )}
        <h4>{t('links.valuesWithoutAction')}</h4>
        {flags.valuesWithoutAction.length ? (
          cardList(flags.valuesWithoutAction, 'console.links.valuesWithoutAction')
        ) : (
          <p className="hint">{t('links.allServed')}</p>
        )}
      </section>

      <section aria-labelledby={`${id}-signoff`} className="console-section">
        <h3 id={`${id}-signoff`}>{t('mandate.title')}</h3>
        <table className="signoff-table" data-testid="console.signoff">
          <thead>
            <tr>
              <th scope="col">{t('mandate.partner')}</th>
              <th scope="col">{t('mandate.people')}</th>
              <th scope="col">{t('mandate.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.partner.id} data-partner={row.partner.id}>
                <th scope="row">{row.partner.name}</th>
                <td>
                  {row.people.length === 0
                    ? '—'
                    : row.people.map((p, i) => (
                        <p key={`${p.name}-${i}`} className="signoff-person">
                          {p.name}:{' '}
                          {p.mandate
                            ? p.mandate.date
                              ? t('mandate.kindWithDate', {
                                  kind: t(`mandate.kind.${p.mandate.kind}`),
                                  date: p.mandate.date,
                                })
                              : t(`mandate.kind.${p.mandate.kind}`)
                            : t('mandate.none')}
                        </p>
                      ))}
                </td>
                <td>
                  <select
                    aria-label={t('mandate.setStatus', { partner: row.partner.name })}
                    data-testid={`console.signoff.${row.partner.id}`}
                    value={row.status}
                    disabled={!joint}
                    onChange={(e) =>
                      joint &&
                      setSignoff(
                        joint.doc,
                        row.partner.id,
                        e.target.value as SignoffStatus,
                        me.participantId,
                        LOCAL_USER,
                      )
                    }
                  >
                    {SIGNOFF_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`mandate.signoff.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
