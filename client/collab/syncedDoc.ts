import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import type { WorkshopId } from '../../shared/ids.js';
import { isRetryableClose, MESSAGE_NOTICE, roomName, SYNC_PATH, type DocName } from '../../shared/protocol.js';
import { NoticeFeed, parseNotice } from './notices.js';
import { ProviderConnection } from './providerConnection.js';

/** One Yjs document of a workshop, kept in sync with the server. */
export interface SyncedDoc {
  doc: Y.Doc;
  awareness: Awareness;
  provider: WebsocketProvider;
  connection: ProviderConnection;
  notices: NoticeFeed;
  destroy(): void;
}

function wsOrigin(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

/** For use outside the page (Node tests): where the server is and which WebSocket to use. */
export interface OpenOptions {
  origin?: string;
  WebSocketPolyfill?: unknown;
}

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
  const provider = new WebsocketProvider((options.origin ?? wsOrigin()) + SYNC_PATH, roomName(workshopId, docName), doc, {
    params: { token },
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
  return {
    doc,
    awareness,
    provider,
    connection,
    notices,
    destroy() {
      connection.destroy();
      provider.destroy();
      notices.destroy();
      awareness.destroy();
      doc.destroy();
    },
  };
}
