import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { WorkshopId } from '../../shared/ids.js';
import {
  CloseCode,
  isRetryableClose,
  MESSAGE_NOTICE,
  MESSAGE_SYNC,
  roomName,
  SYNC_PATH,
  type DocName,
  type PresenceState,
} from '../../shared/protocol.js';
import type { Connect, DocConnection } from './docConnection.js';
import { NoticeFeed } from './notices.js';
import { readNotice } from '../../shared/notices.js';
import { offlineCopyName } from './offlineCopies.js';
import { ProviderConnection } from './providerConnection.js';

function wsOrigin(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

/** For use outside the page (Node tests): where the server is and which WebSocket to use. */
export interface OpenOptions {
  origin?: string;
  WebSocketPolyfill?: unknown;
  /** Keep an offline copy in IndexedDB (default: wherever IndexedDB exists, i.e. in the browser). */
  offline?: boolean;
}

/**
 * The only place that creates a provider: one workshop document kept in sync with the server, with
 * its offline copy and the server's notices. Presence is set before connecting so the first
 * awareness message already says who we are; documents without presence pass null.
 */
export function openSyncedDoc(
  workshopId: WorkshopId,
  docName: DocName,
  token: string,
  presence: PresenceState | null = null,
  options: OpenOptions = {},
): DocConnection {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState(presence);
  const offline =
    (options.offline ?? typeof indexedDB !== 'undefined')
      ? new IndexeddbPersistence(offlineCopyName(workshopId, docName), doc)
      : null;
  const provider = new WebsocketProvider(
    (options.origin ?? wsOrigin()) + SYNC_PATH,
    roomName(workshopId, docName),
    doc,
    {
      params: { token },
      // With an offline copy, connect only after it has loaded: edits made offline (also in a tab that
      // was closed since) are then part of the first sync and reach the server.
      connect: offline === null,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill as typeof WebSocket } : {}),
      awareness,
      // Every update must pass the server (permissions, persistence, echo as acknowledgement);
      // the cross-tab channel would let tabs exchange edits behind its back.
      disableBc: true,
      shouldReconnect: (event) => isRetryableClose(event.code),
    },
  );
  const connection = new ProviderConnection(provider);
  const notices = new NoticeFeed();
  // The server's own message type; without a handler the provider would log it as unknown.
  provider.messageHandlers[MESSAGE_NOTICE] = (_encoder, decoder) => {
    const notice = readNotice(decoder);
    if (notice) notices.emit(notice);
  };
  // The server sends sync step 1 only to a connection it lets read: a refusal after that is a refused write.
  let readThisConnection = false;
  const syncHandler = provider.messageHandlers[MESSAGE_SYNC];
  provider.messageHandlers[MESSAGE_SYNC] = (...args) => {
    readThisConnection = true;
    syncHandler(...args);
  };
  const refusedListeners = new Set<() => void>();
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connecting') readThisConnection = false;
  };
  const onClose = (event: CloseEvent | null) => {
    // 4403 (not allowed) and 4400 (outside the layout, T6) both refuse the whole update: an honest
    // client gets them from a bug or an older version of this page, and recovers the same way (T14).
    const refused = event?.code === CloseCode.FORBIDDEN || event?.code === CloseCode.MALFORMED;
    if (!refused || !readThisConnection) return;
    readThisConnection = false;
    // After the provider's own close handling has run.
    setTimeout(() => refusedListeners.forEach((l) => l()), 0);
  };
  provider.on('status', onStatus);
  provider.on('connection-close', onClose);
  let destroyed = false;
  if (offline) {
    void offline.whenSynced.then(() => {
      if (!destroyed) provider.connect();
    });
  }
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) return resolve();
    const done = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off('sync', done);
      resolve();
    };
    provider.on('sync', done);
  });
  return {
    doc,
    awareness,
    connection,
    notices,
    isSynced: () => provider.synced,
    whenSynced: () => synced,
    onWriteRefused(listener) {
      refusedListeners.add(listener);
      return () => refusedListeners.delete(listener);
    },
    clearLocalCopy: async () => {
      await offline?.clearData();
    },
    destroy() {
      destroyed = true;
      refusedListeners.clear();
      provider.off('status', onStatus);
      provider.off('connection-close', onClose);
      connection.destroy();
      provider.destroy();
      void offline?.destroy();
      notices.destroy();
      awareness.destroy();
      doc.destroy();
    },
  };
}

/** Every document of one workshop, opened with one person's token. */
export function serverConnector(workshopId: WorkshopId, token: string, options: OpenOptions = {}): Connect {
  return (name, presence) => openSyncedDoc(workshopId, name, token, presence, options);
}
