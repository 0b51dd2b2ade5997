import type { Principal } from './permissions.js';

/**
 * Who a card is by ([H1]–[H3]). A card's author fields say whose idea it is; they are the writer's own,
 * or, in the one-laptop case ("Schrijf voor iemand anders"), those of a person in the workshop the
 * writer types for, with the writer as typist. The server checks them on every new card and keeps
 * them as they were afterwards; removing a card is its author's (or typist's) or the facilitator's.
 */

/** A person the server knows in this workshop: someone who joined, or is there without a device. */
export interface KnownPerson {
  id: string;
  name: string;
  partner: string;
}

/** The known, not removed, person with this id (null when there is none). */
export type PeopleLookup = (id: string) => KnownPerson | null;

/** The fields that say who a card is by; set when the card is created, never changed by a participant. */
export const AUTHORSHIP_FIELDS = ['author', 'authorName', 'partner', 'writtenBy', 'writtenByName', 'removal'] as const;

export interface CardAuthorship {
  author: string;
  authorName: string;
  partner: string;
  writtenBy: string;
  writtenByName: string;
}

/**
 * The authorship fields of a new card that do not fit the writer `me` ([H1]): empty when the card is
 * by `me`, or by a known person `me` writes for. `partner` may also be empty: a joint card that joins
 * several partners (compare/merge.ts).
 */
export function forgedFields(card: CardAuthorship, me: KnownPerson, people: PeopleLookup): string[] {
  const wrong: string[] = [];
  const by = card.writtenBy ? people(card.author) : me;
  if (card.writtenBy) {
    if (card.writtenBy !== me.id) wrong.push('writtenBy');
    if (card.writtenByName !== me.name) wrong.push('writtenByName');
    if (!by || card.author === me.id) wrong.push('author');
  } else {
    if (card.writtenByName) wrong.push('writtenByName');
    if (card.author !== me.id) wrong.push('author');
  }
  if (by && card.authorName !== by.name) wrong.push('authorName');
  if (by && card.partner !== by.partner && card.partner !== '') wrong.push('partner');
  return wrong;
}

/**
 * Whether `who` may remove a card outright ([H3]): the facilitator always; a participant only their own
 * card (as author, or as the typist who wrote it for someone). Otherwise the removal becomes a proposal.
 */
export function mayRemoveCard(card: Pick<CardAuthorship, 'author' | 'writtenBy'>, who: Principal): boolean {
  if (who.access === 'facilitator') return true;
  return who.participantId !== '' && (card.author === who.participantId || card.writtenBy === who.participantId);
}
