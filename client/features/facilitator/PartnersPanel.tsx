import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMNS } from '../../../shared/columns.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import { setFocus, setStage } from '../../../shared/session.js';
import { useParticipants, useSession } from '../../workshop/hooks.js';
import { useLang } from '../../i18n/index.js';
import { useConsoleMapChoice } from './ConsoleMapArea.js';
import { activeColumn, mapProgress, usePartnerSnapshots } from '../compare/index.js';
import { PartnerBadge } from '../../ui/PartnerBadge.js';
import { Confirm, useFocusBackAfter } from '../../ui/Confirm.js';
import { useConsoleEnv } from './consoleEnv.js';

/**
 * "Partnerkaarten": the partners-first flow for the facilitator. The stage (each partner's own map,
 * or the mixed session) with a question before switching, the progress of every partner map (cards
 * per step, people, when it last changed: maps can be filled over several days), and a button to put
 * any partner map in the console's map area.
 */
export function PartnersPanel() {
  const { t } = useTranslation();
  const { info } = useConsoleEnv();
  if (info.flow !== 'partners-first') {
    return (
      <div className="console-section" data-testid="partners.panel">
        <p>{t('partnersPanel.notPartnersFirst')}</p>
      </div>
    );
  }
  return (
    <div className="console-section-stack" data-testid="partners.panel">
      <StageSection />
      <ProgressSection />
    </div>
  );
}

function StageSection() {
  const { t } = useTranslation();
  const id = useId();
  const { sessionDoc } = useConsoleEnv();
  const session = useSession();
  const choose = useConsoleMapChoice((s) => s.choose);
  const [asking, setAsking] = useState(false);
  // After the question, focus goes to the stage button (the other one, once the stage switched).
  const trigger = useRef<HTMLButtonElement>(null);
  useFocusBackAfter(asking, trigger);
  const mixed = session.stage === 'heterogeneous';

  const confirm = () => {
    if (mixed) {
      setStage(sessionDoc, 'homogeneous', LOCAL_USER);
      setFocus(sessionDoc, { kind: 'map' }, LOCAL_USER);
    } else {
      setStage(sessionDoc, 'heterogeneous', LOCAL_USER);
      // The projector shows the comparison of the step in hand.
      setFocus(sessionDoc, { kind: 'column', column: activeColumn(session) ?? 'values' }, LOCAL_USER);
    }
    choose('auto');
    setAsking(false);
  };

  return (
    <section aria-labelledby={`${id}-h`} className="console-section" data-testid="partners.stageSection">
      <h3 id={`${id}-h`}>{t('partnersPanel.heading')}</h3>
      <p className="console-now" role="status" data-testid="partners.stage" data-stage={session.stage}>
        <span className="status-label">{t('partnersPanel.now')}</span> {t(`partnersPanel.stage.${session.stage}`)}
      </p>
      {asking ? (
        <Confirm
          message={t(mixed ? 'partnersPanel.backHomeQuestion' : 'partnersPanel.openMixedQuestion')}
          confirmLabel={t(mixed ? 'partnersPanel.backHomeConfirm' : 'partnersPanel.openMixedConfirm')}
          cancelLabel={t('partnersPanel.cancel')}
          onConfirm={confirm}
          onCancel={() => setAsking(false)}
          testId={mixed ? 'partners.backHome' : 'partners.openMixed'}
          danger={mixed}
        />
      ) : (
        <div className="button-row">
          <button
            ref={trigger}
            type="button"
            className={mixed ? 'button' : 'button button-primary'}
            data-testid={mixed ? 'partners.backHome' : 'partners.openMixed'}
            onClick={() => setAsking(true)}
          >
            {t(mixed ? 'partnersPanel.backHome' : 'partnersPanel.openMixed')}
          </button>
        </div>
      )}
    </section>
  );
}

function ProgressSection() {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const { info } = useConsoleEnv();
  const snapshots = usePartnerSnapshots(info.partners);
  const participants = useParticipants();
  const choice = useConsoleMapChoice((s) => s.choice);
  const choose = useConsoleMapChoice((s) => s.choose);
  const rows = useMemo(
    () =>
      info.partners.map((partner) => ({
        partner,
        progress: mapProgress(snapshots.get(partner.id)),
        people: participants.filter((p) => p.partner === partner.id && p.access === 'participant' && !p.removed).length,
      })),
    [info.partners, snapshots, participants],
  );
  const format = useMemo(
    () => new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }),
    [lang],
  );

  return (
    <section aria-labelledby={`${id}-h`} className="console-section" data-testid="partners.progress">
      <h3 id={`${id}-h`}>{t('partnersPanel.progressHeading')}</h3>
      <div className="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="console-table">
          <caption id={`${id}-caption`}>{t('partnersPanel.progressCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('partnersPanel.partner')}</th>
              {COLUMNS.map((c) => (
                <th scope="col" key={c.id}>
                  <span aria-hidden="true">{c.step}</span>
                  <span className="sr-only">
                    {t('map.step', { n: c.step })} {c.label[lang]}
                  </span>
                </th>
              ))}
              <th scope="col">{t('partnersPanel.total')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ partner, progress }) => (
              <tr
                key={partner.id}
                data-testid={`partners.row.${partner.id}`}
                data-contributed={progress.total > 0 || undefined}
              >
                <th scope="row">
                  <PartnerBadge name={partner.name} color={partner.color} />
                </th>
                {COLUMNS.map((c) => (
                  <td key={c.id} data-testid={`partners.count.${partner.id}.${c.id}`}>
                    {progress.perColumn[c.id]}
                  </td>
                ))}
                <td data-testid={`partners.total.${partner.id}`}>
                  <strong>{progress.total}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="plain-list partner-progress">
        {rows.map(({ partner, progress, people }) => {
          const showing = choice === `partner:${partner.id}`;
          return (
            <li key={partner.id} className="partner-progress-item">
              <p>
                <strong>{partner.name}</strong> · {t('partnersPanel.people')}: {people} ·{' '}
                {t('partnersPanel.lastChange')}:{' '}
                <span data-testid={`partners.lastChange.${partner.id}`}>
                  {progress.lastChanged ? (
                    <time dateTime={new Date(progress.lastChanged).toISOString()}>
                      {format.format(progress.lastChanged)}
                    </time>
                  ) : (
                    t('partnersPanel.never')
                  )}
                </span>
              </p>
              <button
                type="button"
                className="button"
                data-testid={`partners.show.${partner.id}`}
                aria-pressed={showing}
                onClick={() => choose(`partner:${partner.id}`)}
              >
                {showing ? t('partnersPanel.showing') : t('partnersPanel.show')}
                <span className="sr-only"> {t('partnersPanel.showLabel', { partner: partner.name })}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <div className="button-row">
        <button
          type="button"
          className="button"
          data-testid="partners.showCompare"
          aria-pressed={choice === 'compare'}
          onClick={() => choose('compare')}
        >
          {t('partnersPanel.compare')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="partners.showJoint"
          aria-pressed={choice === 'joint'}
          onClick={() => choose('joint')}
        >
          {t('partnersPanel.joint')}
        </button>
      </div>
    </section>
  );
}
