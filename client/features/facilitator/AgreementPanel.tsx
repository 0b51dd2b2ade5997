import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_RULES, missingForAgreement, partnersPresent } from '../../../shared/agreement.js';
import type { CardId } from '../../../shared/ids.js';
import { updateCard } from '../../../shared/ops.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import { JOINT_MAP } from '../../../shared/protocol.js';
import type { CardSnapshot } from '../../../shared/readModel.js';
import { setAgreementRule } from '../../../shared/session.js';
import { useMap, useParticipants, usePartners, useSession, useSnapshotOf } from '../../workshop/hooks.js';
import { useConsoleEnv } from './consoleEnv.js';

/**
 * A card that was agreed and is open again [K3]: changed after it was agreed (the server opened it),
 * or set back to open. Its text may equal the agreed one again (the editor pressed undo); it still
 * needs the facilitator's agreement.
 */
const openAgain = (c: CardSnapshot) => c.status === 'open' && !!c.agreedVersion;

/**
 * Rule 5 in the console [K1]–[K4]: who decides agreement (a setting), per card of the joint map who
 * said "eens namens" for which partner, and the cards that changed after they were agreed, each
 * agreed again with one button.
 */
export function AgreementPanel() {
  const { t } = useTranslation();
  const id = useId();
  const { sessionDoc } = useConsoleEnv();
  const session = useSession();
  const partners = usePartners();
  const people = useParticipants();
  const joint = useMap(JOINT_MAP);
  const snapshot = useSnapshotOf(joint);
  const cards = useMemo(() => Object.values(snapshot.columns).flat(), [snapshot]);
  const changed = cards.filter(openAgain);
  const said = cards.filter((c) => Object.keys(c.agreedBy).length > 0 || c.status === 'agreed');
  const present = useMemo(() => partnersPresent(people, 'joint'), [people]);
  const partnerName = (p: string) => partners.get(p)?.name ?? p;
  const agreeAgain = (card: CardSnapshot) => {
    if (joint) updateCard(joint.doc, card.id as CardId, { status: 'agreed' }, LOCAL_USER);
  };

  return (
    <div className="console-section-stack" data-testid="console.agreement">
      <section aria-labelledby={`${id}-rule`} className="console-section">
        <h3 id={`${id}-rule`}>{t('console.agreement.ruleHeading')}</h3>
        <fieldset>
          <legend className="sr-only">{t('console.agreement.ruleHeading')}</legend>
          {AGREEMENT_RULES.map((rule) => (
            <label key={rule} className="radio-row">
              <input
                type="radio"
                name={`${id}-rule`}
                value={rule}
                data-testid={`console.agreement.rule.${rule}`}
                checked={session.agreementRule === rule}
                onChange={() => setAgreementRule(sessionDoc, rule, LOCAL_USER)}
              />{' '}
              {t(`console.agreement.rule.${rule}`)}
            </label>
          ))}
        </fieldset>
        {session.agreementRule === 'consensus' && (
          <p className="hint">{t('console.agreement.present', { list: present.map(partnerName).join(', ') || '—' })}</p>
        )}
      </section>

      <section aria-labelledby={`${id}-changed`} className="console-section">
        <h3 id={`${id}-changed`}>{t('console.agreement.changedHeading')}</h3>
        {changed.length === 0 ? (
          <p className="hint">{t('console.agreement.changedNone')}</p>
        ) : (
          <ul className="plain-list" data-testid="console.agreement.changed">
            {changed.map((c) => {
              const missing = missingForAgreement(c);
              return (
                <li key={c.id} data-testid="console.agreement.changedCard" data-card-id={c.id}>
                  <p>{t('console.agreement.now', { text: c.plainText })}</p>
                  <p className="hint">{t('console.agreement.was', { text: c.agreedVersion?.text ?? '' })}</p>
                  <button
                    type="button"
                    className="button button-small button-primary"
                    data-testid="console.agreement.reagree"
                    disabled={missing.length > 0}
                    onClick={() => agreeAgain(c)}
                  >
                    {t('console.agreement.reagree')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${id}-said`} className="console-section">
        <h3 id={`${id}-said`}>{t('console.agreement.saidHeading')}</h3>
        {said.length === 0 ? (
          <p className="hint">{t('console.agreement.saidNone')}</p>
        ) : (
          <ul className="plain-list" data-testid="console.agreement.said">
            {said.map((c) => (
              <li key={c.id} data-testid="console.agreement.card" data-card-id={c.id} data-status={c.status}>
                <p>
                  <strong>{c.plainText || '…'}</strong> ({t(`method.status.${c.status}`)})
                </p>
                <p className="hint">
                  {Object.keys(c.agreedBy).length
                    ? t('console.agreement.saidBy', {
                        list: Object.entries(c.agreedBy)
                          .map(([p, a]) => t('console.agreement.saidFor', { partner: partnerName(p), name: a.name }))
                          .join('; '),
                      })
                    : t('console.agreement.saidByNobody')}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
