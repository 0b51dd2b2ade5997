import type { CardSnapshot } from './readModel.js';

/**
 * The partners a card stands for: on a joint map built from partner maps, every partner it came from
 * (its origins, in order, once each); otherwise the partner of its author. Used by the map, the
 * projector and the exports alike.
 */
export function cardPartnerIds(card: Pick<CardSnapshot, 'partner' | 'origins'>, origins?: readonly string[]): string[] {
  const given = (origins ?? (card.origins ?? []).map((o) => o.partner)).filter(Boolean);
  if (given.length) return [...new Set(given)];
  return card.partner ? [card.partner] : [];
}
