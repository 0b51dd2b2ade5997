import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participantPath } from '../../../shared/api.js';
import type { ParticipantEntry } from '../../../shared/workshopDoc.js';
import { api } from '../../lib/api.js';
import { QrCode } from '../../ui/QrCode.js';
import { JOIN_CODE_ROUTE } from '../../lib/router.js';
import { useParticipants } from '../../workshop/hooks.js';
import { PartnerBadge } from '../../ui/PartnerBadge.js';
import { CopyField } from '../../ui/CopyField.js';
import { Confirm, useFocusBackAfter } from '../../ui/Confirm.js';
import { useConsoleEnv } from './consoleEnv.js';
import { NewProjectorLink } from './NewProjectorLink.js';
import { usePresentIds } from './people.js';

/** Who joined (name, partner, role, present now), removing someone, and the ways to invite people. */
export function PeoplePanel() {
  const { t } = useTranslation();
  const { info } = useConsoleEnv();
  const all = useParticipants();
  const people = all.filter((p) => p.access === 'participant');
  const present = usePresentIds(people);
  const id = useId();
  const joined = people.filter((p) => !p.removed);
  const removed = people.filter((p) => p.removed);
  const partnerById = new Map(info.partners.map((p) => [p.id as string, p]));

  return (
    <div className="console-section-stack">
      <section aria-labelledby={`${id}-h`} className="console-section" data-testid="console.people">
        <h3 id={`${id}-h`}>{t('console.people.heading')}</h3>
        <p className="hint">{t('console.people.intro')}</p>
        <p className="console-now">
          {t('console.people.count', { count: joined.length, present: joined.filter((p) => present.has(p.id)).length })}
        </p>
        {joined.length === 0 ? (
          <p className="hint">{t('console.people.none')}</p>
        ) : (
          <ul className="people-list">
            {joined.map((p) => (
              <PersonRow
                key={p.id}
                person={p}
                present={present.has(p.id)}
                partnerName={partnerById.get(p.partner)?.name ?? ''}
                partnerColor={partnerById.get(p.partner)?.color ?? '#4d4d4d'}
              />
            ))}
          </ul>
        )}
        {removed.length > 0 && (
          <>
            <h4>{t('console.people.removedHeading')}</h4>
            <ul className="plain-list" data-testid="console.people.removed">
              {removed.map((p) => (
                <li key={p.id}>
                  {p.name} · {partnerById.get(p.partner)?.name ?? ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <InviteLinks />
    </div>
  );
}

function PersonRow({
  person,
  present,
  partnerName,
  partnerColor,
}: {
  person: ParticipantEntry;
  present: boolean;
  partnerName: string;
  partnerColor: string;
}) {
  const { t } = useTranslation();
  const { workshopId, token } = useConsoleEnv();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useFocusBackAfter(confirming, button);
  const remove = async () => {
    setBusy(true);
    setFailed(false);
    const r = await api.removeParticipant(workshopId, person.id, token);
    setBusy(false);
    if (r.kind === 'ok' || r.kind === 'notFound') setConfirming(false);
    else setFailed(true);
    // On success the server marks the person removed in the workshop document; this row then goes.
  };
  return (
    <li className="person" data-testid="console.person" data-person-id={person.id}>
      <div className="person-line">
        <span
          className="presence-dot"
          aria-hidden="true"
          style={{ backgroundColor: present ? '#2e7d32' : '#9aa0a6' }}
        />
        <strong>{person.name}</strong>
        {partnerName && <PartnerBadge name={partnerName} color={partnerColor} />}
        <span className="hint">
          {t(`roles.${person.role}`, { defaultValue: person.role })} ·{' '}
          <span data-testid="console.person.present">
            {present ? t('console.people.present') : t('console.people.away')}
          </span>
        </span>
      </div>
      {!confirming ? (
        <button
          ref={button}
          type="button"
          className="text-button danger"
          data-testid="console.person.remove"
          onClick={() => setConfirming(true)}
        >
          {t('console.people.remove', { name: person.name })}
        </button>
      ) : (
        <Confirm
          testId="console.person.remove"
          danger
          busy={busy}
          message={t('console.people.removeQuestion', { name: person.name })}
          confirmLabel={t('console.people.removeConfirm')}
          cancelLabel={t('console.cancel')}
          onConfirm={() => void remove()}
          onCancel={() => {
            setConfirming(false);
            setFailed(false);
          }}
        />
      )}
      {failed && (
        <p className="form-error" role="alert">
          {t('console.people.removeFailed')}
        </p>
      )}
    </li>
  );
}

/** Participant link, join code, QR code and projector link, for the facilitator to hand out. */
export function InviteLinks() {
  const { t } = useTranslation();
  const { workshopId, info, projectorLink } = useConsoleEnv();
  const id = useId();
  const origin = window.location.origin;
  const participantUrl = origin + participantPath(workshopId);
  const section = useRef<HTMLElement>(null);
  const [made, setMade] = useState(false);
  useEffect(() => {
    // The button that made the link is gone: put focus on the new link, ready to copy.
    if (made && projectorLink)
      section.current?.querySelector<HTMLInputElement>('[data-testid="console.projectorLink"]')?.focus();
  }, [made, projectorLink]);
  return (
    <section ref={section} aria-labelledby={`${id}-h`} className="console-section" data-testid="console.links">
      <h3 id={`${id}-h`}>{t('console.links.heading')}</h3>
      <div className="invite-grid">
        <QrCode
          value={participantUrl}
          label={t('joinCode.qrLabel', { url: participantUrl })}
          testId="console.qr"
          className="qr-small"
        />
        <div>
          <p className="join-code-line">
            {t('joinCode.codeIs')}{' '}
            <strong className="join-code" data-testid="console.joinCode">
              {info.joinCode}
            </strong>
          </p>
          <p className="hint">{t('joinCode.howTo', { url: origin + JOIN_CODE_ROUTE })}</p>
        </div>
      </div>
      <CopyField
        label={t('start.participantLink')}
        hint={t('facilitator.inviteHint')}
        value={participantUrl}
        testId="console.participantLink"
      />
      {projectorLink ? (
        <CopyField
          label={t('console.links.projector')}
          hint={t('console.links.projectorHint')}
          value={origin + projectorLink}
          testId="console.projectorLink"
        />
      ) : (
        <NewProjectorLink testId="console.projectorLink.unknown" onMade={() => setMade(true)} />
      )}
    </section>
  );
}
