import { useTranslation } from 'react-i18next';
import { participantPath } from '../../../shared/api.js';
import type { WorkshopId } from '../../../shared/ids.js';
import { LanguageSelect } from '../../ui/LanguageSelect.js';
import { CopyField } from '../../ui/CopyField.js';
import { ConnectionStatus } from './ConnectionStatus.js';
import { useMe } from '../../workshop/hooks.js';
import { PresenceList } from './PresenceList.js';
import { SessionTimer } from './session/SessionTimer.js';
import { UndoButtons } from './UndoButtons.js';
import type { CardActions } from './useCardActions.js';

interface Props {
  workshopId: WorkshopId;
  title: string;
  actions: CardActions;
}

export function MapHeader({ workshopId, title, actions }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <header className="map-header">
      <div className="map-title">
        <p className="site-name-small">{t('app.name')}</p>
        <h1 data-testid="map.title">{title}</h1>
        <p className="map-me">{t('map.youAre', { name: me.name })}</p>
      </div>
      <PresenceList />
      <div className="map-tools">
        <SessionTimer />
        <ConnectionStatus />
        {me.canEdit && <UndoButtons actions={actions} />}
        <LanguageSelect />
        {me.access === 'facilitator' && (
          <details className="invite" data-testid="map.invite">
            <summary>{t('facilitator.invite')}</summary>
            <div className="invite-body">
              <CopyField
                label={t('start.participantLink')}
                hint={t('facilitator.inviteHint')}
                value={window.location.origin + participantPath(workshopId)}
                testId="map.participantLink"
              />
            </div>
          </details>
        )}
      </div>
    </header>
  );
}
