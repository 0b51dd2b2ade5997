import { afterEach, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse, JoinResponse } from '../shared/api.js';
import { CloseCode, roomName } from '../shared/protocol.js';
import { awarenessFrame } from './test/forge.js';
import { api, connectClient, startTestServer, synced, waitFor, type TestClient } from './test/harness.js';
import { rawSocket } from './test/rawSocket.js';
import type { Config } from './config.js';

/** Issue 12, attack 6 and item 8: presence is stamped from the token, bounded, and never the projector's. */
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function setup(overrides: Partial<Config> = {}) {
  const app = await startTestServer(overrides);
  cleanup.push(() => app.close());
  const w = (
    await api<CreateWorkshopResponse>(app.url, 'POST', '/api/workshops', {
      title: 'Aanwezig',
      partners: ['Gemeente', 'Buurt'],
    })
  ).body;
  const join = async (name: string) =>
    (
      await api<JoinResponse>(app.url, 'POST', `/api/workshops/${w.id}/participants`, {
        name,
        partner: 'buurt',
        role: 'citizen',
      })
    ).body;
  const observer: TestClient = connectClient(app.port, w.id, 'map:joint', w.facilitatorToken);
  cleanup.push(() => observer.destroy());
  await synced(observer);
  const name = roomName(w.id, 'map:joint');
  const raw = async (token: string) => {
    const r = await rawSocket(app.port, name, token);
    cleanup.push(() => r.ws.terminate());
    return r;
  };
  const seen = (clientId: number) =>
    observer.provider.awareness.getStates().get(clientId) as { user?: Record<string, unknown> } | undefined;
  return { app, w, join, observer, raw, seen, projectorToken: w.projectorPath.split('#')[1] };
}

const spoof = {
  user: {
    id: 'the-facilitator',
    name: 'Facilitator',
    partner: 'gemeente',
    partnerName: 'Gemeente',
    role: 'facilitator',
    color: '#ff0000',
  },
  editing: null,
};

describe('presence is who the token says', () => {
  it("[T8] attack 6: presence claiming to be the facilitator is stamped with the sender's own identity", async () => {
    const t = await setup();
    const mal = await t.join('Mallory');
    const sock = await t.raw(mal.token);
    sock.ws.send(awarenessFrame([{ clientId: 5151, clock: 1, state: spoof }]));
    await waitFor(() => t.seen(5151) !== undefined, 'presence relayed');
    expect(t.seen(5151)!.user).toEqual({
      id: mal.participantId,
      name: 'Mallory',
      partner: 'buurt',
      partnerName: 'Buurt',
      role: 'citizen',
      color: '#ff0000',
    });
  });

  it('[T8] attack 6: the read-only projector publishes no presence, not even an HTML name', async () => {
    const t = await setup();
    const proj = await t.raw(t.projectorToken);
    proj.ws.send(
      awarenessFrame([{ clientId: 6161, clock: 1, state: { user: { name: '<img src=x onerror=alert(1)>' } } }]),
    );
    // Then a participant's presence: once it has arrived, the projector's would have too.
    const p = await t.raw((await t.join('Piet')).token);
    p.ws.send(awarenessFrame([{ clientId: 6262, clock: 1, state: { user: { name: 'Piet' }, editing: null } }]));
    await waitFor(() => t.seen(6262) !== undefined, 'participant presence relayed');
    expect(t.seen(6161)).toBeUndefined();
  });

  it('[T8] item 8: a presence state over 2 KB closes with 4413; more presence bytes per second than allowed with 4429', async () => {
    const t = await setup({ maxPresenceBytesPerSecond: 4096 });
    const big = await t.raw((await t.join('Groot')).token);
    big.ws.send(awarenessFrame([{ clientId: 7171, clock: 1, state: { user: { name: 'G' }, blob: 'x'.repeat(3000) } }]));
    expect((await big.closed).code).toBe(CloseCode.TOO_LARGE);
    expect(t.seen(7171)).toBeUndefined();
    const fast = await t.raw((await t.join('Snel')).token);
    for (let i = 1; i <= 10; i++)
      fast.ws.send(
        awarenessFrame([{ clientId: 7272, clock: i, state: { user: { name: 'S' }, note: 'y'.repeat(1500) } }]),
      );
    expect((await fast.closed).code).toBe(CloseCode.SLOW_DOWN);
    expect(t.observer.closes).toEqual([]);
  });
});
