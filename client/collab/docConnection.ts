import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { DocName, PresenceState } from '../../shared/protocol.js';
import type { ConnectionSource } from './connectionState.js';
import type { NoticeFeed } from './notices.js';

/**
 * One Yjs document of a workshop as the workshop object (client/workshop) sees it: the document, its
 * presence, how the connection is doing and what the server said. Kept free of the provider so the
 * workshop object and its tests never load y-websocket; `openSyncedDoc` is the live implementation.
 */
export interface DocConnection {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly connection: ConnectionSource;
  /** Notices (message type 7) the server sent about this document. */
  readonly notices: NoticeFeed;
  /** Has the server's state been received (since the last connect)? */
  isSynced(): boolean;
  /** Resolves the first time the document has the server's state; never rejects (callers time out). */
  whenSynced(): Promise<void>;
  /**
   * The server refused a write (close code FORBIDDEN or MALFORMED) after it had let this connection read: the copy
   * holds a change that will never be accepted. A refusal before anything was read means no access
   * at all and is not reported here (reopening would only be refused again).
   */
  onWriteRefused(listener: () => void): () => void;
  /** Throw away this device's offline copy (after a refused write). */
  clearLocalCopy(): Promise<void>;
  destroy(): void;
}

/** Opens one document of the workshop; `presence` is my awareness state from the first message on, or null. */
export type Connect = (name: DocName, presence: PresenceState | null) => DocConnection;
