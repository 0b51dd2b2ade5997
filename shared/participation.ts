import type { ColumnId } from './columns.js';
import type { CardSnapshot, MapSnapshot } from './readModel.js';

/** Rule 2 (presence is not enough): what each person and partner contributed to the given columns. */
export interface Contribution {
  cards: number;
  edits: number;
  support: number;
  arguments: number;
}

export interface Participation {
  byPerson: Map<string, Contribution>;
  byPartner: Map<string, Contribution>;
}

const empty = (): Contribution => ({ cards: 0, edits: 0, support: 0, arguments: 0 });

export function isContributor(c: Contribution | undefined): boolean {
  return !!c && c.cards + c.edits + c.support + c.arguments > 0;
}

/**
 * Counts per person id and per partner id. A card written for someone else counts for that person
 * (it is their idea). `partnerOf` maps a person to their partner for support and edits.
 */
export function computeParticipation(
  map: MapSnapshot,
  columns: readonly ColumnId[],
  partnerOf: (personId: string) => string,
): Participation {
  const byPerson = new Map<string, Contribution>();
  const byPartner = new Map<string, Contribution>();
  const add = (person: string, partner: string, key: keyof Contribution) => {
    if (person) {
      const c = byPerson.get(person) ?? empty();
      c[key]++;
      byPerson.set(person, c);
    }
    if (partner) {
      const c = byPartner.get(partner) ?? empty();
      c[key]++;
      byPartner.set(partner, c);
    }
  };
  const cards: CardSnapshot[] = columns.flatMap((c) => map.columns[c]);
  for (const card of cards) {
    add(card.author, card.partner, 'cards');
    for (const h of card.history) add(h.by, partnerOf(h.by), 'edits');
    for (const s of card.supporters) add(s.id, s.partner, 'support');
    for (const a of card.arguments) add(a.author, a.partner, 'arguments');
  }
  return { byPerson, byPartner };
}
