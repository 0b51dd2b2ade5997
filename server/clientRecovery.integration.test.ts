import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { RecoveringDoc } from '../client/collab/recoveringDoc.js';
import { openSyncedDoc, type SyncedDoc } from '../client/collab/syncedDoc.js';
import { LOCAL_USER } from '../shared/origins.js';
import { CloseCode } from '../shared/protocol.js';
import { readSession, setActiveColumns, setSessionPlan } from '../shared/session.js';
import { createWorkshop, startTestServer, waitFor } from './test/harness.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

// O2 in Node: the in-memory copy is dropped and reopened. Clearing the IndexedDB offline copy and the
// words shown to the person need a browser; they are not checked here.
describe('a refused write, seen from the client', () => {
  it('[G3][O2] the refused client drops its local change, opens the document afresh, and ends identical to everyone else', async () => {
    const app = await startTestServer();
    cleanup.push(() => app.close());
    const w = await createWorkshop(app.url);
    const origin = `ws://127.0.0.1:${app.port}`;
    // The real client code: openSyncedDoc (the upstream provider) wrapped in RecoveringDoc.
    const open = (token: string) => () => openSyncedDoc(w.id as never, 'session', token, null, { origin, WebSocketPolyfill: WebSocket });
    const facilitator = new RecoveringDoc(open(w.facilitatorToken));
    const participant = new RecoveringDoc(open(await w.participant('Pia')));
    cleanup.push(() => facilitator.destroy(), () => participant.destroy());
    let resets = 0;
    let refusedCode = 0;
    const watch = (d: SyncedDoc) => d.provider.on('connection-close', (e: CloseEvent | null) => (refusedCode = e?.code ?? refusedCode));
    watch(participant.current);
    participant.onReset((fresh) => {
      resets++;
      watch(fresh);
    });
    await waitFor(() => facilitator.current.provider.synced && participant.current.provider.synced, 'both synced');
    setSessionPlan(facilitator.current.doc, { mode: 'separate' }, LOCAL_USER);
    await waitFor(() => readSession(participant.current.doc).guided, 'participant sees the plan');

    // The participant's client writes the session anyway (a bug or a tampered client).
    setActiveColumns(participant.current.doc, ['values', 'relations', 'actions', 'conditions', 'steps'], LOCAL_USER);
    expect(readSession(participant.current.doc).active).toHaveLength(5);
    await waitFor(() => resets === 1, 'participant copy reset');
    expect(refusedCode).toBe(CloseCode.FORBIDDEN);
    await waitFor(() => participant.current.provider.synced, 'fresh copy synced');
    const json = (d: SyncedDoc) => JSON.stringify(d.doc.getMap('session').toJSON());
    await waitFor(() => json(participant.current) === json(facilitator.current), 'identical to the facilitator');
    expect(readSession(participant.current.doc).active).toEqual(['values']);
    // And it stays connected and in sync afterwards.
    setActiveColumns(facilitator.current.doc, ['relations'], LOCAL_USER);
    await waitFor(() => readSession(participant.current.doc).active[0] === 'relations', 'later changes arrive');
  });
});
