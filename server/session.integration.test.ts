import { describe, expect, it } from 'vitest';
import type { Store } from './store/Store.js';
import type { ApiError, RestoreResponse, VersionInfo, VersionListResponse } from '../shared/api.js';
import { setStepFields } from '../shared/cardDetails.js';
import { getCards } from '../shared/cardSchema.js';
import { createCard, setCardPlainText, updateCard } from '../shared/ops.js';
import { LOCAL_USER } from '../shared/origins.js';
import { CloseCode, roomName } from '../shared/protocol.js';
import { readMap, type MapSnapshot } from '../shared/readModel.js';
import { requestReveal, setActiveColumns, setPhase, setSessionPlan } from '../shared/session.js';
import { api, synced, waitFor, waitForAsync } from './test/harness.js';
import { cleanupAfterEach, collectNotices, liveWorkshop } from './test/fixtures.js';

const scope = cleanupAfterEach();

async function setup() {
  const { app, w, open, room } = await liveWorkshop(scope);
  const session = open('session', w.facilitatorToken);
  const facilitatorMap = open('map:joint', w.facilitatorToken);
  await Promise.all([synced(session), synced(facilitatorMap)]);
  const sessionOnServer = () => room('session')!.doc.getMap('session');
  return { app, w, open, session, facilitatorMap, sessionOnServer };
}

const participantId = async (app: { store: Store }, name: string) =>
  (await app.store.query('SELECT id FROM participants WHERE name = ?', [name]))[0].id as string;

describe('write alone first, then reveal', () => {
  it("[G4] private cards stay in the author's drafts until the facilitator reveals them all at once", async () => {
    const t = await setup();
    setSessionPlan(t.session.doc, { mode: 'separate' }, LOCAL_USER);
    setPhase(t.session.doc, 'private', LOCAL_USER);
    await waitFor(() => t.sessionOnServer().get('phase') === 'private', 'private phase on server');

    const annaToken = await t.w.participant('Anna');
    const bramToken = await t.w.participant('Bram', 1);
    const anna = await participantId(t.app, 'Anna');
    const bram = await participantId(t.app, 'Bram');
    const annaMap = t.open('map:joint', annaToken);
    const bramMap = t.open('map:joint', bramToken);
    const annaDrafts = t.open(`drafts:${anna}`, annaToken);
    const bramDrafts = t.open(`drafts:${bram}`, bramToken);
    await Promise.all([annaMap, bramMap, annaDrafts, bramDrafts].map(synced));
    const notices = collectNotices(annaMap);

    const a1 = createCard(
      annaDrafts.doc,
      {
        column: 'values',
        author: anna as never,
        authorName: 'Anna',
        partner: '',
        text: 'van Anna',
        draftFor: 'map:joint',
      },
      LOCAL_USER,
    );
    const b1 = createCard(
      bramDrafts.doc,
      {
        column: 'values',
        author: bram as never,
        authorName: 'Bram',
        partner: '',
        text: 'van Bram',
        draftFor: 'map:joint',
      },
      LOCAL_USER,
    );
    // The facilitator may look into a person's drafts; another participant may not.
    const peek = t.open(`drafts:${anna}`, t.w.facilitatorToken);
    await waitFor(() => getCards(peek.doc).has(a1), "facilitator sees Anna's draft");
    const nosy = t.open(`drafts:${anna}`, bramToken);
    await waitFor(() => nosy.closes.some((c) => c.code === CloseCode.FORBIDDEN), "Bram cannot open Anna's drafts");

    // A card written straight onto the map in the private phase is reverted.
    const direct = createCard(annaMap.doc, { column: 'values', ...annaMap.me, text: 'te vroeg' }, LOCAL_USER);
    await waitFor(() => notices.some((n) => n.code === 'private-phase'), 'private-phase notice');
    await waitFor(() => !getCards(annaMap.doc).has(direct), 'direct card reverted');
    await waitFor(() => getCards(annaDrafts.doc).has(a1) && getCards(bramDrafts.doc).has(b1), 'drafts stored');
    expect(getCards(bramMap.doc).size).toBe(0);

    requestReveal(t.session.doc, LOCAL_USER);
    await waitFor(() => getCards(bramMap.doc).has(a1) && getCards(bramMap.doc).has(b1), 'both revealed to Bram');
    await waitFor(() => getCards(annaMap.doc).has(a1) && getCards(annaMap.doc).has(b1), 'both revealed to Anna');
    expect(
      readMap(bramMap.doc)
        .columns.values.map((c) => c.plainText)
        .sort(),
    ).toEqual(['van Anna', 'van Bram']);
    expect(readMap(bramMap.doc).columns.values.find((c) => c.id === a1)?.authorName).toBe('Anna');
    await waitFor(() => getCards(annaDrafts.doc).size === 0 && getCards(bramDrafts.doc).size === 0, 'drafts emptied');
    expect(t.sessionOnServer().get('phase')).toBe('together');
  });
});

