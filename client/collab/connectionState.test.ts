import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol.js';
import { deriveConnection, type ConnectionFacts } from './connectionState.js';

const base: ConnectionFacts = {
  status: 'connecting',
  synced: false,
  online: true,
  refusedCode: null,
  everSynced: false,
};
const view = (patch: Partial<ConnectionFacts>) => deriveConnection({ ...base, ...patch });

describe('connection state mapping', () => {
  it('is "connecting" until the first sync, then "connected"', () => {
    expect(view({})).toEqual({ state: 'connecting', reason: null, reconnecting: false });
    expect(view({ status: 'connected' }).state).toBe('connecting');
    expect(view({ status: 'connected', synced: true }).state).toBe('connected');
  });

  it('after losing a synced connection it says "reconnecting"', () => {
    expect(view({ status: 'disconnected', everSynced: true })).toEqual({
      state: 'connecting',
      reason: null,
      reconnecting: true,
    });
  });

  it('is "offline" when the browser reports no network', () => {
    expect(view({ online: false, status: 'disconnected' }).state).toBe('offline');
  });

  it.each([
    [CloseCode.UNAUTHORIZED, 'unauthorized'],
    [CloseCode.FORBIDDEN, 'forbidden'],
    [CloseCode.NOT_FOUND, 'notFound'],
    [CloseCode.TOO_LARGE, 'tooLarge'],
    [CloseCode.MALFORMED, 'malformed'],
  ] as const)('close code %i is refused for good (%s), even when offline', (code, reason) => {
    expect(view({ refusedCode: code, online: false, status: 'disconnected' })).toEqual({
      state: 'refused',
      reason,
      reconnecting: false,
    });
  });

  it.each([CloseCode.SLOW_DOWN, CloseCode.GOING_AWAY, CloseCode.SERVER_ERROR])(
    'retryable code %i keeps reconnecting',
    (code) => {
      expect(view({ refusedCode: code, status: 'disconnected', everSynced: true }).state).toBe('connecting');
    },
  );
});
