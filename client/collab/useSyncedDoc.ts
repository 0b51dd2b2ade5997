import { useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { WorkshopId } from '../../shared/ids.js';
import type { DocName } from '../../shared/protocol.js';
import { DEFAULT_SESSION, readSession, type SessionState } from '../../shared/session.js';
import { readParticipants, type ParticipantEntry } from '../../shared/workshopDoc.js';
import { DocStore } from './docStore.js';
import { PAGE_NOTICE_EVENT, RecoveringDoc } from './recoveringDoc.js';
import { openSyncedDoc, type SyncedDoc } from './syncedDoc.js';

/**
 * Opens a workshop document for as long as the component is mounted (created in an effect so
 * StrictMode's double mount makes and destroys a real pair). Null until opened.
 */
export function useSyncedDoc(
  workshopId: WorkshopId,
  docName: DocName | null,
  token: string,
  awarenessState: Record<string, unknown> | null = null,
): SyncedDoc | null {
  const [synced, setSynced] = useState<SyncedDoc | null>(null);
  const stateKey = JSON.stringify(awarenessState);
  useEffect(() => {
    if (!docName) return;
    // A refused write swaps in a fresh copy (see RecoveringDoc); consumers re-render with it.
    const recovering = new RecoveringDoc(() => openSyncedDoc(workshopId, docName, token, JSON.parse(stateKey)));
    setSynced(recovering.current);
    const stop = recovering.onReset((fresh) => {
      setSynced(fresh);
      globalThis.dispatchEvent?.(new CustomEvent(PAGE_NOTICE_EVENT, { detail: { code: 'write-refused' } }));
    });
    return () => {
      stop();
      setSynced(null);
      recovering.destroy();
    };
  }, [workshopId, docName, token, stateKey]);
  return synced;
}

/** A DocStore over `doc` for the component's lifetime; `read` must be a stable function. */
export function useDocValue<T>(doc: Y.Doc | null | undefined, read: (doc: Y.Doc) => T, fallback: T): T {
  const [store, setStore] = useState<DocStore<T> | null>(null);
  useEffect(() => {
    if (!doc) return;
    const s = new DocStore(doc, read);
    setStore(s);
    return () => {
      setStore(null);
      s.destroy();
    };
  }, [doc, read]);
  return useSyncExternalStore(store?.subscribe ?? noopSubscribe, store?.getSnapshot ?? (() => fallback));
}

const noopSubscribe = () => () => {};

const EMPTY_PARTICIPANTS: ParticipantEntry[] = [];

/** The session state (steps, locks, timer, focus…) of an open `session` document. */
export function useSessionState(doc: Y.Doc | null | undefined): SessionState {
  return useDocValue(doc, readSession, DEFAULT_SESSION);
}

/** Everyone who joined, from an open `workshop` document. */
export function useParticipants(doc: Y.Doc | null | undefined): ParticipantEntry[] {
  return useDocValue(doc, readParticipants, EMPTY_PARTICIPANTS);
}
