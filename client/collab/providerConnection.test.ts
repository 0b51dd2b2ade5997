import { ObservableV2 } from 'lib0/observable';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '../../shared/protocol.js';
import { ProviderConnection } from './providerConnection.js';

type Events = {
  status: (e: { status: 'connected' | 'connecting' | 'disconnected' }) => void;
  sync: (synced: boolean) => void;
  'connection-close': (e: CloseEvent | null) => void;
};

/** Only what ProviderConnection reads: the provider's events and its reconnect switch. */
class FakeProvider extends ObservableV2<Events> {
  wsconnected = false;
  synced = false;
  shouldConnect = true;
}

let connection: ProviderConnection | null = null;
afterEach(() => connection?.destroy());

function setup() {
  const provider = new FakeProvider();
  connection = new ProviderConnection(provider as unknown as WebsocketProvider);
  const seen: string[] = [];
  connection.subscribe(() => seen.push(connection!.getSnapshot().state));
  return { provider, connection, seen };
}

describe('ProviderConnection', () => {
  it('follows the provider: connecting, connected after sync, reconnecting after a drop', () => {
    const { provider, connection: c, seen } = setup();
    expect(c.getSnapshot().state).toBe('connecting');
    provider.emit('status', [{ status: 'connected' }]);
    expect(seen).toEqual([]); // not yet synced: nothing new to show
    provider.emit('sync', [true]);
    expect(c.getSnapshot()).toEqual({ state: 'connected', reason: null, reconnecting: false });
    provider.emit('connection-close', [new CloseEvent('close', { code: 1006 })]);
    expect(c.getSnapshot()).toEqual({ state: 'connecting', reason: null, reconnecting: true });
    expect(provider.shouldConnect).toBe(true);
    expect(seen).toEqual(['connected', 'connecting']);
  });

  it('keeps the same snapshot object while nothing visible changes', () => {
    const { provider, connection: c } = setup();
    const first = c.getSnapshot();
    provider.emit('status', [{ status: 'connecting' }]);
    expect(c.getSnapshot()).toBe(first);
  });

  it('a refusing close code stops reconnecting and reports why', () => {
    const { provider, connection: c } = setup();
    provider.emit('connection-close', [new CloseEvent('close', { code: CloseCode.UNAUTHORIZED })]);
    expect(provider.shouldConnect).toBe(false);
    expect(c.getSnapshot()).toEqual({ state: 'refused', reason: 'unauthorized', reconnecting: false });
  });

  it('"slow down" is retried', () => {
    const { provider, connection: c } = setup();
    provider.emit('connection-close', [new CloseEvent('close', { code: CloseCode.SLOW_DOWN })]);
    expect(provider.shouldConnect).toBe(true);
    expect(c.getSnapshot().state).toBe('connecting');
  });

  it('goes offline and back with the browser', () => {
    const { provider, connection: c } = setup();
    provider.emit('status', [{ status: 'connected' }]);
    provider.emit('sync', [true]);
    window.dispatchEvent(new Event('offline'));
    expect(c.getSnapshot().state).toBe('offline');
    window.dispatchEvent(new Event('online'));
    expect(c.getSnapshot().state).toBe('connected');
  });
});