describe('agreement that grounds action', () => {
  it('[G5] a step card is agreed only with who, what and when, for anyone who writes it', async () => {
    const t = await setup();
    const p = t.open('map:joint', await t.w.participant('Pim'));
    await synced(p);
    const notices = collectNotices(p);
    const id = createCard(p.doc, { column: 'steps', ...p.me, text: 'wijkoverleg' }, LOCAL_USER);
    await waitFor(() => getCards(t.facilitatorMap.doc).has(id), 'card arrives');
    // Our own op refuses it; a client that writes the field directly is reverted by the server.
    expect(updateCard(p.doc, id, { status: 'agreed' }, LOCAL_USER)).toBe(false);
    p.doc.transact(
      () => (getCards(p.doc).get(id) as unknown as Map<string, unknown>).set('status', 'agreed'),
      LOCAL_USER,
    );
    await waitFor(() => notices.some((n) => n.code === 'needs-who-what-when'), 'notice');
    await waitFor(() => readMap(p.doc).columns.steps[0].status === 'open', 'reverted to open');
    setStepFields(p.doc, id, { who: 'Annelies', what: 'eerste wijkoverleg plannen', when: 'vóór 1 april' }, LOCAL_USER);
    // With who, what and when the facilitator agrees it (a participant never sets a status, [K1]).
    await waitFor(() => readMap(t.facilitatorMap.doc).columns.steps[0]?.when === 'vóór 1 april', 'fields arrive');
    expect(updateCard(t.facilitatorMap.doc, id, { status: 'agreed' }, LOCAL_USER)).toBe(true);
    await waitFor(() => readMap(t.facilitatorMap.doc).columns.steps[0]?.status === 'agreed', 'agreed arrives');
  });
});

describe('versions', () => {
  it('[V2] every step change saves a version; a restore makes a new state and can itself be undone', async () => {
    const t = await setup();
    const auth = { authorization: `Bearer ${t.w.facilitatorToken}` };
    setSessionPlan(t.session.doc, { mode: 'separate' }, LOCAL_USER);
    const a = createCard(
      t.facilitatorMap.doc,
      { column: 'values', author: '', authorName: 'F', partner: '', text: 'waarde één' },
      LOCAL_USER,
    );
    await waitFor(
      () =>
        !!t.app.registry
          .peek(roomName(t.w.id as never, 'map:joint'))
          ?.doc.getMap('cards')
          .has(a),
      'stored',
    );
    setActiveColumns(t.session.doc, ['relations'], LOCAL_USER);
    const list = async () =>
      (
        await api<VersionListResponse>(
          t.app.url,
          'GET',
          `/api/workshops/${t.w.id}/versions?doc=map:joint`,
          undefined,
          auth,
        )
      ).body.versions;
    let versions: VersionInfo[] = [];
    await waitForAsync(
      async () => (versions = await list()).some((v) => v.kind === 'step' && v.label === 'relations'),
      'step version saved',
    );
    const stepVersion = versions.find((v) => v.kind === 'step' && v.label === 'relations')!;
    expect(stepVersion).toMatchObject({ doc: 'map:joint', cardCount: 1 });

    setCardPlainText(t.facilitatorMap.doc, a, 'waarde gewijzigd', LOCAL_USER);
    const b = createCard(
      t.facilitatorMap.doc,
      { column: 'relations', author: '', authorName: 'F', partner: '', text: 'relatie' },
      LOCAL_USER,
    );
    await waitFor(
      () =>
        !!t.app.registry
          .peek(roomName(t.w.id as never, 'map:joint'))
          ?.doc.getMap('cards')
          .has(b),
      'second card stored',
    );
    const latest = JSON.stringify(readMap(t.facilitatorMap.doc));

    const viewed = await api<{ map: MapSnapshot }>(
      t.app.url,
      'GET',
      `/api/workshops/${t.w.id}/versions/${stepVersion.id}`,
      undefined,
      auth,
    );
    expect(viewed.body.map.columns.values[0].plainText).toBe('waarde één');

    const restored = await api<RestoreResponse>(
      t.app.url,
      'POST',
      `/api/workshops/${t.w.id}/versions/${stepVersion.id}/restore`,
      undefined,
      auth,
    );
    expect(restored.body.backup.kind).toBe('before-restore');
    await waitFor(() => readMap(t.facilitatorMap.doc).cardCount === 1, 'restored live for connected clients');
    expect(readMap(t.facilitatorMap.doc).columns.values[0].plainText).toBe('waarde één');

    await api(
      t.app.url,
      'POST',
      `/api/workshops/${t.w.id}/versions/${restored.body.backup.id}/restore`,
      undefined,
      auth,
    );
    await waitFor(() => JSON.stringify(readMap(t.facilitatorMap.doc)) === latest, 'restore undone: nothing lost');

    const participant = await t.w.participant('Pia');
    const forbidden = await api<ApiError>(t.app.url, 'GET', `/api/workshops/${t.w.id}/versions`, undefined, {
      authorization: `Bearer ${participant}`,
    });
    expect(forbidden.status).toBe(403);
  });
});
