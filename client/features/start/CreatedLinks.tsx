import { useTranslation } from 'react-i18next';
import { participantPath } from '../../../shared/api.js';
import type { CreateWorkshopResponse } from '../../../shared/api.js';
import { navigate } from '../../app/router.js';
import { CopyField } from './CopyField.js';

export function CreatedLinks({ created }: { created: CreateWorkshopResponse }) {
  const { t } = useTranslation();
  const origin = window.location.origin;
  const participantUrl = origin + (created.participantPath || participantPath(created.id));
  const facilitatorUrl = origin + created.facilitatorPath;
  return (
    <section className="panel created" data-testid="start.created" aria-labelledby="created-heading">
      <h2 id="created-heading" tabIndex={-1}>
        {t('start.createdHeading')}
      </h2>
      <CopyField
        label={t('start.participantLink')}
        hint={t('start.participantLinkHint')}
        value={participantUrl}
        testId="start.participantLink"
      />
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
