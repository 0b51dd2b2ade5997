import type * as Y from 'yjs';
import type { Origin } from '../origins.js';

/**
 * The facilitator's corrections of the similarity grouping ([C4]): two cards that are "niet
 * hetzelfde" (split) or that belong together although the similarity missed it (join). Kept in the
 * SESSION document, which only the facilitator may write (permissions.ts `canWriteDoc`, enforced by
 * the server on every update), as its own root: a Y.Map keyed by the pair (the two card ids, sorted,
 * joined by `|`), each value `join` or `split`. One entry per pair, so two facilitator tabs deciding
 * about different pairs never overwrite each other, and the latest decision about a pair wins.
 * Card ids are unique across every map of a workshop, so a pair needs no map names.
 */
export const PAIR_DECISIONS_KEY = 'compareDecisions';

export const PAIR_DECISION_VALUES = ['join', 'split'] as const;
export type PairDecision = (typeof PAIR_DECISION_VALUES)[number];

/** Plain arrays (readers compare values by their JSON). */
export interface PairDecisions {
  /** Pairs joined by hand, each [smaller id, larger id], sorted. */
  joins: readonly (readonly [string, string])[];
  /** Pairs that are "niet hetzelfde", the same way. */
  splits: readonly (readonly [string, string])[];
}

export const NO_DECISIONS: PairDecisions = Object.freeze({ joins: Object.freeze([]), splits: Object.freeze([]) });

const SEP = '|';

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}${SEP}${b}` : `${b}${SEP}${a}`;
}

function getDecisionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(PAIR_DECISIONS_KEY);
}

/** Every readable decision (other shapes are left out). */
export function readPairDecisions(doc: Y.Doc): PairDecisions {
  const joins: [string, string][] = [];
  const splits: [string, string][] = [];
  getDecisionsMap(doc).forEach((value, key) => {
    const ids = key.split(SEP);
    if (ids.length !== 2 || !ids[0] || !ids[1] || ids[0] === ids[1]) return;
    const [a, b] = ids[0] < ids[1] ? [ids[0], ids[1]] : [ids[1], ids[0]];
    if (value === 'join') joins.push([a, b]);
    else if (value === 'split') splits.push([a, b]);
  });
  if (joins.length === 0 && splits.length === 0) return NO_DECISIONS;
  const order = (x: readonly string[], y: readonly string[]) => (x[0] + SEP + x[1] < y[0] + SEP + y[1] ? -1 : 1);
  return { joins: joins.sort(order), splits: splits.sort(order) };
}

/** "Niet hetzelfde": `cardId` is no longer grouped with any of `others` (and hand-made joins between them end). */
export function splitCard(doc: Y.Doc, cardId: string, others: readonly string[], origin: Origin): void {
  const targets = others.filter((o) => o !== cardId);
  if (targets.length === 0) return;
  doc.transact(() => {
    const m = getDecisionsMap(doc);
    for (const other of targets) m.set(pairKey(cardId, other), 'split' satisfies PairDecision);
  }, origin);
}

/** Join two cards (and so their groups) that the similarity left apart; a join undoes an earlier split of the pair. */
export function joinCards(doc: Y.Doc, a: string, b: string, origin: Origin): void {
  if (a === b) return;
  doc.transact(() => getDecisionsMap(doc).set(pairKey(a, b), 'join' satisfies PairDecision), origin);
}
