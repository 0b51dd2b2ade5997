import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionSource, ConnectionView } from '../collab/connectionState.js';

/** The catalogue key that names a connection state (the same words as the map's header). */
export function connectionKey(view: ConnectionView): string {
  switch (view.state) {
    case 'connected':
      return 'connection.connected';
    case 'connecting':
      return view.reconnecting ? 'connection.reconnecting' : 'connection.connecting';
    case 'offline':
      return 'connection.offline';
    case 'refused':
      return 'connection.refused';
  }
}

/**
 * A small dot and word for screens that only watch (the projector): calm while connected, plain
 * words when the picture may be behind. Takes the connection as a source, not from a context.
 */
export function ConnectionIndicator({ source, className }: { source: ConnectionSource; className?: string }) {
  const { t } = useTranslation();
  const view = useSyncExternalStore(source.subscribe, source.getSnapshot);
  return (
    <p
      className={className ? `connection ${className}` : 'connection'}
      data-testid="connection.state"
      data-state={view.state}
      role="status"
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className="sr-only">{t('connection.label')}: </span>
      {t(connectionKey(view))}
    </p>
  );
}
