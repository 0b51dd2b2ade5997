import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { CreateWorkshopResponse, JoinResponse } from '../shared/api.js';
import { readSession, setStage } from '../shared/session.js';
import { LOCAL_USER } from '../shared/origins.js';
import { roomName } from '../shared/protocol.js';
import { MANDATES_KEY, readMandates, readSignoffs, setMandate, setSignoff, SIGNOFFS_KEY } from '../shared/signoff.js';
import { api, connectClient, mapJson, startTestServer, synced, waitFor } from './test/harness.js';
import {
  cleanupAfterEach,
  collectNotices,
  convergence,
  liveWorkshop,
  rawClient,
  sameUpdates,
} from './test/fixtures.js';

/**
 * Mandate and sign-off per partner (issue 14, SPEC N1–N2, docs/decisions/0024), enforced by the
 * server on the joint map, with real y-websocket clients and a hand-written update.
 */
const scope = cleanupAfterEach();
const { track } = scope;
const collect = collectNotices;

async function workshop() {
  const { app, w, open, room: roomOf, participantId } = await liveWorkshop(scope);
  const fac = open('map:joint', w.facilitatorToken);
  const join = async (name: string, partnerIndex: number) => {
    const token = await w.participant(name, partnerIndex);
    const id = await participantId(token);
    const client = open('map:joint', token);
    return { token, client, id, partner: w.partners[partnerIndex].id, notices: collect(client) };
  };
  const pia = await join('Pia', 0);
  const otto = await join('Otto', 1);
  await Promise.all([fac, pia.client, otto.client].map(synced));
  const all = [fac, pia.client, otto.client];
  // Sorted: Y.Map key order differs between replicas after concurrent writes.
  const sorted = (r: Record<string, unknown>) => JSON.stringify(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));
  const state = (d: Y.Doc) => `${sorted(readMandates(d))}${sorted(readSignoffs(d))}${mapJson(d)}`;
  const converged = convergence(all, 'all identical', state);
  const room = () => roomOf()!;
  return { app, w, fac, pia, otto, all, converged, room };
}

