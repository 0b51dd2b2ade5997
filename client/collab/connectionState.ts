import { CloseCode, isRetryableClose } from '../../shared/protocol.js';

/**
 * What the header shows about the sync connection, derived from raw provider facts by a pure
 * function so the mapping can be tested without sockets.
 */
export type ConnectionState = 'connected' | 'connecting' | 'offline' | 'refused';
export type RefusalReason = 'unauthorized' | 'forbidden' | 'notFound' | 'tooLarge' | 'malformed';

export interface ConnectionFacts {
  status: 'connected' | 'connecting' | 'disconnected';
  synced: boolean;
  /** navigator.onLine as last reported by the browser. */
  online: boolean;
  /** The close code that ended the connection for good, if any. */
  refusedCode: number | null;
  /** Whether this page was ever in sync: decides "connecting" versus "reconnecting". */
  everSynced: boolean;
}

export interface ConnectionView {
  state: ConnectionState;
  reason: RefusalReason | null;
  reconnecting: boolean;
}

export function refusalReason(code: number): RefusalReason {
  switch (code) {
    case CloseCode.UNAUTHORIZED:
      return 'unauthorized';
    case CloseCode.FORBIDDEN:
      return 'forbidden';
    case CloseCode.NOT_FOUND:
      return 'notFound';
    case CloseCode.TOO_LARGE:
      return 'tooLarge';
    default:
      return 'malformed';
  }
}

export function deriveConnection(f: ConnectionFacts): ConnectionView {
  if (f.refusedCode !== null && !isRetryableClose(f.refusedCode)) {
    return { state: 'refused', reason: refusalReason(f.refusedCode), reconnecting: false };
  }
  if (!f.online) return { state: 'offline', reason: null, reconnecting: false };
  // "Connected" only once the first sync finished: before that the map may still be incomplete.
  if (f.status === 'connected' && f.synced) return { state: 'connected', reason: null, reconnecting: false };
  return { state: 'connecting', reason: null, reconnecting: f.everSynced };
}

export function sameView(a: ConnectionView, b: ConnectionView): boolean {
  return a.state === b.state && a.reason === b.reason && a.reconnecting === b.reconnecting;
}

export interface ConnectionSource {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ConnectionView;
}

/** A fixed connection state, for tests and for views without a provider. */
export function staticConnection(view: ConnectionView): ConnectionSource {
  return { subscribe: () => () => {}, getSnapshot: () => view };
}
