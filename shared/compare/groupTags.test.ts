import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCards } from '../cardSchema.js';
import { LOCAL_USER, SERVER } from '../origins.js';
import {
  clearTag,
  confirmTag,
  getGroupsMap,
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
    expect(readGroupTag(joint, 'a+b')).toEqual({ tag: 'shared', proposedBy: 'Anna', confirmed: true });
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
    expect(readGroupTag(joint, 'k')).toEqual({ tag: 'tension', proposedBy: 'Bram', confirmed: false });
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
    expect(readGroupTags(b)).toEqual({ 'x+y': { tag: 'tension', proposedBy: 'Anna', confirmed: false } });
  });
});
