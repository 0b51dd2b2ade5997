import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCAL_USER } from '../../../shared/origins.js';
import type { ParticipantEntry } from '../../../shared/workshopDoc.js';
import { setDraftsReadable } from '../../../shared/workshopSettings.js';
import { api } from '../../lib/api.js';
import { useWorkshopSettings } from '../../workshop/hooks.js';
import { useConsoleEnv } from './consoleEnv.js';

/** How often the console asks for the counts while people write alone (a count, not the drafts). */
const POLL_MS = 3000;

/**
 * [H6] Per person, how many private drafts are waiting (from the server's count, never the drafts
 * themselves), and the workshop setting whether the facilitator may read them before the reveal.
 */
export function DraftCounts({ people }: { people: readonly ParticipantEntry[] }) {
  const { t } = useTranslation();
  const { workshopId, token, sessionDoc } = useConsoleEnv();
  const { draftsReadable } = useWorkshopSettings();
  const [counts, setCounts] = useState<Record<string, number>>({});
  useEffect(() => {
    let live = true;
    const ask = async () => {
      const r = await api.draftCounts(workshopId, token);
      if (live && r.kind === 'ok') setCounts(r.value.counts);
    };
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [workshopId, token]);
  return (
    <div className="console-drafts" data-testid="console.draftCounts">
      <ul className="plain-list">
        {people
          .filter((p) => !p.noDevice)
          .map((p) => (
            <li key={p.id} data-testid="console.draftCount" data-person-id={p.id}>
              {t('authorship.drafts.count', { count: counts[p.id] ?? 0, name: p.name })}
            </li>
          ))}
      </ul>
      <label className="check">
        <input
          type="checkbox"
          data-testid="console.drafts.readable"
          checked={draftsReadable}
          onChange={(e) => setDraftsReadable(sessionDoc, e.target.checked, LOCAL_USER)}
        />
        {t('authorship.drafts.readable')}
      </label>
      {!draftsReadable && <p className="hint">{t('authorship.drafts.countsOnly')}</p>}
    </div>
  );
}
