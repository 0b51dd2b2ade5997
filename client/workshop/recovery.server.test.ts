import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { CreateWorkshopResponse, WorkshopInfo } from '../../shared/api.js';
import { getCards } from '../../shared/cardSchema.js';
import { createCard } from '../../shared/ops.js';
import { LOCAL_USER } from '../../shared/origins.js';
import type { DocName } from '../../shared/protocol.js';
import { readSession, setActiveColumns, setSessionPlan, setStage } from '../../shared/session.js';
import { api, connectClient, startTestServer, waitFor } from '../../server/test/harness.js';
import { serverConnector } from '../collab/syncedDoc.js';
import type { Who } from './me.js';
import { Workshop, type WorkshopNotice } from './Workshop.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/**
 * A network this test can cut: while it is down, new sockets go to a closed port (the provider keeps
 * retrying, as in a browser without network) and live ones are cut off.
 */
function cuttableNetwork() {
  const live = new Set<WebSocket>();
  const net = { down: false };
  class NetSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(net.down ? 'ws://127.0.0.1:9/' : url, protocols);
      live.add(this);
      this.on('close', () => live.delete(this));
      // A refused connection while down is just an offline attempt.
      this.on('error', () => {});
    }
  }
  return {
    Socket: NetSocket,
    cut() {
      net.down = true;
      for (const ws of live) ws.terminate();
    },
    restore() {
      net.down = false;
    },
  };
}

async function partnersFirstWorkshop() {
  const app = await startTestServer();
  cleanup.push(() => app.close());
  const created = await api<CreateWorkshopResponse>(app.url, 'POST', '/api/workshops', {
    title: 'Eerst apart',
    partners: ['Zorg', 'Gemeente'],
    flow: 'partners-first',
  });
  const info = (await api<WorkshopInfo>(app.url, 'GET', `/api/workshops/${created.body.id}`)).body;
  const join = async (name: string, partner: string) =>
    (
      await api<{ token: string; participantId: string }>(app.url, 'POST', `/api/workshops/${info.id}/participants`, {
        name,
        partner,
        role: 'professional',
      })
    ).body;
  const origin = `ws://127.0.0.1:${app.port}`;
  const workshopFor = (who: Who, token: string, Socket: unknown = WebSocket) => {
    const w = new Workshop({
      info,
      who,
      connect: serverConnector(info.id, token, { origin, WebSocketPolyfill: Socket, offline: false }),
      clock: { now: Date.now },
    });
    cleanup.push(() => w.destroy());
    return w;
  };
  /** What the server holds now, read by a fresh client. */
  const serverState = async (doc: DocName, token: string) => {
    const c = connectClient(app.port, info.id, doc, token);
    cleanup.push(() => c.destroy());
    await waitFor(() => c.provider.synced, `${doc} read from the server`);
    return c.doc;
  };
  return { app, info, join, workshopFor, serverState, facilitatorToken: created.body.facilitatorToken };
}

const facilitatorWho: Who = {
  participantId: 'f',
  name: 'Begeleider',
  partner: '',
  role: 'facilitator',
  access: 'facilitator',
};

