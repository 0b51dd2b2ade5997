import { useTranslation } from 'react-i18next';
import { participantPath } from '../../../shared/api.js';
import type { WorkshopId } from '../../../shared/ids.js';
import { CopyField } from '../../ui/CopyField.js';
import { Disclosure } from '../../ui/Disclosure.js';
import { LanguageSelect } from '../../ui/LanguageSelect.js';
import { useMe } from '../../workshop/hooks.js';
import { ConnectionStatus } from './ConnectionStatus.js';
import { PresenceList } from './PresenceList.js';
import { SessionTimer } from './session/SessionTimer.js';
import { UndoButtons } from './UndoButtons.js';
import type { CardActions } from './useCardActions.js';

interface Props {
  workshopId: WorkshopId;
  title: string;
  actions: CardActions;
}

/**
 * The map's header, sticky so the timer never scrolls away. On a phone it is two short rows (U9):
 * the title on one line with the menu (undo, redo, language), then timer, connection and the count of
 * people present, which opens the list. On wider screens the menu's contents stand in the header.
 */
export function MapHeader({ workshopId, title, actions }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <header className="map-header" data-testid="map.header">
      <div className="map-title">
        <p className="site-name-small">{t('app.name')}</p>
        <h1 data-testid="map.title" title={title}>
          {title}
        </h1>
        <p className="map-me">{t('map.youAre', { name: me.name })}</p>
      </div>
      <div className="map-status">
        <SessionTimer />
        <ConnectionStatus />
        <PresenceList />
      </div>
      <Disclosure
        id="map-menu"
        testId="map.menu"
        className="map-menu"
        summary={
          <>
            <span className="menu-icon" aria-hidden="true" />
            {t('map.menu')}
          </>
        }
      >
        <div className="map-tools">
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
      </Disclosure>
    </header>
  );
}
