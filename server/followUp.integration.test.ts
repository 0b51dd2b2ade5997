import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { VersionInfo, VersionListResponse } from '../shared/api.js';
import { getCard, getCards } from '../shared/cardSchema.js';
import { setFollowUp } from '../shared/followUp.js';
import type { CardId } from '../shared/ids.js';
import type { Notice } from '../shared/notices.js';
import { createCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { roomName } from '../shared/protocol.js';
import { readMap } from '../shared/readModel.js';
import { setSessionPlan } from '../shared/session.js';
import { putMeeting, readMeetings, startMeeting } from '../shared/trajectory.js';
import { agreedAction } from './test/actions.js';
import { api, connectClient, mapJson, synced, waitFor, waitForAsync, type TestClient } from './test/harness.js';
import { cleanupAfterEach, collectNotices, liveWorkshop, sameUpdates } from './test/fixtures.js';

const scope = cleanupAfterEach();

/**
 * A workshop between meetings: the facilitator agreed an action owned by Pia (partner 0) and one owned
 * by partner 0 as a whole; then the session is guided with only Waarden open, so Acties is locked.
 * Kees is Pia's colleague (partner 0), Otto is of partner 1.
 */
async function betweenMeetings() {
  const { app, w, open: openDoc, room } = await liveWorkshop(scope);
  const session = openDoc('session', w.facilitatorToken);
  const facilitator = openDoc('map:joint', w.facilitatorToken);
  const pia = openDoc('map:joint', await w.participant('Pia', 0));
  const kees = openDoc('map:joint', await w.participant('Kees', 0));
  const otto = openDoc('map:joint', await w.participant('Otto', 1));
  await Promise.all([session, facilitator, pia, kees, otto].map(synced));
  const notices = new Map<TestClient, Notice[]>([facilitator, pia, kees, otto].map((c) => [c, collectNotices(c)]));
  const value = createCard(
    facilitator.doc,
    { column: 'values', author: '', authorName: 'F', partner: '', text: 'Iedereen telt mee' },
    LOCAL_USER,
  );
  const mine = agreedAction(facilitator.doc, 'Buurtavond organiseren', [value]);
  const ours = agreedAction(facilitator.doc, 'Folder maken');
  const open = createCard(
    facilitator.doc,
    { column: 'steps', author: '', authorName: 'F', partner: '', text: 'Nog niet afgesproken' },
    LOCAL_USER,
  );
  expect(
    setFollowUp(facilitator.doc, mine, { owner: { kind: 'person', id: pia.me.author }, due: '2026-12-07' }, LOCAL_USER),
  ).toBe(true);
  expect(setFollowUp(facilitator.doc, ours, { owner: { kind: 'partner', id: w.partners[0].id } }, LOCAL_USER)).toBe(
    true,
  );
  setSessionPlan(session.doc, { mode: 'separate' }, LOCAL_USER);
  const server = () => room()!.doc;
  await waitFor(() => room('session')?.doc.getMap('session').get('guided') === true, 'Acties locked on the server');
  const all = [facilitator, pia, kees, otto];
  const converged = () =>
    waitFor(() => all.every((c) => mapJson(c.doc) === mapJson(server())), 'every client has the server state');
  await converged();
  const field = (doc: Y.Doc, id: CardId, key: string) => getCard(doc, id)?.get(key);
  return {
    app,
    w,
    session,
    facilitator,
    pia,
    kees,
    otto,
    all,
    notices,
    mine,
    ours,
    open,
    value,
    server,
    converged,
    field,
  };
}

/** Write raw fields of a card as a client would (no checks on this side: the forger's view). */
function forge(doc: Y.Doc, id: CardId, fields: Record<string, unknown>, also?: (card: Y.Map<unknown>) => void) {
  const card = getCard(doc, id)!;
  doc.transact(() => {
    for (const [k, v] of Object.entries(fields)) card.set(k, v);
    also?.(card);
  }, LOCAL_USER);
}

describe('follow-up of agreed actions on the server', () => {
  it('[J5] the owner updates status and note of their action while Acties is locked; everyone sees it', async () => {
    const t = await betweenMeetings();
    expect(setFollowUp(t.pia.doc, t.mine, { status: 'doing', note: 'Zaal is geboekt' }, LOCAL_USER)).toBe(true);
    await waitFor(() => t.field(t.otto.doc, t.mine, 'actionStatus') === 'doing', 'status arrives at Otto');
    await t.converged();
    const card = readMap(t.server()).columns.steps.find((c) => c.id === t.mine)!;
    expect(card).toMatchObject({
      actionStatus: 'doing',
      actionNote: 'Zaal is geboekt',
      actionDue: '2026-12-07',
      status: 'agreed',
    });
    expect(t.notices.get(t.pia)).toEqual([]);
  });

  it('[J5] anyone of the owning partner updates a partner action; someone of another partner cannot', async () => {
    const t = await betweenMeetings();
    setFollowUp(t.kees.doc, t.ours, { status: 'done' }, LOCAL_USER);
    await waitFor(() => t.field(t.server(), t.ours, 'actionStatus') === 'done', 'Kees updated the partner action');
    setFollowUp(t.otto.doc, t.ours, { status: 'stuck', note: 'niet van mij' }, LOCAL_USER);
    await waitFor(() => t.notices.get(t.otto)!.length > 0, 'Otto is told');
    expect(t.notices.get(t.otto)![0]).toEqual({ code: 'column-locked', columns: ['steps'] });
    await t.converged();
    expect(t.field(t.server(), t.ours, 'actionStatus')).toBe('done');
    expect(t.field(t.otto.doc, t.ours, 'actionNote')).toBeUndefined();
  });

  it("[J5] a participant setting someone else's action status is reverted, also when Acties is open", async () => {
    const t = await betweenMeetings();
    // Locked column: not the owner, so no exception.
    forge(t.otto.doc, t.mine, { actionStatus: 'dropped' });
    await waitFor(() => t.notices.get(t.otto)!.length === 1, 'refused while locked');
    // Open column: the follow-up rule itself refuses.
    t.session.doc.transact(() => t.session.doc.getMap('session').set('active', ['steps']), LOCAL_USER);
    await waitFor(
      () =>
        JSON.stringify(
          t.app.registry
            .peek(roomName(t.w.id as never, 'session'))
            ?.doc.getMap('session')
            .get('active'),
        ) === '["steps"]',
      'Acties open',
    );
    forge(t.otto.doc, t.mine, { actionStatus: 'dropped' });
    await waitFor(() => t.notices.get(t.otto)!.length === 2, 'refused while open');
    expect(t.notices.get(t.otto)![1]).toEqual({ code: 'follow-up', reason: 'not-owner' });
    // Kees is of Pia's partner, but the action is Pia's own.
    forge(t.kees.doc, t.mine, { actionNote: 'ik ook' });
    await waitFor(() => t.notices.get(t.kees)!.length === 1, 'Kees refused');
    await t.converged();
    expect(t.field(t.server(), t.mine, 'actionStatus')).toBeUndefined();
    expect(t.field(t.server(), t.mine, 'actionNote')).toBeUndefined();
  });

  it('[J5] changing the text of a locked action under cover of a status update is reverted as a whole', async () => {
    const t = await betweenMeetings();
    const before = mapJson(t.server());
    forge(t.pia.doc, t.mine, { actionStatus: 'done' }, (card) => {
      const text = card.get('text') as Y.XmlFragment;
      text.delete(0, text.length);
    });
    await waitFor(() => t.notices.get(t.pia)!.length === 1, 'refused');
    expect(t.notices.get(t.pia)![0]).toEqual({ code: 'column-locked', columns: ['steps'] });
    await t.converged();
    expect(mapJson(t.server())).toBe(before);
    // Nor who/what/when, the owner, the due date, a move, a support, or another card in the same change.
    const attempts: ((card: Y.Map<unknown>) => void)[] = [
      (card) => card.set('what', 'iets anders'),
      (card) => card.set('actionOwner', { kind: 'person', id: t.otto.me.author }),
      (card) => card.set('actionDue', '2027-01-01'),
      (card) => card.set('column', 'values'),
      (card) => card.set('status', 'open'),
      (card) => {
        const s = new Y.Map<unknown>();
        card.set('supporters', s);
        s.set(t.pia.me.author, { name: 'Pia', partner: t.pia.me.partner, at: 1 });
      },
      () => getCard(t.pia.doc, t.ours)!.set('what', 'ook dit'),
    ];
    for (const [i, also] of attempts.entries()) {
      forge(t.pia.doc, t.mine, { actionStatus: 'done' }, also);
      await waitFor(() => t.notices.get(t.pia)!.length === i + 2, `attempt ${i} refused`);
      await t.converged();
      expect(mapJson(t.server())).toBe(before);
    }
    // Removing the action while "only" updating it: refused too.
    t.pia.doc.transact(() => {
      getCard(t.pia.doc, t.mine)!.set('actionStatus', 'done');
      getCards(t.pia.doc).delete(t.ours);
    }, LOCAL_USER);
    await waitFor(() => t.notices.get(t.pia)!.length === attempts.length + 2, 'removal refused');
    await t.converged();
    expect(mapJson(t.server())).toBe(before);
  });

  it('[J4] follow-up fields only on an agreed step card: refused for the facilitator and for participants', async () => {
    const t = await betweenMeetings();
    forge(t.facilitator.doc, t.open, { actionStatus: 'doing' });
    await waitFor(() => t.notices.get(t.facilitator)!.length === 1, 'facilitator refused');
    expect(t.notices.get(t.facilitator)![0]).toEqual({ code: 'follow-up', reason: 'not-agreed' });
    forge(t.facilitator.doc, t.value, { actionOwner: { kind: 'person', id: t.pia.me.author } });
    await waitFor(() => t.notices.get(t.facilitator)!.length === 2, 'not on a value');
    // Setting the card back to open and writing follow-up in one change is refused as well.
    forge(t.facilitator.doc, t.mine, { status: 'open', actionDue: '2027-02-02' });
    await waitFor(() => t.notices.get(t.facilitator)!.length === 3, 'not on a card that is no longer agreed');
    // A participant's new card that brings follow-up fields, in an open column.
    t.session.doc.transact(() => t.session.doc.getMap('session').set('active', ['values']), LOCAL_USER);
    const forged = createCard(t.pia.doc, { column: 'values', ...t.pia.me, text: 'nieuw' }, LOCAL_USER);
    await waitFor(() => t.field(t.server(), forged, 'text') !== undefined, 'new card arrives');
    const fresh = createCard(t.pia.doc, { column: 'values', ...t.pia.me, text: 'met opvolging' }, LOCAL_USER);
    getCard(t.pia.doc, fresh); // created; now add a follow-up field to it in a later change
    forge(t.pia.doc, fresh, { actionStatus: 'done' });
    await waitFor(() => t.notices.get(t.pia)!.some((n) => n.code === 'follow-up'), 'participant refused');
    await t.converged();
    expect(t.field(t.server(), t.open, 'actionStatus')).toBeUndefined();
    expect(t.field(t.server(), t.value, 'actionOwner')).toBeUndefined();
    expect(t.field(t.server(), t.mine, 'status')).toBe('agreed');
    expect(t.field(t.server(), fresh, 'actionStatus')).toBeUndefined();
    // A value outside the card table (a long note, an unknown status) does not even reach the document:
    // the update's schema check closes the connection before it is applied.
    forge(t.pia.doc, t.mine, { actionNote: 'x'.repeat(201) });
    await waitFor(() => t.pia.closes.length === 1, 'note too long closes');
    forge(t.kees.doc, t.ours, { actionStatus: 'finished' });
    await waitFor(() => t.kees.closes.length === 1, 'odd status closes');
    expect(t.field(t.server(), t.mine, 'actionNote')).toBeUndefined();
    expect(t.field(t.server(), t.ours, 'actionStatus')).toBeUndefined();
  });

  it('[J4] the owner may not make themselves owner, or hand the action on; the facilitator may', async () => {
    const t = await betweenMeetings();
    t.session.doc.transact(() => t.session.doc.getMap('session').set('active', ['steps']), LOCAL_USER);
    await waitFor(
      () =>
        JSON.stringify(
          t.app.registry
            .peek(roomName(t.w.id as never, 'session'))
            ?.doc.getMap('session')
            .get('active'),
        ) === '["steps"]',
      'Acties open',
    );
    forge(t.otto.doc, t.ours, { actionOwner: { kind: 'person', id: t.otto.me.author } });
    await waitFor(() => t.notices.get(t.otto)!.length === 1, 'Otto cannot take it');
    forge(t.pia.doc, t.mine, { actionOwner: { kind: 'partner', id: t.w.partners[0].id } });
    await waitFor(() => t.notices.get(t.pia)!.length === 1, 'Pia cannot hand it on');
    expect(t.notices.get(t.pia)![0]).toEqual({ code: 'follow-up', reason: 'not-owner' });
    // The reverts are concurrent writes of the same key: let them arrive before writing it again. On
    // every device, not only on the forgers' (a screen without a forgery and its revert looks reverted).
    await t.converged();
    await sameUpdates(t.all);
    setFollowUp(t.facilitator.doc, t.mine, { owner: { kind: 'person', id: t.kees.me.author } }, LOCAL_USER);
    await waitFor(
      () =>
        JSON.stringify(t.field(t.server(), t.mine, 'actionOwner')) ===
        JSON.stringify({ kind: 'person', id: t.kees.me.author }),
      'facilitator hands it to Kees',
    );
    await t.converged();
    expect(t.notices.get(t.facilitator)).toEqual([]);
  });
});

describe('the trajectory of meetings', () => {
  it('[J2] starting a meeting saves a version of every map, labelled with the meeting', async () => {
    const t = await betweenMeetings();
    expect(
      putMeeting(
        t.session.doc,
        { id: 'm2', n: 2, date: '2026-12-07', goal: 'Terugblik', steps: ['review', 'steps'] },
        LOCAL_USER,
      ),
    ).toBe(true);
    startMeeting(t.session.doc, 'm2', LOCAL_USER);
    const auth = { authorization: `Bearer ${t.w.facilitatorToken}` };
    let versions: VersionInfo[] = [];
    await waitForAsync(async () => {
      versions = (
        await api<VersionListResponse>(
          t.app.url,
          'GET',
          `/api/workshops/${t.w.id}/versions?doc=map:joint`,
          undefined,
          auth,
        )
      ).body.versions;
      return versions.some((v) => v.kind === 'meeting');
    }, 'meeting version saved');
    expect(versions.find((v) => v.kind === 'meeting')).toMatchObject({ label: '2 Terugblik', cardCount: 4 });
  });

  it('[J1] the meetings are written by the facilitator only and must fit their spec', async () => {
    const t = await betweenMeetings();
    putMeeting(t.session.doc, { id: 'm1', n: 1, date: '2026-11-30', goal: 'Kaart', steps: ['values'] }, LOCAL_USER);
    const serverSession = () => t.app.registry.peek(roomName(t.w.id as never, 'session'))!.doc;
    await waitFor(() => readMeetings(serverSession()).length === 1, 'meeting stored');
    // A participant's session connection is read-only: a meeting written there closes it, nothing lands.
    const pSession = connectClient(t.app.port, t.w.id, 'session', await t.w.participant('Mo', 1));
    scope.cleanup.push(() => pSession.destroy());
    await synced(pSession);
    pSession.doc.transact(
      () => pSession.doc.getMap('meetings').set('m9', { n: 9, date: '2026-12-01', goal: 'x', steps: '' }),
      LOCAL_USER,
    );
    await waitFor(() => pSession.closes.length > 0, 'participant closed');
    // A facilitator's malformed meeting (no date) is refused as a whole.
    t.session.doc.transact(
      () => t.session.doc.getMap('meetings').set('bad', { n: 2, date: 'morgen', goal: '', steps: '' }),
      LOCAL_USER,
    );
    await waitFor(() => t.session.closes.length > 0, 'facilitator connection closed for a malformed root entry');
    expect(readMeetings(serverSession()).map((m) => m.id)).toEqual(['m1']);
    expect(serverSession().getMap('meetings').has('m9')).toBe(false);
    expect(serverSession().getMap('meetings').has('bad')).toBe(false);
  });
});
