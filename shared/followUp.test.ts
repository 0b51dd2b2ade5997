import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makeMap } from './export/testing/fixtureMap.js';
import {
  actionsByValue,
  actionsOf,
  followUpRefusal,
  isOverdue,
  ownsAction,
  setFollowUp,
  statusCounts,
} from './followUp.js';
import { getCard } from './cardSchema.js';
import { createCard } from './ops.js';
import { LOCAL_USER } from './origins.js';
import type { Principal } from './permissions.js';

const pia: Principal = { access: 'participant', participantId: 'pia', partner: 'gemeente' };
const kees: Principal = { access: 'participant', participantId: 'kees', partner: 'gemeente' };
const otto: Principal = { access: 'participant', participantId: 'otto', partner: 'wijkteam' };
const facilitator: Principal = { access: 'facilitator', participantId: 'f', partner: '' };
const agreedStep = { column: 'steps', status: 'agreed' };

describe('who may write the follow-up of an action', () => {
  it('[J4] only on an agreed step card; the facilitator writes every field', () => {
    expect(followUpRefusal({ column: 'steps', status: 'open' }, null, ['actionStatus'], facilitator)).toBe(
      'not-agreed',
    );
    expect(followUpRefusal({ column: 'values', status: 'agreed' }, null, ['actionDue'], facilitator)).toBe(
      'not-agreed',
    );
    expect(followUpRefusal(agreedStep, null, ['actionOwner', 'actionDue'], facilitator)).toBeNull();
  });

  it('[J5] the owner writes status and note only; a partner owner is anyone of that partner', () => {
    const person = { kind: 'person' as const, id: 'pia' };
    const partner = { kind: 'partner' as const, id: 'gemeente' };
    expect(followUpRefusal(agreedStep, person, ['actionStatus', 'actionNote'], pia)).toBeNull();
    expect(followUpRefusal(agreedStep, person, ['actionStatus'], kees)).toBe('not-owner');
    expect(followUpRefusal(agreedStep, person, ['actionDue'], pia)).toBe('not-owner');
    expect(followUpRefusal(agreedStep, person, ['actionOwner'], pia)).toBe('not-owner');
    expect(followUpRefusal(agreedStep, partner, ['actionNote'], kees)).toBeNull();
    expect(followUpRefusal(agreedStep, partner, ['actionNote'], otto)).toBe('not-owner');
    expect(followUpRefusal(agreedStep, null, ['actionNote'], otto)).toBe('not-owner');
    // Someone without a partner is never "anyone of" a partner with an empty id.
    expect(ownsAction({ kind: 'partner', id: '' }, { participantId: 'x', partner: '' })).toBe(false);
  });

  it('[J4] setFollowUp writes only on an agreed step card and only values that fit; empty clears', () => {
    const doc = new Y.Doc();
    const id = createCard(doc, { column: 'steps', author: '', authorName: '', partner: '', text: 'a' }, LOCAL_USER);
    expect(setFollowUp(doc, id, { status: 'doing' }, LOCAL_USER)).toBe(false);
    const card = getCard(doc, id)!;
    doc.transact(() => card.set('status', 'agreed'));
    expect(setFollowUp(doc, id, { due: '2026-13-01' }, LOCAL_USER)).toBe(false);
    expect(
      setFollowUp(doc, id, { due: '2026-12-07', note: 'n', owner: { kind: 'person', id: 'pia' } }, LOCAL_USER),
    ).toBe(true);
    expect(card.get('actionDue')).toBe('2026-12-07');
    expect(setFollowUp(doc, id, { note: '', owner: null }, LOCAL_USER)).toBe(true);
    expect(card.has('actionNote')).toBe(false);
    expect(card.has('actionOwner')).toBe(false);
  });
});

describe('the review and the reports', () => {
  const map = makeMap([
    { id: 'w1', column: 'values', text: 'Iedereen telt mee' },
    { id: 'w2', column: 'values', text: 'Dichtbij' },
    { id: 'c1', column: 'conditions', text: 'Een vaste plek', links: ['w2'] },
    { id: 'a1', column: 'steps', text: 'Buurtavond', status: 'agreed', links: ['w1'], followUp: { status: 'done' } },
    {
      id: 'a2',
      column: 'steps',
      text: 'Spreekuur',
      status: 'agreed',
      links: ['c1', 'w1'],
      followUp: { owner: { kind: 'partner', id: 'gemeente' } },
    },
    { id: 'a3', column: 'steps', text: 'Folder', status: 'agreed', followUp: { owner: { kind: 'person', id: 'pia' } } },
    { id: 'a4', column: 'steps', text: 'Nog open', links: ['w1'] },
  ]);

  it('[J6] actions grouped by the values they serve, through the cards they serve; the rest "zonder waarde"', () => {
    const groups = actionsByValue(map).map((g) => [g.value?.id ?? null, g.actions.map((a) => a.id)]);
    expect(groups).toEqual([
      ['w1', ['a1', 'a2']],
      ['w2', ['a2']],
      [null, ['a3']],
    ]);
  });

  it("[J7] my actions: in my name or my partner's", () => {
    expect(actionsOf(map, pia).map((a) => a.id)).toEqual(['a2', 'a3']);
    expect(actionsOf(map, otto)).toEqual([]);
  });

  it('[J6] overdue only when past due and not done or dropped; counts per status', () => {
    expect(isOverdue({ actionDue: '2026-12-01', actionStatus: 'doing' }, '2026-12-02')).toBe(true);
    expect(isOverdue({ actionDue: '2026-12-02', actionStatus: 'doing' }, '2026-12-02')).toBe(false);
    expect(isOverdue({ actionDue: '2026-12-01', actionStatus: 'done' }, '2026-12-09')).toBe(false);
    expect(isOverdue({ actionDue: '', actionStatus: 'planned' }, '2026-12-09')).toBe(false);
    expect(statusCounts(map.columns.steps.filter((c) => c.status === 'agreed'))).toEqual({
      planned: 2,
      doing: 0,
      done: 1,
      stuck: 0,
      dropped: 0,
    });
  });
});
