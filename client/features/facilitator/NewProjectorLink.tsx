import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { useConsoleEnv } from './consoleEnv.js';

/**
 * When this browser does not know the projector link (it is shown only once, when the workshop is
 * made): make a new one. The server then stops every older projector link.
 */
export function NewProjectorLink({ testId, onMade }: { testId: string; onMade?: () => void }) {
  const { t } = useTranslation();
  const { workshopId, token, onProjectorLink } = useConsoleEnv();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const make = async () => {
    setBusy(true);
    setFailed(false);
    const r = await api.newProjectorLink(workshopId, token);
    setBusy(false);
    if (r.kind === 'ok' && typeof r.value?.projectorPath === 'string') {
      onProjectorLink(r.value.projectorPath);
      onMade?.();
    } else setFailed(true);
  };
  return (
    <div className="new-projector-link" data-testid={testId}>
      <p className="hint">{t('console.links.projectorUnknown')}</p>
      <p className="hint">{t('console.links.newHint')}</p>
      <button
        type="button"
        className="button"
        data-testid={`${testId}.make`}
        disabled={busy || !onProjectorLink}
        onClick={() => void make()}
      >
        {busy ? t('console.links.making') : t('console.links.new')}
      </button>
      {failed && (
        <p className="form-error" role="alert">
          {t('console.links.newFailed')}
        </p>
      )}
    </div>
  );
}
