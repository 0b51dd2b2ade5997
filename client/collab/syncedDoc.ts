import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { WorkshopId } from '../../shared/ids.js';
import { isRetryableClose, MESSAGE_NOTICE, roomName, SYNC_PATH, type DocName } from '../../shared/protocol.js';
import { NoticeFeed, parseNotice } from './notices.js';
import { offlineCopyName } from './offlineCopies.js';
import { ProviderConnection } from './providerConnection.js';

/** One Yjs document of a workshop, kept in sync with the server. */
export interface SyncedDoc {
  doc: Y.Doc;
  awareness: Awareness;
  provider: WebsocketProvider;
  connection: ProviderConnection;
  notices: NoticeFeed;
  /** Throw away this device's offline copy (after a refused write, or when a workshop is deleted). */
  clearLocalCopy(): Promise<void>;
  destroy(): void;
}

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

export { offlineCopyName } from './offlineCopies.js';

/**
 * The only place that creates a provider. `awarenessState` is set before connecting so the first
 * awareness message already says who we are; documents without presence pass null.
 */
export function openSyncedDoc(
  workshopId: WorkshopId,
  docName: DocName,
  token: string,
  awarenessState: Record<string, unknown> | null = null,
  options: OpenOptions = {},
): SyncedDoc {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState(awarenessState);
  const offline = (options.offline ?? typeof indexedDB !== 'undefined') ? new IndexeddbPersistence(offlineCopyName(workshopId, docName), doc) : null;
  const provider = new WebsocketProvider((options.origin ?? wsOrigin()) + SYNC_PATH, roomName(workshopId, docName), doc, {
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
  });
  const connection = new ProviderConnection(provider);
  const notices = new NoticeFeed();
  // The server's own message type; without a handler the provider would log it as unknown.
  provider.messageHandlers[MESSAGE_NOTICE] = (_encoder, decoder) => {
    const notice = parseNotice(decoding.readVarString(decoder));
    if (notice) notices.emit(notice);
  };
  let destroyed = false;
  if (offline) {
    void offline.whenSynced.then(() => {
      if (!destroyed) provider.connect();
    });
  }
  return {
    doc,
    awareness,
    provider,
    connection,
    notices,
    clearLocalCopy: async () => {
      await offline?.clearData();
    },
    destroy() {
      destroyed = true;
      connection.destroy();
      provider.destroy();
      void offline?.destroy();
      notices.destroy();
      awareness.destroy();
      doc.destroy();
    },
  };
}

