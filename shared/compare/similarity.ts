import { contentWords, wordMatch } from './dutchText.js';
import { NO_DECISIONS, type PairDecisions } from './pairDecisions.js';

/** Two words count as the same idea at or above this match (see wordMatch). */
const WORD_MATCH = 0.75;
/** Two statements are grouped at or above this similarity. */
export const SIMILAR = 0.33;

/**
 * Similarity of two short statements, 0..1: the share of content words of the shorter statement that
 * have a match in the other (the overlap coefficient over fuzzy word matches). Short statements on
 * cards rarely repeat words, so one strong shared word (after stemming and compound matching) is a
 * real signal; stop words and words every card uses are left out beforehand.
 */
export function similarity(a: string, b: string): number {
  const wa = [...new Set(contentWords(a))];
  const wb = [...new Set(contentWords(b))];
  if (wa.length === 0 || wb.length === 0) return 0;
  const [small, large] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  let matched = 0;
  for (const w of small) if (large.some((x) => wordMatch(w, x) >= WORD_MATCH)) matched++;
  return matched / small.length;
}

export interface Statement {
  id: string;
  text: string;
  /** Who said it (a partner id); statements of one source are never grouped only with each other. */
  source: string;
}

export interface StatementGroup {
  /** The sorted ids of its statements, joined by `+` (a group's stored identity is groupTags.ts `assignGroupIds`). */
  key: string;
  ids: string[];
  sources: string[];
  /** True when only one source said it. */
  single: boolean;
}

/**
 * Group statements that say similar things (single linkage over `similarity ≥ SIMILAR`). Every
 * statement ends in exactly one group; a group with one source is marked `single` ("only this partner
 * said it"). Deterministic: the same input gives the same groups in the same order.
 *
 * The facilitator's decisions ([C4], pairDecisions.ts) come first: joined pairs are linked whatever
 * their similarity; then the similar pairs, most similar first, are linked unless that would put two
 * cards marked "niet hetzelfde" in one group (a constrained single linkage). Without decisions this
 * gives exactly the connected components of the similarity graph.
 */
export function groupStatements(
  statements: readonly Statement[],
  decisions: PairDecisions = NO_DECISIONS,
): StatementGroup[] {
  const parent = statements.map((_, i) => i);
  const members = statements.map((_, i) => [i]);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) return;
    parent[ra] = rb;
    members[rb] = members[rb].concat(members[ra]);
  };
  const index = new Map(statements.map((s, i) => [s.id, i] as const));
  const splitWith = new Map<string, string[]>();
  for (const [a, b] of decisions.splits) {
    splitWith.set(a, [...(splitWith.get(a) ?? []), b]);
    splitWith.set(b, [...(splitWith.get(b) ?? []), a]);
  }
  // Would linking these two groups put a split pair together?
  const apart = (a: number, b: number): boolean => {
    const [ra, rb] = [find(a), find(b)];
    const [small, other] = members[ra].length <= members[rb].length ? [ra, rb] : [rb, ra];
    for (const m of members[small]) {
      for (const x of splitWith.get(statements[m].id) ?? []) {
        const xi = index.get(x);
        if (xi !== undefined && find(xi) === other) return true;
      }
    }
    return false;
  };
  for (const [a, b] of decisions.joins) {
    const ai = index.get(a);
    const bi = index.get(b);
    if (ai !== undefined && bi !== undefined) union(ai, bi);
  }
  const edges: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < statements.length; i++) {
    for (let j = i + 1; j < statements.length; j++) {
      if (statements[i].source === statements[j].source) continue;
      const s = similarity(statements[i].text, statements[j].text);
      if (s >= SIMILAR) edges.push({ i, j, s });
    }
  }
  edges.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  for (const { i, j } of edges) if (find(i) !== find(j) && !apart(i, j)) union(i, j);
  const byRoot = new Map<number, number[]>();
  statements.forEach((_, i) => byRoot.set(find(i), [...(byRoot.get(find(i)) ?? []), i]));
  return [...byRoot.values()]
    .map((group) => {
      const ids = group.map((i) => statements[i].id).sort();
      const sources = [...new Set(group.map((i) => statements[i].source))].sort();
      return { key: ids.join('+'), ids, sources, single: sources.length === 1 };
    })
    .sort((a, b) => b.sources.length - a.sources.length || (a.key < b.key ? -1 : 1));
}
