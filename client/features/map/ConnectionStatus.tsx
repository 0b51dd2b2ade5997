import { useTranslation } from 'react-i18next';
import { connectionKey } from '../../ui/ConnectionIndicator.js';
import { useConnection } from './currentMap.js';

export function ConnectionStatus() {
  const { t } = useTranslation();
  const view = useConnection();
  return (
    <p
      className="connection"
      data-testid="connection.state"
      data-state={view.state}
      role="status"
      title={view.state === 'offline' ? t('connection.offlineHint') : undefined}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className="sr-only">{t('connection.label')}: </span>
      <span className="connection-text">{t(connectionKey(view))}</span>
    </p>
  );
}

/** A refused connection does not come back by itself: say why and offer the one thing that helps. */
export function ConnectionNotice({ onRejoin }: { onRejoin: () => void }) {
  const { t } = useTranslation();
  const view = useConnection();
  if (view.state === 'offline' || (view.state === 'connecting' && view.reconnecting)) {
    return (
      <p className="notice-bar" data-testid="connection.message" data-state={view.state}>
        {t(view.state === 'offline' ? 'connection.offlineHint' : 'connection.reconnectingHint')}
      </p>
    );
  }
  if (view.state !== 'refused' || !view.reason) return null;
  return (
    <div className="notice-bar notice-error" role="alert" data-testid="connection.message">
      <p>{t(`connection.${view.reason}`)}</p>
      {view.reason === 'unauthorized' ? (
        <button type="button" className="button" onClick={onRejoin}>
          {t('connection.rejoin')}
        </button>
      ) : (
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('connection.reload')}
        </button>
      )}
    </div>
  );
}