describe('mandate and sign-off, on the server', () => {
  it("[N2] a participant states their own mandate and sets their own partner's sign-off; everyone sees it", async () => {
    const t = await workshop();
    setMandate(t.pia.client.doc, t.pia.id, 'consult', '2026-12-14', LOCAL_USER);
    setSignoff(t.pia.client.doc, t.pia.partner, 'discussed', t.pia.id, LOCAL_USER);
    setMandate(t.otto.client.doc, t.otto.id, 'decide', '', LOCAL_USER);
    await waitFor(
      () =>
        readSignoffs(t.fac.doc)[t.pia.partner]?.status === 'discussed' &&
        Object.keys(readMandates(t.fac.doc)).length === 2,
      'arrives',
    );
    await waitFor(() => !t.room().hasPendingWrites, 'stored');
    expect(readMandates(t.room().doc)[t.pia.id]).toMatchObject({ kind: 'consult', date: '2026-12-14' });
    expect(readMandates(t.room().doc)[t.otto.id]).toMatchObject({ kind: 'decide', date: '' });
    await t.converged();
    expect([...t.pia.notices, ...t.otto.notices]).toEqual([]);
  });

  it("[N2] someone else's mandate, another partner's sign-off or one in another's name is reverted with a notice", async () => {
    const t = await workshop();
    setMandate(t.pia.client.doc, t.otto.id, 'decide', '', LOCAL_USER);
    await waitFor(() => t.pia.notices.length === 1, 'notice 1');
    setSignoff(t.pia.client.doc, t.otto.partner, 'agreed', t.pia.id, LOCAL_USER);
    await waitFor(() => t.pia.notices.length === 2, 'notice 2');
    setSignoff(t.pia.client.doc, t.pia.partner, 'agreed', t.otto.id, LOCAL_USER);
    await waitFor(() => t.pia.notices.length === 3, 'notice 3');
    expect(t.pia.notices).toEqual(Array(3).fill({ code: 'signoff-own' }));
    await t.converged();
    expect(readMandates(t.room().doc)).toEqual({});
    expect(readSignoffs(t.room().doc)).toEqual({});
    // Otto writes the key Pia's second forgery wrote: once he holds it and its revert (his screen looks
    // the same without them, and a write concurrent with them can lose the merge).
    await sameUpdates(t.all);
    // Otto's own may be overwritten by nobody but Otto (and the facilitator).
    setSignoff(t.otto.client.doc, t.otto.partner, 'agreed', t.otto.id, LOCAL_USER);
    await waitFor(() => readSignoffs(t.pia.client.doc)[t.otto.partner]?.status === 'agreed', 'otto agreed');
    t.pia.client.doc.transact(() => t.pia.client.doc.getMap(SIGNOFFS_KEY).delete(t.otto.partner), LOCAL_USER);
    await waitFor(() => t.pia.notices.length === 4, 'notice 4');
    await t.converged();
    expect(readSignoffs(t.room().doc)[t.otto.partner]?.status).toBe('agreed');
  });

  it("[N2] the facilitator records any partner's sign-off and anyone's mandate", async () => {
    const t = await workshop();
    setSignoff(t.fac.doc, t.otto.partner, 'agreed', 'facilitator', LOCAL_USER);
    setMandate(t.fac.doc, t.pia.id, 'consult', '2027-01-10', LOCAL_USER);
    await waitFor(() => readSignoffs(t.pia.client.doc)[t.otto.partner]?.status === 'agreed', 'arrives');
    await t.converged();
    expect(readMandates(t.room().doc)[t.pia.id]?.date).toBe('2027-01-10');
  });

  it('[N2] a hand-written update with a forged mandate is reverted and never stored; a malformed one closes with 4400', async () => {
    const t = await workshop();
    const name = roomName(t.w.id as never, 'map:joint');
    const raw = await rawClient(scope, t.app.port, name, t.pia.token);
    raw.send((mine) => mine.getMap(MANDATES_KEY).set(t.otto.id, { kind: 'decide', date: '', at: 1 }));
    await waitFor(() => raw.notices().some((n) => n.code === 'signoff-own'), 'notice');
    await waitFor(() => !t.room().hasPendingWrites, 'stored');
    expect(readMandates(t.room().doc)).toEqual({});
    raw.send((mine) =>
      mine.getMap(SIGNOFFS_KEY).set(t.pia.partner, { status: 'signed-in-blood', by: t.pia.id, at: 1 }),
    );
    expect((await raw.raw.closed).code).toBe(4400);
    expect(readSignoffs(t.room().doc)).toEqual({});
    await t.converged();
  });

  it('[N1] sign-off lives in the joint map only: writing it in a partner map is reverted, even for the facilitator', async () => {
    const t = await workshop();
    const partnerMap = track(connectClient(t.app.port, t.w.id, `map:${t.pia.partner}` as never, t.w.facilitatorToken));
    await synced(partnerMap);
    const notices = collect(partnerMap);
    setSignoff(partnerMap.doc, t.pia.partner, 'agreed', 'f', LOCAL_USER);
    await waitFor(() => notices.length === 1, 'notice');
    expect(notices[0]).toEqual({ code: 'signoff-own' });
    await waitFor(() => Object.keys(readSignoffs(partnerMap.doc)).length === 0, 'reverted');
  });

  it('[N3] the convenant from the server ends with the sign-off table: partner, status, representatives with their mandate', async () => {
    const t = await workshop();
    setMandate(t.pia.client.doc, t.pia.id, 'consult', '2026-12-14', LOCAL_USER);
    setSignoff(t.pia.client.doc, t.pia.partner, 'discussed', t.pia.id, LOCAL_USER);
    await waitFor(() => !!readSignoffs(t.room().doc)[t.pia.partner], 'on the server');
    await waitFor(() => !t.room().hasPendingWrites, 'stored');
    const res = await fetch(`${t.app.url}/api/workshops/${t.w.id}/export/convenant.md?lang=nl`, {
      headers: { authorization: `Bearer ${t.w.facilitatorToken}` },
    });
    expect(res.status).toBe(200);
    const md = await res.text();
    expect(md).toContain('## 8. Akkoord per partner');
    expect(md).toContain('| 1 | Gemeente | Besproken met achterban (Stand op');
    expect(md).toContain('Pia: Ik leg het voor aan de achterban (14 december 2026)');
    expect(md).toMatch(/\| 2 \| Wijkteam \| Concept \| Otto: Nog niet gezegd \|/);
  });
});

