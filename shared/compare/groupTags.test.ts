import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCards } from '../cardSchema.js';
import { LOCAL_USER, SERVER } from '../origins.js';
import { groupStatements } from './similarity.js';
import {
  assignGroupIds,
  clearTag,
  confirmTag,
  getGroupsMap,
  GROUP_MEMBERS_KEY,
  GROUPS_KEY,
  proposeTag,
  readGroupTag,
  readGroupTags,
} from './groupTags.js';

describe('group tags in the joint map', () => {
  it('[C2] a proposal is stored in the `groups` map of the joint document, unconfirmed, and the facilitator confirms it', () => {
    const joint = new Y.Doc();
    proposeTag(joint, 'a+b', 'shared', 'Anna', LOCAL_USER);
    expect(joint.getMap(GROUPS_KEY).get('a+b')).toEqual({ tag: 'shared', proposedBy: 'Anna', confirmed: false });
    expect(confirmTag(joint, 'a+b', LOCAL_USER)).toBe(true);
    expect(readGroupTag(joint, 'a+b')).toEqual({
      tag: 'shared',
      proposedBy: 'Anna',
      confirmed: true,
      members: ['a', 'b'],
    });
    // Confirming twice, or a group without a tag, writes nothing.
    expect(confirmTag(joint, 'a+b', LOCAL_USER)).toBe(false);
    expect(confirmTag(joint, 'c', LOCAL_USER)).toBe(false);
    // The cards are not touched.
    expect(getCards(joint).size).toBe(0);
  });

  it('[C2] a new proposal replaces the old one; the facilitator may set a tag confirmed at once; tags can be removed', () => {
    const joint = new Y.Doc();
    proposeTag(joint, 'k', 'shared', 'Anna', LOCAL_USER);
    confirmTag(joint, 'k', LOCAL_USER);
    proposeTag(joint, 'k', 'tension', 'Bram', LOCAL_USER);
    expect(readGroupTag(joint, 'k')).toEqual({ tag: 'tension', proposedBy: 'Bram', confirmed: false, members: ['k'] });
    proposeTag(joint, 'k', 'complementary', 'Begeleider', LOCAL_USER, { confirmed: true });
    expect(readGroupTag(joint, 'k')?.confirmed).toBe(true);
    expect(clearTag(joint, 'k', LOCAL_USER)).toBe(true);
    expect(clearTag(joint, 'k', LOCAL_USER)).toBe(false);
    expect(readGroupTags(joint)).toEqual({});
  });

  it("reads other peers' tags and leaves out entries of another shape", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    proposeTag(a, 'x+y', 'tension', 'Anna', LOCAL_USER);
    getGroupsMap(a).set('junk', { tag: 'maybe' });
    getGroupsMap(a).set('text', 'shared');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a), SERVER);
    expect(readGroupTags(b)).toEqual({
      'x+y': { tag: 'tension', proposedBy: 'Anna', confirmed: false, members: ['x', 'y'] },
    });
  });

  it('[C5] a tag keeps its stable id and members; a card added to the group later keeps the tag on it', () => {
    const joint = new Y.Doc();
    const before = groupStatements([
      { id: 'a', text: 'een dementiecafé opzetten', source: 'welzijn' },
      { id: 'b', text: 'een wandelclub voor mensen met dementie', source: 'bewoners' },
    ]);
    const ids = assignGroupIds(before, readGroupTags(joint));
    const id = ids.get(before[0].key)!;
    expect(id).toBe('a+b');
    proposeTag(joint, id, 'shared', 'Anna', LOCAL_USER, { members: before[0].ids });
    expect(joint.getMap(GROUP_MEMBERS_KEY).get('a+b')).toBe('a+b');
    // Back in the homogeneous stage, Zorg adds a similar card: the group is now a+b+c, the tag stays.
    const after = groupStatements([
      { id: 'a', text: 'een dementiecafé opzetten', source: 'welzijn' },
      { id: 'b', text: 'een wandelclub voor mensen met dementie', source: 'bewoners' },
      { id: 'c', text: 'mensen met dementie en mantelzorgers met elkaar verbinden', source: 'zorg' },
    ]);
    expect(after[0].key).toBe('a+b+c');
    expect(assignGroupIds(after, readGroupTags(joint)).get('a+b+c')).toBe('a+b');
    // Re-tagging writes the members now.
    proposeTag(joint, 'a+b', 'complementary', 'Bram', LOCAL_USER, { members: after[0].ids });
    expect(readGroupTag(joint, 'a+b')?.members).toEqual(['a', 'b', 'c']);
    // Card a is deleted and a new card d joins: b and c still carry the id.
    const later = groupStatements([
      { id: 'b', text: 'een wandelclub voor mensen met dementie', source: 'bewoners' },
      { id: 'c', text: 'mensen met dementie en mantelzorgers met elkaar verbinden', source: 'zorg' },
      { id: 'd', text: 'dementie vroeg herkennen', source: 'welzijn' },
    ]);
    expect(assignGroupIds(later, readGroupTags(joint)).get('b+c+d')).toBe('a+b');
  });

  it('[C5] old entries keyed by sorted card ids are read with those ids as members (migration)', () => {
    const joint = new Y.Doc();
    // As stored before members were kept: only the tag, under the member key.
    getGroupsMap(joint).set('p+q', { tag: 'tension', proposedBy: 'Anna', confirmed: true });
    expect(readGroupTag(joint, 'p+q')?.members).toEqual(['p', 'q']);
    const groups = [
      { key: 'p+q+r', ids: ['p', 'q', 'r'] },
      { key: 's', ids: ['s'] },
    ];
    expect(assignGroupIds(groups, readGroupTags(joint))).toEqual(
      new Map([
        ['p+q+r', 'p+q'],
        ['s', 's'],
      ]),
    );
  });

  it('[C5] when a group splits, its id goes with the larger part; each id is used once; a new key never takes a used id', () => {
    const joint = new Y.Doc();
    proposeTag(joint, 'g1', 'shared', 'Anna', LOCAL_USER, { members: ['a', 'b', 'c'] });
    proposeTag(joint, 'c', 'tension', 'Bram', LOCAL_USER, { members: ['x'] });
    const groups = [
      { key: 'c', ids: ['c'] },
      { key: 'a+b', ids: ['a', 'b'] },
    ];
    const ids = assignGroupIds(groups, readGroupTags(joint));
    expect(ids.get('a+b')).toBe('g1');
    // "c" is taken by another stored group (whose card x is gone), so the new group gets its own id.
    expect(ids.get('c')).toBe('c~2');
    expect(new Set(ids.values()).size).toBe(2);
  });
});
