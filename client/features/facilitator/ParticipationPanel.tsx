import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCAL_USER } from '../../../shared/origins.js';
import { JOINT_MAP } from '../../../shared/protocol.js';
import { computeParticipation, isContributor, type Contribution } from '../../../shared/participation.js';
import { setRound } from '../../../shared/session.js';
import { useMapSnapshot } from '../../workshop/hooks.js';
import { useParticipants, useSession } from '../../workshop/hooks.js';
import { useLang } from '../../i18n/index.js';
import { PartnerBadge } from '../../ui/PartnerBadge.js';
import { useConsoleEnv } from './consoleEnv.js';
import { activeParticipants, groupedByPartner, usePresentIds } from './people.js';
import { stepsLabel } from '../../ui/sessionText.js';

const KEYS: (keyof Contribution)[] = ['cards', 'edits', 'support', 'arguments'];
const EMPTY: Contribution = { cards: 0, edits: 0, support: 0, arguments: 0 };

/**
 * Rule 2 (being present is not enough): what each person and partner contributed to the current step,
 * who has not contributed yet (shown here only, never on the projector), and a round in turn.
 */
export function ParticipationPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const { sessionDoc, info } = useConsoleEnv();
  const session = useSession();
  const all = useParticipants();
  const snapshot = useMapSnapshot(JOINT_MAP);
  const id = useId();
  const people = useMemo(() => groupedByPartner(activeParticipants(all), info.partners), [all, info.partners]);
  const present = usePresentIds(people);
  const partnerOf = useMemo(() => {
    const m = new Map(all.map((p) => [p.id, p.partner]));
    return (personId: string) => m.get(personId) ?? '';
  }, [all]);
  const participation = useMemo(
    () => computeParticipation(snapshot, session.active, partnerOf),
    [snapshot, session.active, partnerOf],
  );
  const notYet = people.filter((p) => !isContributor(participation.byPerson.get(p.id)));
  const partners = info.partners;
  const nameOf = (pid: string) => all.find((p) => p.id === pid)?.name ?? t('console.people.unknown');

  const round = session.round;
  const startRound = () => {
    const here = people.filter((p) => present.has(p.id));
    const order = (here.length ? here : people).map((p) => p.id);
    if (order.length) setRound(sessionDoc, { order, index: 0 }, LOCAL_USER);
  };
  const nextTurn = () => {
    if (!round) return;
    if (round.index + 1 >= round.order.length) setRound(sessionDoc, null, LOCAL_USER);
    else setRound(sessionDoc, { ...round, index: round.index + 1 }, LOCAL_USER);
  };

  return (
    <div className="console-section-stack" data-testid="console.participation">
      <section aria-labelledby={`${id}-h`} className="console-section">
        <h3 id={`${id}-h`}>{t('console.participation.heading')}</h3>
        <p className="hint">{t('console.participation.intro')}</p>
        <p className="console-now">{t('console.participation.for', { step: stepsLabel(t, lang, session.active) })}</p>

        <h4>{t('console.participation.notYetHeading')}</h4>
        {people.length === 0 ? (
          <p className="hint">{t('console.participation.nobody')}</p>
        ) : notYet.length === 0 ? (
          <p data-testid="console.notContributed" data-count={0}>
            {t('console.participation.everyone')}
          </p>
        ) : (
          <ul className="plain-list not-contributed" data-testid="console.notContributed" data-count={notYet.length}>
            {notYet.map((p) => (
              <li key={p.id} data-testid="console.notContributed.person">
                {p.name}
                {partners.find((x) => x.id === p.partner) && <> · {partners.find((x) => x.id === p.partner)!.name}</>}
                {present.has(p.id) ? '' : ` (${t('console.people.away')})`}
              </li>
            ))}
          </ul>
        )}

        {people.length > 0 && (
          <div className="table-wrap" role="region" aria-labelledby={`${id}-people`} tabIndex={0}>
            <table className="console-table" data-testid="console.participation.people">
              <caption id={`${id}-people`}>{t('console.participation.perPerson')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('console.participation.name')}</th>
                  {KEYS.map((k) => (
                    <th key={k} scope="col">
                      {t(`console.participation.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {people.map((p) => {
                  const c = participation.byPerson.get(p.id) ?? EMPTY;
                  return (
                    <tr key={p.id} data-contributed={isContributor(c) || undefined}>
                      <th scope="row">{p.name}</th>
                      {KEYS.map((k) => (
                        <td key={k}>{c[k]}</td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}

        {partners.length > 0 && (
          <div className="table-wrap" role="region" aria-labelledby={`${id}-partners`} tabIndex={0}>
            <table className="console-table" data-testid="console.participation.partners">
              <caption id={`${id}-partners`}>{t('console.participation.perPartner')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('console.participation.partner')}</th>
                  {KEYS.map((k) => (
                    <th key={k} scope="col">
                      {t(`console.participation.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {partners.map((p) => {
                  const c = participation.byPartner.get(p.id) ?? EMPTY;
                  return (
                    <tr key={p.id}>
                      <th scope="row">
                        <PartnerBadge name={p.name} color={p.color} />
                      </th>
                      {KEYS.map((k) => (
                        <td key={k}>{c[k]}</td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby={`${id}-round`} className="console-section" data-testid="console.round">
        <h3 id={`${id}-round`}>{t('console.round.heading')}</h3>
        <p className="hint">{t('console.round.intro')}</p>
        {!round ? (
          <button
            type="button"
            className="button"
            data-testid="console.round.start"
            disabled={people.length === 0}
            onClick={startRound}
          >
            {t('console.round.start')}
          </button>
        ) : (
          <>
            <p className="console-now" data-testid="console.round.current">
              {t('console.round.turn', {
                name: nameOf(round.order[round.index] ?? ''),
                n: Math.min(round.index + 1, round.order.length),
                total: round.order.length,
              })}
            </p>
            {round.index + 1 < round.order.length && (
              <p className="hint">{t('console.round.after', { name: nameOf(round.order[round.index + 1]) })}</p>
            )}
            <div className="button-row">
              <button
                type="button"
                className="button button-primary"
                data-testid="console.round.next"
                onClick={nextTurn}
              >
                {round.index + 1 < round.order.length ? t('console.round.next') : t('console.round.finish')}
              </button>
              <button
                type="button"
                className="button button-quiet"
                data-testid="console.round.stop"
                onClick={() => setRound(sessionDoc, null, LOCAL_USER)}
              >
                {t('console.round.stop')}
              </button>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