describe('a mandate in the homogeneous stage of partners first', () => {
  async function partnersFirst() {
    const app = await startTestServer();
    scope.cleanup.push(() => app.close());
    const created = await api<CreateWorkshopResponse>(app.url, 'POST', '/api/workshops', {
      title: 'Eerst apart',
      partners: ['Zorg', 'Gemeente'],
      flow: 'partners-first',
    });
    const w = created.body;
    const join = async (name: string, partner: string) => {
      const joined = await api<JoinResponse>(app.url, 'POST', `/api/workshops/${w.id}/participants`, {
        name,
        partner,
        role: 'professional',
      });
      return { id: joined.body.participantId, token: joined.body.token };
    };
    const open = async (doc: string, token: string) => {
      const c = track(connectClient(app.port, w.id, doc as never, token));
      await synced(c);
      return c;
    };
    const room = (doc: string) => app.registry.peek(roomName(w.id as never, doc as never))!;
    return { app, w, join, open, room };
  }

  it("[N4] a representative states their own mandate in their partner's map; anything else there is reverted", async () => {
    const t = await partnersFirst();
    const fatima = await t.join('Fatima', 'zorg');
    const ruud = await t.join('Ruud', 'gemeente');
    const own = await t.open('map:zorg', fatima.token);
    const notices = collect(own);
    setMandate(own.doc, fatima.id, 'consult', '2026-12-14', LOCAL_USER);
    await waitFor(() => readMandates(t.room('map:zorg').doc)[fatima.id]?.kind === 'consult', 'held');
    // Someone else's mandate, a sign-off: reverted with a notice.
    setMandate(own.doc, ruud.id, 'decide', '', LOCAL_USER);
    await waitFor(() => notices.length === 1, 'notice for a mandate of someone else');
    setSignoff(own.doc, 'zorg', 'agreed', fatima.id, LOCAL_USER);
    await waitFor(() => notices.length === 2, 'notice for a sign-off');
    expect(notices).toEqual(Array(2).fill({ code: 'signoff-own' }));
    await waitFor(() => !t.room('map:zorg').hasPendingWrites, 'stored');
    expect(Object.keys(readMandates(t.room('map:zorg').doc))).toEqual([fatima.id]);
    expect(readSignoffs(t.room('map:zorg').doc)).toEqual({});
    // The facilitator records mandates on the joint map, not in a partner's map.
    const fac = await t.open('map:zorg', t.w.facilitatorToken);
    const facNotices = collect(fac);
    setMandate(fac.doc, ruud.id, 'decide', '', LOCAL_USER);
    await waitFor(() => facNotices.length === 1, 'the facilitator is told');
    expect(facNotices[0]).toEqual({ code: 'signoff-own' });
  });

  it("[N4] a hand-written update with another's mandate in a partner map is reverted and never stored", async () => {
    const t = await partnersFirst();
    const fatima = await t.join('Fatima', 'zorg');
    const colleague = await t.join('Koen', 'zorg');
    const name = roomName(t.w.id as never, 'map:zorg');
    const raw = await rawClient(scope, t.app.port, name, fatima.token);
    // Her own and her colleague's in one transaction: the whole of it is reverted.
    raw.send((mine) =>
      mine.transact(() => {
        mine.getMap(MANDATES_KEY).set(fatima.id, { kind: 'decide', date: '', at: 1 });
        mine.getMap(MANDATES_KEY).set(colleague.id, { kind: 'decide', date: '', at: 1 });
      }),
    );
    await waitFor(() => raw.notices().some((n) => n.code === 'signoff-own'), 'notice');
    await waitFor(() => !t.room('map:zorg').hasPendingWrites, 'stored');
    expect(readMandates(t.room('map:zorg').doc)).toEqual({});
  });

  it('[N4] when the mixed stage opens the mandate is on the joint map; a later change there is not overwritten', async () => {
    const t = await partnersFirst();
    const fatima = await t.join('Fatima', 'zorg');
    const ruud = await t.join('Ruud', 'gemeente');
    const zorg = await t.open('map:zorg', fatima.token);
    const gemeente = await t.open('map:gemeente', ruud.token);
    setMandate(zorg.doc, fatima.id, 'consult', '2026-12-14', LOCAL_USER);
    setMandate(gemeente.doc, ruud.id, 'decide', '', LOCAL_USER);
    await waitFor(() => !!readMandates(t.room('map:gemeente').doc)[ruud.id], 'held');
    await waitFor(() => !!readMandates(t.room('map:zorg').doc)[fatima.id], "Fatima's held too");
    const session = await t.open('session', t.w.facilitatorToken);
    const joint = await t.open('map:joint', t.w.facilitatorToken);
    expect(readMandates(joint.doc)).toEqual({});
    setStage(session.doc, 'heterogeneous', LOCAL_USER);
    await waitFor(() => Object.keys(readMandates(joint.doc)).length === 2, 'both carried to the joint map');
    expect(readMandates(joint.doc)[fatima.id]).toMatchObject({ kind: 'consult', date: '2026-12-14' });
    expect(readMandates(joint.doc)[ruud.id]).toMatchObject({ kind: 'decide', date: '' });

    // Fatima changes her mind on the joint map; going back and forth between the stages keeps it.
    const fatimaJoint = await t.open('map:joint', fatima.token);
    setMandate(fatimaJoint.doc, fatima.id, 'decide', '', LOCAL_USER);
    await waitFor(() => readMandates(joint.doc)[fatima.id]?.kind === 'decide', 'changed on the joint map');
    setStage(session.doc, 'homogeneous', LOCAL_USER);
    // On the server: Ruud's mandate below is written in his own map, open in this stage only.
    await waitFor(() => readSession(t.room('session').doc).stage === 'homogeneous', 'back');
    // Meanwhile Ruud, in his own map again, says he takes it to his achterban after all.
    const ruudsMap = await t.open('map:gemeente', ruud.token);
    setMandate(ruudsMap.doc, ruud.id, 'consult', '2027-01-10', LOCAL_USER);
    await waitFor(() => readMandates(t.room('map:gemeente').doc)[ruud.id]?.kind === 'consult', 'held');
    setStage(session.doc, 'heterogeneous', LOCAL_USER);
    // Ruud's newer statement arrives: the carry ran again, and left Fatima's later one as it was.
    await waitFor(() => readMandates(joint.doc)[ruud.id]?.kind === 'consult', 'Ruud carried again');
    expect(readMandates(joint.doc)[fatima.id]).toMatchObject({ kind: 'decide', date: '' });
    await waitFor(() => !t.room('map:joint').hasPendingWrites, 'stored');
    expect(readMandates(t.room('map:joint').doc)[fatima.id]).toMatchObject({ kind: 'decide', date: '' });
  });
});
