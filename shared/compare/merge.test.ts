import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCards } from '../cardSchema.js';
import { createCard } from '../ops.js';
import { LOCAL_USER } from '../origins.js';
import { readMap } from '../readModel.js';
import { takeIntoJoint, takenFrom } from './merge.js';

describe('building the joint map with provenance', () => {
  it('[C3] several similar cards become one joint card that keeps every origin; partner maps keep their cards', () => {
    const zorg = new Y.Doc();
    const bewoners = new Y.Doc();
    const joint = new Y.Doc();
    const z = createCard(
      zorg,
      {
        column: 'values',
        author: '',
        authorName: 'Fatima',
        partner: 'zorg' as never,
        text: 'mensen met dementie langer thuis',
      },
      LOCAL_USER,
    );
    const b = createCard(
      bewoners,
      {
        column: 'values',
        author: '',
        authorName: 'Kwame',
        partner: 'bewoners' as never,
        text: 'een wandelclub voor mensen met dementie',
      },
      LOCAL_USER,
    );
    const id = takeIntoJoint(
      joint,
      {
        column: 'values',
        text: 'Mensen met dementie en hun mantelzorgers steunen elkaar',
        author: 'f',
        authorName: 'Begeleider',
        tag: 'shared',
        origins: [
          { map: 'map:zorg', cardId: z, partner: 'zorg', text: 'mensen met dementie langer thuis' },
          { map: 'map:bewoners', cardId: b, partner: 'bewoners', text: 'een wandelclub voor mensen met dementie' },
        ],
      },
      LOCAL_USER,
    );
    const card = readMap(joint).columns.values[0];
    expect(card).toMatchObject({ id, status: 'open', tag: 'shared', partner: '' });
    expect(card.origins.map((o) => o.partner)).toEqual(['zorg', 'bewoners']);
    expect(getCards(zorg).has(z) && getCards(bewoners).has(b)).toBe(true);
    expect(takenFrom(joint).get(z)).toEqual([id]);
  });

  it('[C3] a tension becomes an open point (parked), never dropped; one source keeps its partner', () => {
    const joint = new Y.Doc();
    takeIntoJoint(
      joint,
      {
        column: 'relations',
        text: 'Wie beslist over het budget?',
        author: 'f',
        authorName: 'B',
        tag: 'tension',
        origins: [{ map: 'map:gemeente', cardId: 'x', partner: 'gemeente', text: 't' }],
      },
      LOCAL_USER,
    );
    expect(readMap(joint).columns.relations[0]).toMatchObject({
      status: 'parked',
      partner: 'gemeente',
      tag: 'tension',
    });
  });
});
