import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMNS } from '../../../shared/columns.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import { requestReveal, setPhase, type SessionState } from '../../../shared/session.js';
import { useDoc, useParticipants, useSnapshotOf, useWorkshopSettings } from '../../workshop/hooks.js';
import { DraftCounts } from './DraftCounts.js';
import { useLang } from '../../i18n/index.js';
import { Confirm, useFocusBackAfter } from '../../ui/Confirm.js';
import { useConsoleEnv } from './consoleEnv.js';
import { activeParticipants, usePresentIds } from './people.js';
import { draftsName } from '../../../shared/docName.js';
import type { ParticipantId } from '../../../shared/ids.js';

/** Write alone first, then reveal everything at once (the server moves the private cards into the map). */
export function PrivateWriting({ session }: { session: SessionState }) {
  const { t } = useTranslation();
  const { sessionDoc } = useConsoleEnv();
  const participants = activeParticipants(useParticipants());
  const present = usePresentIds(participants);
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const [looking, setLooking] = useState<string | null>(null);
  const revealButton = useRef<HTMLButtonElement>(null);
  const isPrivate = session.phase === 'private';
  const { draftsReadable } = useWorkshopSettings();

  useFocusBackAfter(confirming, revealButton);
  const closeConfirm = () => setConfirming(false);
  const reveal = () => {
    requestReveal(sessionDoc, LOCAL_USER);
    setConfirming(false);
    setRevealed(true);
    setLooking(null);
  };

  return (
    <section aria-labelledby={`${id}-h`} className="console-section" data-testid="console.private">
      <h3 id={`${id}-h`}>{t('console.private.heading')}</h3>
      <p className="hint">{t('console.private.intro')}</p>
      <label className="check">
        <input
          type="checkbox"
          data-testid="console.phase.private"
          checked={isPrivate}
          disabled={!session.guided}
          aria-describedby={!session.guided ? `${id}-needs-start` : undefined}
          onChange={(e) => {
            setRevealed(false);
            setPhase(sessionDoc, e.target.checked ? 'private' : 'together', LOCAL_USER);
          }}
        />
        {t('console.private.toggle')}
      </label>
      {!session.guided && (
        <p className="hint" id={`${id}-needs-start`}>
          {t('console.private.needsStart')}
        </p>
      )}
      {isPrivate && (
        <p className="console-state" data-testid="console.private.state">
          {t('console.private.on', { count: participants.filter((p) => present.has(p.id)).length })}
        </p>
      )}
      {!confirming ? (
        <button
          ref={revealButton}
          type="button"
          className={isPrivate ? 'button button-primary' : 'button'}
          data-testid="console.reveal"
          onClick={() => {
            setRevealed(false);
            setConfirming(true);
          }}
        >
          {t('console.private.reveal')}
        </button>
      ) : (
        <Confirm
          testId="console.reveal"
          message={t('console.private.revealQuestion')}
          confirmLabel={t('console.private.revealConfirm')}
          cancelLabel={t('console.cancel')}
          onConfirm={reveal}
          onCancel={closeConfirm}
        />
      )}
      <p role="status" className="console-state">
        {revealed ? t('console.private.revealed') : ''}
      </p>
      {isPrivate && participants.length > 0 && <DraftCounts people={participants} />}
      {isPrivate && participants.length > 0 && draftsReadable && (
        <div className="console-drafts">
          <h4>{t('console.private.lookHeading')}</h4>
          <p className="hint">{t('console.private.lookHint')}</p>
          <ul className="plain-list">
            {participants.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className="text-button"
                  data-testid="console.drafts.open"
                  aria-expanded={looking === p.id}
                  onClick={() => setLooking(looking === p.id ? null : p.id)}
                >
                  {t('console.private.look', { name: p.name })}
                </button>
                {present.has(p.id) && <span className="hint"> · {t('console.people.present')}</span>}
                {looking === p.id && <DraftsViewer participantId={p.id} name={p.name} />}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** One person's private cards, read-only: the `drafts:<id>` document is opened only while this shows. */
function DraftsViewer({ participantId, name }: { participantId: string; name: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const drafts = useDoc(draftsName(participantId as ParticipantId))?.map ?? null;
  const snapshot = useSnapshotOf(drafts);
  if (!drafts) return null;
  return (
    <div className="drafts-view" data-testid="console.drafts">
      <p>{t('console.private.draftCount', { count: snapshot.cardCount, name })}</p>
      {COLUMNS.filter((c) => snapshot.columns[c.id].length > 0).map((c) => (
        <div key={c.id}>
          <h5>{c.label[lang]}</h5>
          <ul>
            {snapshot.columns[c.id].map((card) => (
              <li key={card.id} className="pre-line">
                {card.plainText || t('card.emptyText')}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
