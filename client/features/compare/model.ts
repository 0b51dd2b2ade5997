import { COLUMN_IDS, type ColumnId } from '../../../shared/columns.js';
import { assignGroupIds, type GroupTagEntry } from '../../../shared/compare/groupTags.js';
import { NO_DECISIONS, type PairDecisions } from '../../../shared/compare/pairDecisions.js';
import { groupPartnerCards } from '../../../shared/compare/partnerGroups.js';
import type { CardOrigin, GroupTag } from '../../../shared/compare/merge.js';
import { workingMap, type Flow, type Stage } from '../../../shared/permissions.js';
import { formatDocName, partnerMapName } from '../../../shared/docName.js';
import type { PartnerId } from '../../../shared/ids.js';
import type { Partner } from '../../../shared/partners.js';
import type { DocName } from '../../../shared/protocol.js';
import type { CardSnapshot, MapSnapshot } from '../../../shared/readModel.js';
import type { SessionState } from '../../../shared/session.js';

/**
 * The reading side of the partners-first flow, without React: which map a person works in, what the
 * comparison of one column looks like, and the progress of a partner map. Everything here is pure.
 */

export const partnerMap = (partnerId: string): DocName => partnerMapName(partnerId as PartnerId);

/**
 * The map a participant works in: their own partner's map in the homogeneous stage of a
 * partners-first workshop, otherwise the joint map (the same rule the server enforces, F1/F2).
 */
export function workingMapFor(flow: Flow, stage: Stage, partner: string): DocName {
  return formatDocName(workingMap(flow, stage, partner));
}

/** One card of a partner map, with the partner whose map it stands on. */
export interface PartnerCard {
  card: CardSnapshot;
  partnerId: string;
  partner: Partner | undefined;
  map: DocName;
}

export interface CompareGroup {
  /** The group's stable id (groupTags.ts `assignGroupIds`): tags are stored under it. */
  key: string;
  cards: PartnerCard[];
  /** Partner ids, in the workshop's partner order. */
  partners: string[];
  /** Said by one partner only. */
  single: boolean;
}

export interface ColumnComparison {
  column: ColumnId;
  /** Every partner's cards in this column, in partner order: each map stays whole. */
  perPartner: { partner: Partner; cards: PartnerCard[] }[];
  /** Groups of similar cards of different partners (several partners) first, then what one partner said. */
  groups: CompareGroup[];
  /** Card id → its group. */
  groupOf: ReadonlyMap<string, CompareGroup>;
}

/**
 * Compare one column over the partner maps (a missing snapshot counts as an empty map), with the
 * facilitator's split and join decisions ([C4]) and the stored group ids of tagged groups ([C5]).
 */
export function compareColumn(
  column: ColumnId,
  partners: readonly Partner[],
  snapshots: ReadonlyMap<string, MapSnapshot | null | undefined>,
  decisions: PairDecisions = NO_DECISIONS,
  tags: Readonly<Record<string, GroupTagEntry>> = {},
): ColumnComparison {
  const perPartner = partners.map((partner) => ({
    partner,
    cards: (snapshots.get(partner.id)?.columns[column] ?? []).map(
      (card): PartnerCard => ({ card, partnerId: partner.id, partner, map: partnerMap(partner.id) }),
    ),
  }));
  const byId = new Map(perPartner.flatMap((p) => p.cards.map((c) => [c.card.id as string, c] as const)));
  const order = new Map(partners.map((p, i) => [p.id as string, i]));
  const computed = groupPartnerCards(
    perPartner.map((p) => ({ partnerId: p.partner.id, cards: p.cards.map((c) => c.card) })),
    decisions,
  );
  const ids = assignGroupIds(computed, tags);
  const groups = computed.map(
    (g): CompareGroup => ({
      key: ids.get(g.key) ?? g.key,
      cards: g.ids
        .map((id) => byId.get(id)!)
        .sort(
          (a, b) =>
            (order.get(a.partnerId) ?? 0) - (order.get(b.partnerId) ?? 0) || a.card.order.localeCompare(b.card.order),
        ),
      partners: [...g.sources].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
      single: g.single,
    }),
  );
  const groupOf = new Map<string, CompareGroup>();
  for (const g of groups) for (const c of g.cards) groupOf.set(c.card.id, g);
  return { column, perPartner, groups, groupOf };
}

/** The origins a joint card keeps when these cards are taken: map, card, partner and text now. */
export function originsOf(cards: readonly PartnerCard[]): CardOrigin[] {
  return cards.map((c) => ({ map: c.map, cardId: c.card.id, partner: c.partnerId, text: c.card.plainText }));
}

/** The text a take starts with: a single card's own text; for a group, empty (the group writes one sentence). */
export function defaultTakeText(cards: readonly PartnerCard[]): string {
  return cards.length === 1 ? cards[0].card.plainText : '';
}

export interface MapProgress {
  perColumn: Record<ColumnId, number>;
  total: number;
  /** The newest card's createdAt (ms), or null for an empty map. */
  lastChanged: number | null;
}

/** How far a partner map is: cards per column, and when a card was last added. */
export function mapProgress(snapshot: MapSnapshot | null | undefined): MapProgress {
  const perColumn = Object.fromEntries(COLUMN_IDS.map((c) => [c, snapshot?.columns[c].length ?? 0])) as Record<
    ColumnId,
    number
  >;
  let last: number | null = null;
  for (const c of COLUMN_IDS) {
    for (const card of snapshot?.columns[c] ?? [])
      if (card.createdAt > 0 && (last === null || card.createdAt > last)) last = card.createdAt;
  }
  return { perColumn, total: snapshot?.cardCount ?? 0, lastChanged: last };
}

/**
 * The step everyone's comparison follows ([C6]): in the mixed session the column the facilitator put on
 * the projector (their compare view writes it), otherwise the first active column of the plan.
 */
export function followedColumn(session: SessionState): ColumnId | null {
  if (session.stage === 'heterogeneous' && session.focus.kind === 'column') return session.focus.column;
  return activeColumn(session);
}

/** The column the comparison shows when nobody picked one: the first active column of the plan. */
export function activeColumn(session: SessionState): ColumnId | null {
  if (!session.guided || session.active.length === 0) return null;
  return COLUMN_IDS.find((c) => session.active.includes(c)) ?? null;
}

/** The tag a take should carry by default: the group's tag, confirmed or proposed. */
export function tagForTake(entry: { tag: GroupTag } | null | undefined): GroupTag | '' {
  return entry?.tag ?? '';
}
