import { NO_DECISIONS, type PairDecisions } from './pairDecisions.js';
import { groupStatements, type StatementGroup } from './similarity.js';

/** One partner's cards in one column, in map order. */
export interface PartnerColumnCards {
  partnerId: string;
  cards: readonly { id: string; plainText: string }[];
}

/**
 * The groups of one column over the partner maps, with the facilitator's split and join decisions
 * ([C4]). The one owner of "which partner cards say the same": the compare view and the exported
 * partner comparison both call this ([C8]), so a pair split on screen is never joined on paper.
 * Statement ids are the card ids (unique across a workshop's maps), the ids the decisions name.
 */
export function groupPartnerCards(
  perPartner: readonly PartnerColumnCards[],
  decisions: PairDecisions = NO_DECISIONS,
): StatementGroup[] {
  return groupStatements(
    perPartner.flatMap((p) => p.cards.map((card) => ({ id: card.id, text: card.plainText, source: p.partnerId }))),
    decisions,
  );
}