describe('the workshop object over a real server', () => {
  it('[W6][O2] a partner map edited offline that turned read-only (mixed stage) recovers on reconnect: copy dropped, resynced, identical to the server, user told', async () => {
    const { info, join, workshopFor, serverState, facilitatorToken } = await partnersFirstWorkshop();
    const zorg = info.partners.find((p) => p.name === 'Zorg')!.id;
    const fatima = await join('Fatima', zorg);
    const net = cuttableNetwork();
    const mine = workshopFor(
      {
        participantId: fatima.participantId,
        name: 'Fatima',
        partner: zorg,
        role: 'professional',
        access: 'participant',
      },
      fatima.token,
      net.Socket,
    );
    const notices: WorkshopNotice[] = [];
    mine.onNotice((n) => notices.push(n));
    const mapName: DocName = `map:${zorg}`;
    mine.hold(mapName, { presence: true });
    const map = () => mine.get(mapName)!;
    await waitFor(() => map().isSynced(), 'my partner map synced');
    const accepted = createCard(
      map().doc,
      {
        column: 'values',
        author: fatima.participantId as never,
        authorName: 'Fatima',
        partner: zorg as never,
        text: 'online geschreven',
      },
      LOCAL_USER,
    );
    await waitFor(() => !!map().map && map().connection.getSnapshot().state === 'connected', 'connected');
    const facilitator = workshopFor(facilitatorWho, facilitatorToken);
    facilitator.hold(mapName);
    await waitFor(
      () => !!facilitator.get(mapName)?.isSynced() && getCards(facilitator.get(mapName)!.doc).has(accepted),
      'the card reached the server',
    );

    // Offline: Fatima keeps writing in her partner map.
    net.cut();
    await waitFor(() => map().connection.getSnapshot().state !== 'connected', 'offline');
    const offlineCard = createCard(
      map().doc,
      {
        column: 'values',
        author: fatima.participantId as never,
        authorName: 'Fatima',
        partner: zorg as never,
        text: 'offline geschreven',
      },
      LOCAL_USER,
    );
    const before = map().doc;

    // Meanwhile the facilitator starts the mixed session: partner maps become read-only for participants.
    facilitator.hold('session');
    await waitFor(() => !!facilitator.get('session')?.isSynced(), 'session synced');
    setStage(facilitator.get('session')!.doc, 'heterogeneous', LOCAL_USER);
    const session = await serverState('session', facilitatorToken);
    await waitFor(() => readSession(session).stage === 'heterogeneous', 'the server has the mixed stage');

    // Reconnect: the server refuses the offline card (4403); the workshop object recovers.
    net.restore();
    await waitFor(
      () => notices.some((n) => n.doc === mapName && n.notice.code === 'write-refused'),
      'Fatima is told',
      15_000,
    );
    expect(map().doc).not.toBe(before);
    expect(map().connection.getSnapshot().state).toBe('connected');
    const server = await serverState(mapName, facilitatorToken);
    expect(getCards(server).has(offlineCard)).toBe(false);
    expect(JSON.stringify(map().doc.getMap('cards').toJSON())).toBe(JSON.stringify(server.getMap('cards').toJSON()));
    expect(getCards(map().doc).has(accepted)).toBe(true);
    // And my presence is back in the fresh copy.
    expect(map().map!.awarenessHost.awareness.getLocalState()).toMatchObject({ user: { name: 'Fatima' } });
  }, 30_000);

  it('[W6][G3] the session document recovers the same way after a refused write', async () => {
    const { info, join, workshopFor, facilitatorToken } = await partnersFirstWorkshop();
    const pia = await join('Pia', info.partners[0].id);
    const facilitator = workshopFor(facilitatorWho, facilitatorToken);
    const participant = workshopFor(
      {
        participantId: pia.participantId,
        name: 'Pia',
        partner: info.partners[0].id,
        role: 'professional',
        access: 'participant',
      },
      pia.token,
    );
    const notices: WorkshopNotice[] = [];
    participant.onNotice((n) => notices.push(n));
    facilitator.hold('session');
    participant.hold('session');
    const doc = (w: Workshop) => w.get('session')!.doc;
    await waitFor(
      () => !!facilitator.get('session')?.isSynced() && !!participant.get('session')?.isSynced(),
      'both synced',
    );
    setSessionPlan(doc(facilitator), { mode: 'separate' }, LOCAL_USER);
    await waitFor(() => readSession(doc(participant)).guided, 'participant sees the plan');
    // The participant's client writes the session anyway (a bug or a tampered client).
    setActiveColumns(doc(participant), ['values', 'relations', 'actions', 'conditions', 'steps'], LOCAL_USER);
    await waitFor(
      () => notices.some((n) => n.doc === 'session' && n.notice.code === 'write-refused'),
      'participant told',
    );
    const json = (w: Workshop) => JSON.stringify(doc(w).getMap('session').toJSON());
    await waitFor(() => json(participant) === json(facilitator), 'identical to the facilitator');
    expect(readSession(doc(participant)).active).toEqual(['values']);
    setActiveColumns(doc(facilitator), ['relations'], LOCAL_USER);
    await waitFor(() => readSession(doc(participant)).active[0] === 'relations', 'later changes arrive');
  }, 30_000);

  it('[T14][W6] an honest client whose update is refused as outside the layout (4400) recovers: copy dropped, resynced, user told, writes again', async () => {
    const { info, join, workshopFor, serverState, facilitatorToken } = await partnersFirstWorkshop();
    const zorg = info.partners[0].id;
    const anna = await join('Anna', zorg);
    // Records the close codes the server sends, so the test knows the refusal was a 4400.
    const codes: number[] = [];
    class Recording extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols);
        this.on('close', (code) => codes.push(code));
      }
    }
    const mine = workshopFor(
      { participantId: anna.participantId, name: 'Anna', partner: zorg, role: 'professional', access: 'participant' },
      anna.token,
      Recording,
    );
    const notices: WorkshopNotice[] = [];
    mine.onNotice((n) => notices.push(n));
    const mapName: DocName = `map:${zorg}`;
    mine.hold(mapName, { presence: true });
    const map = () => mine.get(mapName)!;
    await waitFor(() => map().isSynced(), 'my partner map synced');
    const card = (text: string) =>
      createCard(
        map().doc,
        { column: 'values', author: anna.participantId as never, authorName: 'Anna', partner: zorg as never, text },
        LOCAL_USER,
      );
    const kept = card('blijft staan');
    const server = await serverState(mapName, facilitatorToken);
    await waitFor(() => getCards(server).has(kept), 'the first card reached the server');
    const before = map().doc;

    // An older page (or a bug) writes a field the card table does not know: the server refuses it whole.
    (getCards(map().doc).get(kept) as unknown as { set(k: string, v: unknown): void }).set('oudVeld', 'x');
    await waitFor(
      () => notices.some((n) => n.doc === mapName && n.notice.code === 'write-refused'),
      'Anna is told',
      15_000,
    );
    expect(codes).toContain(4400);
    expect(map().doc).not.toBe(before);
    expect(map().connection.getSnapshot().state).toBe('connected');
    expect(
      getCards(map().doc)
        .get(kept)
        ?.has('oudVeld' as never),
    ).toBe(false);
    expect(JSON.stringify(getCards(map().doc).toJSON())).toBe(JSON.stringify(getCards(server).toJSON()));

    // The fresh copy writes again without a reload.
    const after = card('na het herstel');
    await waitFor(() => getCards(server).has(after), 'a new card reaches the server after recovering');
  }, 30_000);
});
