import * as Y from 'yjs';
import { getCard } from './cardSchema.js';
import type { CardLink } from './card/fields.js';
import { COLUMN_IDS, getColumn, type ColumnId } from './columns.js';
import type { Lang } from './i18n/languages.js';
import type { CardId } from './ids.js';
import type { Origin } from './origins.js';
import type { CardSnapshot, MapSnapshot } from './readModel.js';

/**
 * "Hoort bij…" (issue 14, SPEC L1–L6, docs/decisions/0023): a card says which cards it serves.
 * A card serves cards of columns earlier in the method: an action (step 5) serves conditions,
 * roles (handelen), relations and values; a condition serves roles, relations and values; … ;
 * every card may serve the values. Values serve nothing. The links live in the card's `links`
 * field (card/fields.ts), keyed by the id of the card served.
 *
 * A link counts only while it fits: its target is a card of the same map, not the card itself, in a
 * column the card may serve. A move can make a stored link stop fitting; every reader here leaves it
 * out (and shows it again when the card moves back), so a move is never refused for its links.
 */

const stepOf = (column: ColumnId) => getColumn(column).step;

/** [L1] Whether a card in `from` may serve a card in `to`: only columns earlier in the method. */
export function mayServe(from: ColumnId, to: ColumnId): boolean {
  return stepOf(to) < stepOf(from);
}

/** [L1] The columns a card in `from` may serve, step 1 first. */
export function servedColumns(from: ColumnId): readonly ColumnId[] {
  return COLUMN_IDS.filter((to) => mayServe(from, to));
}

/** Write a link from card `from` to card `to` (both must exist); false when nothing was written. */
export function addLink(doc: Y.Doc, from: CardId, to: CardId, by: string, origin: Origin): boolean {
  const card = getCard(doc, from);
  if (!card || from === to || !getCard(doc, to)) return false;
  doc.transact(() => {
    let links = card.get('links');
    if (!(links instanceof Y.Map)) {
      links = new Y.Map();
      card.set('links', links);
    }
    (links as Y.Map<unknown>).set(to, { by, at: Date.now() } satisfies CardLink);
  }, origin);
  return true;
}

/** Remove the link from `from` to `to`; false when there was none. */
export function removeLink(doc: Y.Doc, from: CardId, to: CardId, origin: Origin): boolean {
  const links = getCard(doc, from)?.get('links');
  if (!(links instanceof Y.Map) || !links.has(to)) return false;
  doc.transact(() => links.delete(to), origin);
  return true;
}

/** Every card of a map by id, with its column and its place in that column (map order). */
function index(map: MapSnapshot): Map<string, CardSnapshot> {
  const byId = new Map<string, CardSnapshot>();
  for (const column of COLUMN_IDS) for (const card of map.columns[column] ?? []) byId.set(card.id, card);
  return byId;
}

/**
 * The links of a map that fit ([L1]): per card what it serves and what serves it, each in map order
 * (by column step 1 first, then the column's order). Built once per snapshot; cheap for 120 cards.
 */
export interface LinkGraph {
  /** The cards `id` serves. */
  serves(id: string): readonly CardSnapshot[];
  /** The cards that serve `id` (backlinks). */
  servedBy(id: string): readonly CardSnapshot[];
  /** Whether `id` serves a value, directly or through the cards it serves. */
  reachesValue(id: string): boolean;
}

export function linkGraph(map: MapSnapshot): LinkGraph {
  const byId = index(map);
  const order = new Map([...byId.keys()].map((id, i) => [id, i]));
  const serves = new Map<string, CardSnapshot[]>();
  const servedBy = new Map<string, CardSnapshot[]>();
  for (const card of byId.values()) {
    for (const to of Object.keys(card.links)) {
      const target = byId.get(to);
      if (!target || to === card.id || !mayServe(card.column, target.column)) continue;
      serves.set(card.id, [...(serves.get(card.id) ?? []), target]);
      servedBy.set(to, [...(servedBy.get(to) ?? []), card]);
    }
  }
  const inOrder = (list: CardSnapshot[] | undefined) =>
    (list ?? []).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  for (const list of serves.values()) inOrder(list);
  for (const list of servedBy.values()) inOrder(list);
  const reaches = new Map<string, boolean>();
  // Links only point to earlier steps, so the walk ends; the memo keeps it linear.
  const reachesValue = (id: string): boolean => {
    const known = reaches.get(id);
    if (known !== undefined) return known;
    const result = (serves.get(id) ?? []).some((t) => t.column === 'values' || reachesValue(t.id));
    reaches.set(id, result);
    return result;
  };
  const none: readonly CardSnapshot[] = [];
  return {
    serves: (id) => serves.get(id) ?? none,
    servedBy: (id) => servedBy.get(id) ?? none,
    reachesValue,
  };
}

/**
 * [L3] Short codes for cards, the same on the map, the projector and in the exports: the column's
 * letter in the language, the first letter of its label (W for Waarden, V for Values; the five labels
 * start with five different letters in both languages), and the card's place in its column in map
 * order, from 1: "W2" is the second card of Waarden.
 */
export function cardCodes(map: MapSnapshot, lang: Lang): ReadonlyMap<string, string> {
  const letters = Object.fromEntries(
    COLUMN_IDS.map((c) => [c, getColumn(c).label[lang].slice(0, 1).toLocaleUpperCase(lang)]),
  ) as Record<ColumnId, string>;
  const codes = new Map<string, string>();
  for (const column of COLUMN_IDS)
    (map.columns[column] ?? []).forEach((card, i) => codes.set(card.id, `${letters[column]}${i + 1}`));
  return codes;
}

/**
 * [L5] What the console flags: agreed actions (step 5) that serve no value, not even through the
 * cards they serve, and values that no agreed action serves that way.
 */
export interface LinkFlags {
  actionsWithoutValue: readonly CardSnapshot[];
  valuesWithoutAction: readonly CardSnapshot[];
}

export function linkFlags(map: MapSnapshot, graph: LinkGraph = linkGraph(map)): LinkFlags {
  const actions = (map.columns.steps ?? []).filter((c) => c.status === 'agreed');
  const served = new Set<string>();
  const seen = new Set<string>();
  const walk = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const t of graph.serves(id)) {
      if (t.column === 'values') served.add(t.id);
      else walk(t.id);
    }
  };
  for (const a of actions) walk(a.id);
  return {
    actionsWithoutValue: actions.filter((a) => !graph.reachesValue(a.id)),
    valuesWithoutAction: (map.columns.values ?? []).filter((v) => !served.has(v.id)),
  };
}
