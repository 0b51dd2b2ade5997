/**
 * Typed transaction origins. Yjs compares origins by identity, so the singletons below are the only
 * instances: an UndoManager tracks LOCAL_USER and nothing else; the server tags each connection with
 * its own ConnectionOrigin object and decides from the origin what is stored, broadcast or reverted.
 */
export type Origin =
  | { readonly kind: 'local-user' }
  | { readonly kind: 'seed' }
  | { readonly kind: 'server' }
  | { readonly kind: 'migration' }
  | ConnectionOrigin;

export interface ConnectionOrigin {
  readonly kind: 'connection';
  readonly connectionId: string;
}

export const LOCAL_USER: Origin = Object.freeze({ kind: 'local-user' });
export const SEED: Origin = Object.freeze({ kind: 'seed' });
export const SERVER: Origin = Object.freeze({ kind: 'server' });
export const MIGRATION: Origin = Object.freeze({ kind: 'migration' });

export function connectionOrigin(connectionId: string): ConnectionOrigin {
  return Object.freeze({ kind: 'connection', connectionId });
}
