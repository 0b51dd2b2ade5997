import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ApiError, JoinCodeResponse, TimeResponse, WhoAmIResponse } from '../shared/api.js';
import { getCards } from '../shared/cardSchema.js';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { CloseCode, roomName } from '../shared/protocol.js';
import { readParticipants } from '../shared/workshopDoc.js';
import type { App } from './app.js';
import { cleanupAfterEach, liveWorkshop } from './test/fixtures.js';
import { api, synced, waitFor, type TestClient } from './test/harness.js';

const scope = cleanupAfterEach();

async function readParticipantId(app: App, workshopId: string, name: string): Promise<string> {
  const [row] = await app.store.query('SELECT id FROM participants WHERE workshop_id = ? AND name = ?', [
    workshopId,
    name,
  ]);
  return row.id as string;
}

async function setup() {
  const { app, w, open } = await liveWorkshop(scope, { partners: ['Gemeente', 'Buurt'] });
  const join = (name: string, partnerIndex = 0) => w.join(name, partnerIndex, 'citizen');
  return { app, w, join, client: open, projectorToken: w.projectorPath.split('#')[1] };
}

describe('roles and links', () => {
  it('[R1] the short join code leads to the workshop; unknown codes are 404', async () => {
    const { app, w } = await setup();
    const found = await api<JoinCodeResponse>(app.url, 'GET', `/api/join/${w.joinCode.toLowerCase()}`);
    expect(found.body.id).toBe(w.id);
    const missing = await api<ApiError>(app.url, 'GET', '/api/join/ZZZZZZ');
    expect(missing.status).toBe(404);
    const time = await api<TimeResponse>(app.url, 'GET', '/api/time');
    expect(Math.abs(time.body.now - Date.now())).toBeLessThan(60_000);
  });

  it('[R2] the facilitator sees who joined (name, partner, role) live in the workshop document', async () => {
    const { w, join, client } = await setup();
    const console_: TestClient = client('workshop', w.facilitatorToken);
    await synced(console_);
    await join('Fatima', 1);
    await waitFor(() => readParticipants(console_.doc).some((p) => p.name === 'Fatima'), 'Fatima listed');
    const fatima = readParticipants(console_.doc).find((p) => p.name === 'Fatima')!;
    expect(fatima).toMatchObject({ partner: 'buurt', role: 'citizen', access: 'participant', removed: false });
    expect(
      readParticipants(console_.doc)
        .map((p) => p.access)
        .sort(),
    ).toEqual(['facilitator', 'participant', 'projector']);
  });

  it('[R3] removing someone revokes the token, closes their connections with 4401 and marks them removed', async () => {
    const { app, w, join, client } = await setup();
    const bo = await join('Bo');
    const boClient = client('map:joint', bo.token);
    const console_ = client('workshop', w.facilitatorToken);
    await Promise.all([synced(boClient), synced(console_)]);
    const notAllowed = await api<ApiError>(
      app.url,
      'DELETE',
      `/api/workshops/${w.id}/participants/${bo.participantId}`,
      undefined,
      {
        authorization: `Bearer ${bo.token}`,
      },
    );
    expect(notAllowed.status).toBe(403);
    const res = await fetch(`${app.url}/api/workshops/${w.id}/participants/${bo.participantId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    });
    expect(res.status).toBe(204);
    await waitFor(() => boClient.closes.some((c) => c.code === CloseCode.UNAUTHORIZED), 'Bo disconnected');
    expect(boClient.closes.find((c) => c.code === CloseCode.UNAUTHORIZED)?.reason).toBe('removed by the facilitator');
    expect(boClient.provider.shouldConnect).toBe(false);
    await waitFor(
      () => readParticipants(console_.doc).find((p) => p.id === bo.participantId)?.removed === true,
      'marked removed',
    );
    const me = await api<WhoAmIResponse>(app.url, 'GET', `/api/workshops/${w.id}/me`, undefined, {
      authorization: `Bearer ${bo.token}`,
    });
    expect(me.status).toBe(401);
    const again = client('map:joint', bo.token);
    await waitFor(() => again.closes.some((c) => c.code === CloseCode.UNAUTHORIZED), 'revoked token refused');
  });

  it('[R4] the projector reads but cannot write: a real write is refused, nothing stored or broadcast', async () => {
    const { app, w, join, client, projectorToken } = await setup();
    const me = await api<WhoAmIResponse>(app.url, 'GET', `/api/workshops/${w.id}/me`, undefined, {
      authorization: `Bearer ${projectorToken}`,
    });
    expect(me.body.access).toBe('projector');
    const writer = client('map:joint', (await join('Wim')).token);
    const projector = client('map:joint', projectorToken);
    await Promise.all([synced(writer), synced(projector)]);
    const id = createCard(writer.doc, { column: 'values', ...writer.me, text: 'zichtbaar' }, LOCAL_USER);
    await waitFor(() => getCards(projector.doc).has(id), 'projector sees cards');
    createCard(
      projector.doc,
      { column: 'values', author: '', authorName: 'P', partner: '', text: 'mag niet' },
      LOCAL_USER,
    );
    await waitFor(() => projector.closes.some((c) => c.code === CloseCode.FORBIDDEN), 'projector write refused');
    const room = app.registry.peek(roomName(w.id, 'map:joint'))!;
    expect(getCards(room.doc).size).toBe(1);
    const stored = await app.store.loadDoc(roomName(w.id, 'map:joint'));
    const fromDisk = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(fromDisk, u);
    expect(getCards(fromDisk).size).toBe(1);
    expect(getCards(writer.doc).size).toBe(1);
    // Private drafts are never readable to a projector (nor to other participants).
    const wim = await readParticipantId(app, w.id, 'Wim');
    for (const token of [projectorToken, (await join('Ander')).token]) {
      const peek = client(`drafts:${wim}`, token);
      await waitFor(() => peek.closes.some((c) => c.code === CloseCode.FORBIDDEN), 'drafts refused');
    }
  });

  it('[R5] the facilitator can make a new projector link; the old one stops working', async () => {
    const { app, w, client, projectorToken } = await setup();
    const refused = await api<ApiError>(app.url, 'POST', `/api/workshops/${w.id}/projector`, undefined, {
      authorization: `Bearer ${projectorToken}`,
    });
    expect(refused.status).toBe(403);
    const old = client('map:joint', projectorToken);
    await synced(old);
    const fresh = await api<{ projectorPath: string }>(app.url, 'POST', `/api/workshops/${w.id}/projector`, undefined, {
      authorization: `Bearer ${w.facilitatorToken}`,
    });
    expect(fresh.status).toBe(201);
    const newToken = fresh.body.projectorPath.split('#')[1];
    expect(newToken).not.toBe(projectorToken);
    await waitFor(() => old.closes.some((c) => c.code === CloseCode.UNAUTHORIZED), 'old projector disconnected');
    const me = await api<WhoAmIResponse>(app.url, 'GET', `/api/workshops/${w.id}/me`, undefined, {
      authorization: `Bearer ${newToken}`,
    });
    expect(me.body.access).toBe('projector');
  });
});
