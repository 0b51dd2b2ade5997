import type { WebsocketProvider } from 'y-websocket';
import { isRetryableClose } from '../../shared/protocol.js';
import {
  deriveConnection,
  sameView,
  type ConnectionFacts,
  type ConnectionSource,
  type ConnectionView,
} from './connectionState.js';

/** Collects the provider's events into ConnectionFacts and publishes a cached ConnectionView. */
export class ProviderConnection implements ConnectionSource {
  private facts: ConnectionFacts;
  private view: ConnectionView;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly provider: WebsocketProvider) {
    this.facts = {
      status: provider.wsconnected ? 'connected' : 'connecting',
      synced: provider.synced,
      online: typeof navigator === 'undefined' ? true : navigator.onLine !== false,
      refusedCode: null,
      everSynced: provider.synced,
    };
    this.view = deriveConnection(this.facts);
    provider.on('status', this.onStatus);
    provider.on('sync', this.onSync);
    provider.on('connection-close', this.onClose);
    // Absent outside a browser (the Node integration tests use this class too).
    globalThis.window?.addEventListener('online', this.onOnline);
    globalThis.window?.addEventListener('offline', this.onOffline);
  }

  private update(patch: Partial<ConnectionFacts>): void {
    this.facts = { ...this.facts, ...patch };
    const next = deriveConnection(this.facts);
    if (sameView(next, this.view)) return;
    this.view = next;
    for (const l of this.listeners) l();
  }

  private onStatus = ({ status }: { status: 'connected' | 'connecting' | 'disconnected' }) => this.update({ status });
  private onSync = (synced: boolean) => this.update(synced ? { synced, everSynced: true } : { synced });
  private onClose = (event: CloseEvent | null) => {
    const code = event?.code;
    if (typeof code === 'number' && !isRetryableClose(code)) {
      // Belt and braces next to shouldReconnect: a refused token must not hammer the server.
      this.provider.shouldConnect = false;
      this.update({ refusedCode: code, status: 'disconnected', synced: false });
    } else {
      this.update({ status: 'disconnected', synced: false });
    }
  };
  private onOnline = () => this.update({ online: true });
  private onOffline = () => this.update({ online: false });

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.view;

  destroy(): void {
    this.provider.off('status', this.onStatus);
    this.provider.off('sync', this.onSync);
    this.provider.off('connection-close', this.onClose);
    globalThis.window?.removeEventListener('online', this.onOnline);
    globalThis.window?.removeEventListener('offline', this.onOffline);
    this.listeners.clear();
  }
}
