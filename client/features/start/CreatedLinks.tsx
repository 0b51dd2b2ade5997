import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { participantPath } from '../../../shared/api.js';
import type { CreateWorkshopResponse } from '../../../shared/api.js';
import { rememberProjectorLink } from '../../lib/identity.js';
import { QrCode } from '../../ui/QrCode.js';
import { JOIN_CODE_ROUTE, navigate } from '../../lib/router.js';
import { CopyField } from '../../ui/CopyField.js';
import '../../styles/console.css';

/** The links of a workshop just made (or just imported from a backup: then everyone joins again). */
export function CreatedLinks({ created, imported = false }: { created: CreateWorkshopResponse; imported?: boolean }) {
  const { t } = useTranslation();
  const origin = window.location.origin;
  const participantUrl = origin + (created.participantPath || participantPath(created.id));
  const facilitatorUrl = origin + created.facilitatorPath;
  useEffect(() => {
    // The console in this browser can then offer the projector link too.
    if (created.projectorPath) rememberProjectorLink(created.id, created.projectorPath);
  }, [created.id, created.projectorPath]);
  return (
    <section
      className="panel created"
      data-testid="start.created"
      data-imported={imported || undefined}
      aria-labelledby="created-heading"
    >
      <h2 id="created-heading" tabIndex={-1}>
        {imported ? t('importWorkshop.createdHeading') : t('start.createdHeading')}
      </h2>
      {imported && (
        <p className="hint" data-testid="start.imported">
          {t('importWorkshop.createdHint')}
        </p>
      )}
      <CopyField
        label={t('start.participantLink')}
        hint={t('start.participantLinkHint')}
        value={participantUrl}
        testId="start.participantLink"
      />
      {created.joinCode && (
        <div className="invite-grid start-invite">
          <QrCode
            value={participantUrl}
            label={t('joinCode.qrLabel', { url: participantUrl })}
            testId="start.qr"
            className="qr-small"
          />
          <div>
            <p className="join-code-line">
              {t('joinCode.codeIs')}{' '}
              <strong className="join-code" data-testid="start.joinCode">
                {created.joinCode}
              </strong>
            </p>
            <p className="hint">{t('joinCode.howTo', { url: origin + JOIN_CODE_ROUTE })}</p>
          </div>
        </div>
      )}
      {created.projectorPath && (
        <CopyField
          label={t('console.links.projector')}
          hint={t('console.links.projectorHint')}
          value={origin + created.projectorPath}
          testId="start.projectorLink"
        />
      )}
      <div className="secret">
        <CopyField
          label={t('start.facilitatorLink')}
          hint={t('start.facilitatorWarning')}
          warn
          value={facilitatorUrl}
          testId="start.facilitatorLink"
        />
      </div>
      <button
        type="button"
        className="button button-primary"
        data-testid="start.openAsFacilitator"
        onClick={() => navigate(created.facilitatorPath)}
      >
        {t('start.openAsFacilitator')}
      </button>
    </section>
  );
}
