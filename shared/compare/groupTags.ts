import type * as Y from 'yjs';
import type { GroupTag } from './merge.js';
import type { Origin } from '../origins.js';

/**
 * Tags on groups of similar statements (see similarity.ts `groupStatements`), kept in the JOINT map
 * document: a top-level `Y.Map` named `groups`, keyed by the group's id, each value a plain object
 * {tag, proposedBy, confirmed}, and beside it `groupMembers`, keyed by the same id, the group's card ids. Anyone who may write the joint map proposes a tag; the
 * facilitator confirms it. The server's column guard looks at cards only, so confirming is a rule of
 * the client: only the facilitator's screen offers it.
 *
 * A group's id is given once, when it is first tagged (its card ids then, joined by `+`), and never
 * changes; its members (the card ids, joined by `+`, in `groupMembers`: a root of its own, so the shape
 * of a tag entry, and backups made before, stay as they were) say which cards it stood for. Groups are computed
 * again on every change, so a group is matched to its stored id by the cards they share
 * (`assignGroupIds`, [C5]): a card added to or removed from a partner map later (a step back to the
 * homogeneous stage) keeps the tag on its group. Entries from before `members` was kept have the
 * member ids as their key; they are read with the key as members (a read-time migration: nothing has
 * to be rewritten, and the next write of the tag adds its members).
 */
export const GROUPS_KEY = 'groups';
export const GROUP_MEMBERS_KEY = 'groupMembers';

export const GROUP_TAGS: readonly GroupTag[] = ['shared', 'complementary', 'tension'];

export interface GroupTagEntry {
  tag: GroupTag;
  /** The name of who proposed (or set) it. */
  proposedBy: string;
  confirmed: boolean;
  /** The card ids the group stood for when it was last tagged. */
  members: string[];
}

/** Stored `members` stay within the document schema's limit (docSchema.ts); the first ids are kept. */
export const GROUP_MEMBERS_MAX = 4000;
const SEP = '+';

function joinMembers(ids: readonly string[]): string {
  let out = '';
  for (const id of ids) {
    const next = out ? `${out}${SEP}${id}` : id;
    if (next.length > GROUP_MEMBERS_MAX) break;
    out = next;
  }
  return out;
}

export function isGroupTag(value: unknown): value is GroupTag {
  return typeof value === 'string' && (GROUP_TAGS as readonly string[]).includes(value);
}

export function getGroupsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(GROUPS_KEY);
}

function getMembersMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(GROUP_MEMBERS_KEY);
}

function readEntry(key: string, value: unknown, storedMembers: unknown): GroupTagEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isGroupTag(v.tag)) return null;
  // Before members were kept, the key was the sorted member ids.
  const members = (typeof storedMembers === 'string' ? storedMembers : key).split(SEP).filter(Boolean);
  return {
    tag: v.tag,
    proposedBy: typeof v.proposedBy === 'string' ? v.proposedBy : '',
    confirmed: v.confirmed === true,
    members,
  };
}

/** Every readable tag, by group key (entries of another shape are left out). */
export function readGroupTags(doc: Y.Doc): Record<string, GroupTagEntry> {
  const out: Record<string, GroupTagEntry> = {};
  const members = getMembersMap(doc);
  getGroupsMap(doc).forEach((value, key) => {
    const entry = readEntry(key, value, members.get(key));
    if (entry) out[key] = entry;
  });
  return out;
}

export function readGroupTag(doc: Y.Doc, key: string): GroupTagEntry | null {
  return readEntry(key, getGroupsMap(doc).get(key), getMembersMap(doc).get(key));
}

/** Store an entry: the tag in `groups`, the members as one string in `groupMembers` (inside a transaction). */
function store(doc: Y.Doc, key: string, entry: GroupTagEntry): void {
  getGroupsMap(doc).set(key, { tag: entry.tag, proposedBy: entry.proposedBy, confirmed: entry.confirmed });
  const members = joinMembers(entry.members);
  if (getMembersMap(doc).get(key) !== members) getMembersMap(doc).set(key, members);
}

/**
 * Propose a tag for a group (a new proposal replaces the old one and is not confirmed), or, with
 * `confirmed`, set it as confirmed at once (the facilitator choosing a tag). `members`: the group's
 * cards now (by default those stored, or the ids in the key).
 */
export function proposeTag(
  doc: Y.Doc,
  key: string,
  tag: GroupTag,
  proposedBy: string,
  origin: Origin,
  options: { confirmed?: boolean; members?: readonly string[] } = {},
): void {
  const members = options.members ?? readGroupTag(doc, key)?.members ?? key.split(SEP).filter(Boolean);
  const entry: GroupTagEntry = { tag, proposedBy, confirmed: options.confirmed === true, members: [...members] };
  doc.transact(() => store(doc, key, entry), origin);
}

/** Confirm the proposed tag of a group; false (and nothing written) when there is none or it is confirmed already. */
export function confirmTag(doc: Y.Doc, key: string, origin: Origin): boolean {
  const entry = readGroupTag(doc, key);
  if (!entry || entry.confirmed) return false;
  doc.transact(() => store(doc, key, { ...entry, confirmed: true }), origin);
  return true;
}

/** Remove a group's tag; false when it had none. */
export function clearTag(doc: Y.Doc, key: string, origin: Origin): boolean {
  if (!getGroupsMap(doc).has(key)) return false;
  doc.transact(() => {
    getGroupsMap(doc).delete(key);
    getMembersMap(doc).delete(key);
  }, origin);
  return true;
}

/**
 * Match the groups computed now to the ids of tagged groups by the cards they share ([C5]): the pair
 * (stored group, computed group) sharing the most cards first, each used once; ties go to the stored
 * id that sorts first and the computed group listed first. A computed group without a match gets its
 * own member key (`a+b`), which becomes its id when it is tagged; should that key already belong to
 * another group, a suffix keeps the two apart. Returns computed key → id.
 */
export function assignGroupIds(
  groups: readonly { key: string; ids: readonly string[] }[],
  tags: Readonly<Record<string, GroupTagEntry>>,
): Map<string, string> {
  const groupOfCard = new Map<string, number>();
  groups.forEach((g, gi) => {
    for (const id of g.ids) groupOfCard.set(id, gi);
  });
  const pairs: { id: string; gi: number; shared: number }[] = [];
  for (const id of Object.keys(tags).sort()) {
    const counts = new Map<number, number>();
    for (const m of tags[id].members) {
      const gi = groupOfCard.get(m);
      if (gi !== undefined) counts.set(gi, (counts.get(gi) ?? 0) + 1);
    }
    for (const [gi, shared] of counts) pairs.push({ id, gi, shared });
  }
  pairs.sort((a, b) => b.shared - a.shared || (a.id < b.id ? -1 : a.id > b.id ? 1 : a.gi - b.gi));
  const out = new Map<string, string>();
  const usedIds = new Set<string>();
  for (const { id, gi } of pairs) {
    if (usedIds.has(id) || out.has(groups[gi].key)) continue;
    usedIds.add(id);
    out.set(groups[gi].key, id);
  }
  for (const g of groups) {
    if (out.has(g.key)) continue;
    let id = g.key;
    for (let n = 2; Object.hasOwn(tags, id) || usedIds.has(id); n++) id = `${g.key}~${n}`;
    usedIds.add(id);
    out.set(g.key, id);
  }
  return out;
}
