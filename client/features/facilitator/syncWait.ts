import type { WebsocketProvider } from 'y-websocket';

/** How long an export waits for a partner map before it says the connection is too slow. */
export const SYNC_TIMEOUT_MS = 20_000;

/** Resolves when the provider has the server's state; rejects after `timeoutMs` without it. */
export function whenSynced(provider: WebsocketProvider, timeoutMs = SYNC_TIMEOUT_MS): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (isSynced: boolean) => {
      if (!isSynced) return;
      clearTimeout(timer);
      provider.off('sync', done);
      resolve();
    };
    const timer = setTimeout(() => {
      provider.off('sync', done);
      reject(new Error('not synced in time'));
    }, timeoutMs);
    provider.on('sync', done);
  });
}
