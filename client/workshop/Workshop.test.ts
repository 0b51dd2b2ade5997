import { afterEach, describe, expect, it } from 'vitest';
import { createCard } from '../../shared/ops.js';
import { LOCAL_USER, SEED } from '../../shared/origins.js';
import type { DocName } from '../../shared/protocol.js';
import { localWorkshop } from '../test/localWorkshop.js';
import type { WorkshopNotice } from './Workshop.js';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup.splice(0).reverse()) fn();
});

function setup(...args: Parameters<typeof localWorkshop>) {
  const local = localWorkshop(...args);
  cleanup.push(() => local.workshop.destroy());
  return local;
}

describe('the workshop object', () => {
  it('[W1] opens a document once however many hold it, and closes it after the last release', () => {
    const { workshop, open } = setup();
    const releaseA = workshop.hold('map:gemeente');
    const releaseB = workshop.hold('map:gemeente');
    expect(open).toEqual(['map:gemeente']);
    const first = workshop.get('map:gemeente');
    releaseA();
    releaseA(); // twice is once
    expect(workshop.get('map:gemeente')).toBe(first);
    releaseB();
    expect(workshop.get('map:gemeente')).toBeUndefined();
    expect(open).toEqual([]);
  });

  it('[W1] tells subscribers when documents open and close', () => {
    const { workshop } = setup();
    let changes = 0;
    cleanup.push(workshop.subscribe(() => changes++));
    const release = workshop.hold('session');
    release();
    expect(changes).toBe(2);
  });

  it('[W2] gives every map-shaped document (maps and drafts) a map env, and the others none', () => {
    const { workshop } = setup();
    const names: DocName[] = ['map:joint', 'map:zorg', 'drafts:p1', 'session', 'workshop'];
    names.forEach((n) => cleanup.push(workshop.hold(n)));
    expect(names.map((n) => workshop.get(n)?.map?.docName ?? null)).toEqual([
      'map:joint',
      'map:zorg',
      'drafts:p1',
      null,
      null,
    ]);
    const joint = workshop.get('map:joint')!.map!;
    createCard(
      joint.doc,
      { column: 'values', author: 'p1' as never, authorName: 'Anna', partner: 'gemeente' as never, text: 'samen' },
      SEED,
    );
    expect(joint.readModel.getSnapshot().cardCount).toBe(1);
  });

  it('[W3] shows my presence in a document only while someone holds it with presence', () => {
    const { workshop, log } = setup();
    const releaseRead = workshop.hold('map:joint');
    const awareness = workshop.get('map:joint')!.map!.awarenessHost.awareness;
    expect(awareness.getLocalState()).toBeNull();
    const releaseWork = workshop.hold('map:joint', { presence: true });
    expect(awareness.getLocalState()).toMatchObject({ user: { id: 'p1', name: 'Anna', partner: 'gemeente' } });
    releaseWork();
    expect(awareness.getLocalState()).toBeNull();
    releaseRead();
    // Opened with my presence from the first message on when the first holder wants it.
    cleanup.push(workshop.hold('map:zorg', { presence: true }));
    expect(log).toEqual(['map:joint', 'presence:map:zorg']);
  });

  it('[W3] a projector never shows presence, even in a map it works from', () => {
    const { workshop } = setup({
      who: { participantId: 'x', name: 'Projector', partner: '', role: '', access: 'projector' },
    });
    cleanup.push(workshop.hold('map:joint', { presence: true }));
    expect(workshop.get('map:joint')!.map!.awarenessHost.awareness.getLocalState()).toBeNull();
  });

  it('[W4] passes the notices of every document kind to one place, with the document they are about', () => {
    const { workshop, noticeFeed } = setup();
    const heard: WorkshopNotice[] = [];
    cleanup.push(workshop.onNotice((n) => heard.push(n)));
    const names: DocName[] = ['map:joint', 'map:zorg', 'session', 'workshop', 'drafts:p1'];
    names.forEach((n) => cleanup.push(workshop.hold(n)));
    names.forEach((n) => noticeFeed(n)!.emit({ code: 'private-phase' }));
    expect(heard.map((h) => h.doc)).toEqual(names);
  });

  it('[W5] knows who I am, the partners, my drafts document and the clock', () => {
    const { workshop } = setup({ clock: { now: () => 42 } });
    expect(workshop.me).toMatchObject({ participantId: 'p1', access: 'participant', canEdit: true });
    expect(workshop.me.user.color).toBe('#1f5fa8');
    expect([...workshop.partners.keys()]).toEqual(['gemeente', 'zorg']);
    expect(workshop.draftsName).toBe('drafts:p1');
    expect(workshop.clock.now()).toBe(42);
    const facilitator = setup({
      who: { participantId: 'f1', name: 'B', partner: '', role: '', access: 'facilitator' },
    }).workshop;
    expect(facilitator.draftsName).toBeNull();
    expect(facilitator.me.user.role).toBe('facilitator');
  });

  it('[W1] openDoc holds a document for code outside React until destroy', async () => {
    const { workshop, open } = setup();
    const held = workshop.openDoc('drafts:p2');
    await held.whenSynced();
    expect(open).toEqual(['drafts:p2']);
    createCard(
      held.doc,
      { column: 'values', author: 'p2' as never, authorName: 'B', partner: 'zorg' as never, text: 'x' },
      LOCAL_USER,
    );
    held.destroy();
    expect(open).toEqual([]);
  });

  it('[W1] closes everything when the page goes', () => {
    const { workshop, open } = setup();
    workshop.hold('session');
    workshop.hold('map:joint', { presence: true });
    workshop.destroy();
    expect(open).toEqual([]);
  });
});
