import type * as Y from 'yjs';
import type { GroupTag } from './merge.js';
import type { Origin } from '../origins.js';

/**
 * Tags on groups of similar statements (see similarity.ts `groupStatements`), kept in the JOINT map
 * document: a top-level `Y.Map` named `groups`, keyed by the group key, each value a plain object
 * {tag, proposedBy, confirmed}. Anyone who may write the joint map proposes a tag; the facilitator
 * confirms it. The server's column guard looks at cards only, so confirming is a rule of the client:
 * only the facilitator's screen offers it.
 */
export const GROUPS_KEY = 'groups';

export const GROUP_TAGS: readonly GroupTag[] = ['shared', 'complementary', 'tension'];

export interface GroupTagEntry {
  tag: GroupTag;
  /** The name of who proposed (or set) it. */
  proposedBy: string;
  confirmed: boolean;
}

export function isGroupTag(value: unknown): value is GroupTag {
  return typeof value === 'string' && (GROUP_TAGS as readonly string[]).includes(value);
}

export function getGroupsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(GROUPS_KEY);
}

function readEntry(value: unknown): GroupTagEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isGroupTag(v.tag)) return null;
  return {
    tag: v.tag,
    proposedBy: typeof v.proposedBy === 'string' ? v.proposedBy : '',
    confirmed: v.confirmed === true,
  };
}

/** Every readable tag, by group key (entries of another shape are left out). */
export function readGroupTags(doc: Y.Doc): Record<string, GroupTagEntry> {
  const out: Record<string, GroupTagEntry> = {};
  getGroupsMap(doc).forEach((value, key) => {
    const entry = readEntry(value);
    if (entry) out[key] = entry;
  });
  return out;
}

export function readGroupTag(doc: Y.Doc, key: string): GroupTagEntry | null {
  return readEntry(getGroupsMap(doc).get(key));
}

/**
 * Propose a tag for a group (a new proposal replaces the old one and is not confirmed), or, with
 * `confirmed`, set it as confirmed at once (the facilitator choosing a tag).
 */
export function proposeTag(
  doc: Y.Doc,
  key: string,
  tag: GroupTag,
  proposedBy: string,
  origin: Origin,
  options: { confirmed?: boolean } = {},
): void {
  const entry: GroupTagEntry = { tag, proposedBy, confirmed: options.confirmed === true };
  doc.transact(() => getGroupsMap(doc).set(key, entry), origin);
}

/** Confirm the proposed tag of a group; false (and nothing written) when there is none or it is confirmed already. */
export function confirmTag(doc: Y.Doc, key: string, origin: Origin): boolean {
  const entry = readGroupTag(doc, key);
  if (!entry || entry.confirmed) return false;
  doc.transact(() => getGroupsMap(doc).set(key, { ...entry, confirmed: true } satisfies GroupTagEntry), origin);
  return true;
}

/** Remove a group's tag; false when it had none. */
export function clearTag(doc: Y.Doc, key: string, origin: Origin): boolean {
  if (!getGroupsMap(doc).has(key)) return false;
  doc.transact(() => getGroupsMap(doc).delete(key), origin);
  return true;
}
