import { afterEach, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse, WorkshopInfo } from '../shared/api.js';
import { getCards } from '../shared/cardSchema.js';
import { splitCard } from '../shared/compare/pairDecisions.js';
import { EXPORT_TEXTS } from '../shared/export/texts.js';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { CloseCode, roomName, type DocName } from '../shared/protocol.js';
import { setStage } from '../shared/session.js';
import { api, connectClient, startTestServer, synced, waitFor, waitForAsync, type TestClient } from './test/harness.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function partnersFirst() {
  const app = await startTestServer();
  cleanup.push(() => app.close());
  const created = await api<CreateWorkshopResponse>(app.url, 'POST', '/api/workshops', {
    title: 'Eerst apart',
    partners: ['Zorg', 'Gemeente'],
    flow: 'partners-first',
  });
  const w = created.body;
  const info = (await api<WorkshopInfo>(app.url, 'GET', `/api/workshops/${w.id}`)).body;
  expect(info.flow).toBe('partners-first');
  const join = async (name: string, partner: string) =>
    (
      await api<{ token: string }>(app.url, 'POST', `/api/workshops/${w.id}/participants`, {
        name,
        partner,
        role: 'professional',
      })
    ).body.token;
  const open = (doc: DocName, token: string): TestClient => {
    const c = connectClient(app.port, w.id, doc, token);
    cleanup.push(() => c.destroy());
    return c;
  };
  return { app, w, join, open };
}

const refusedWith = (c: TestClient, code: number) =>
  waitFor(() => c.closes.some((x) => x.code === code), `closed with ${code}`);

describe('partners first', () => {
  it('[F1] in the homogeneous stage a participant opens and writes only their own partner map', async () => {
    const { app, w, join, open } = await partnersFirst();
    const fatima = await join('Fatima', 'zorg');
    const own = open('map:zorg', fatima);
    await synced(own);
    const id = createCard(own.doc, { column: 'values', ...own.me, text: 'eerder aan de bel' }, LOCAL_USER);
    const facilitatorView = open('map:zorg', w.facilitatorToken);
    await waitFor(() => getCards(facilitatorView.doc).has(id), 'the facilitator sees the zorg map fill up');
    await refusedWith(open('map:gemeente', fatima), CloseCode.FORBIDDEN);
    await refusedWith(open('map:joint', fatima), CloseCode.FORBIDDEN);
    // Nothing of the other map reached her: the refused connections never synced.
    const otherRoom = app.registry.peek(roomName(w.id, 'map:gemeente'));
    expect(otherRoom?.connections.size ?? 0).toBe(0);
  });

  it('[F2] the mixed session opens every partner map read-only and the joint map for writing; going back closes them again', async () => {
    const { w, join, open } = await partnersFirst();
    const fatima = await join('Fatima', 'zorg');
    const ruud = await join('Ruud', 'gemeente');
    const ruudsMap = open('map:gemeente', ruud);
    await synced(ruudsMap);
    createCard(ruudsMap.doc, { column: 'values', ...ruudsMap.me, text: 'de gemeente luistert' }, LOCAL_USER);
    const session = open('session', w.facilitatorToken);
    await synced(session);
    setStage(session.doc, 'heterogeneous', LOCAL_USER);

    let other: TestClient | null = null;
    await waitFor(() => {
      if (other && other.closes.length === 0 && other.provider.synced) return true;
      if (!other || other.closes.length) other = open('map:gemeente', fatima);
      return false;
    }, 'Fatima reads the gemeente map in the mixed session');
    await waitFor(() => getCards(other!.doc).size === 1, 'with its card');
    const jointMap = open('map:joint', fatima);
    await synced(jointMap);
    // Partner maps are kept as they were: a write to her own map is now refused.
    const ownMap = open('map:zorg', fatima);
    await synced(ownMap);
    createCard(ownMap.doc, { column: 'values', ...ownMap.me, text: 'te laat' }, LOCAL_USER);
    await refusedWith(ownMap, CloseCode.FORBIDDEN);

    setStage(session.doc, 'homogeneous', LOCAL_USER);
    await refusedWith(other!, CloseCode.FORBIDDEN);
    await refusedWith(jointMap, CloseCode.FORBIDDEN);
    expect(other!.closes.find((c) => c.code === CloseCode.FORBIDDEN)?.reason).toBe(
      'this map is closed in this part of the session',
    );
  });

  it('[C8] the exported partner comparison follows the facilitator: a pair split on screen is apart in the convenant', async () => {
    const { app, w, open } = await partnersFirst();
    const zorgMap = open('map:zorg', w.facilitatorToken);
    const gemeenteMap = open('map:gemeente', w.facilitatorToken);
    const session = open('session', w.facilitatorToken);
    await Promise.all([synced(zorgMap), synced(gemeenteMap), synced(session)]);
    const me = { author: 'facilitator' as never, authorName: 'Begeleider' };
    const z = createCard(
      zorgMap.doc,
      { column: 'values', ...me, partner: 'zorg' as never, text: 'Mantelzorgers worden minder vaak overbelast' },
      LOCAL_USER,
    );
    const g = createCard(
      gemeenteMap.doc,
      { column: 'values', ...me, partner: 'gemeente' as never, text: 'Overbelaste mantelzorgers worden eerder gezien' },
      LOCAL_USER,
    );
    const annex = async () => {
      const res = await fetch(`${app.url}/api/workshops/${w.id}/export/convenant.md?lang=nl`, {
        headers: { authorization: `Bearer ${w.facilitatorToken}` },
      });
      expect(res.status).toBe(200);
      const md = await res.text();
      return md.slice(md.indexOf(EXPORT_TEXTS.nl.annex));
    };
    await waitForAsync(async () => (await annex()).includes('ook bij: Gemeente'), 'similar cards grouped in the annex');
    splitCard(session.doc, z, [g], LOCAL_USER);
    await waitForAsync(async () => !(await annex()).includes('ook bij:'), 'the split pair apart in the annex');
    expect((await annex()).match(/alleen bij deze partner/g)).toHaveLength(2);
  });
});
