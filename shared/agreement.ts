import type { ColumnId } from './columns.js';
import type { CardStatus } from './cardSchema.js';

/** Rule 5 in the data: agreement that grounds action. */
export interface AgreementInput {
  column: ColumnId;
  who: string;
  what: string;
  when: string;
}

/** The fields a card still lacks before it can be agreed: a step (Acties) needs who, what and when. */
export function missingForAgreement(card: AgreementInput): ('who' | 'what' | 'when')[] {
  if (card.column !== 'steps') return [];
  return (['who', 'what', 'when'] as const).filter((k) => !card[k].trim());
}

export function canAgree(card: AgreementInput): boolean {
  return missingForAgreement(card).length === 0;
}

/** A step is closed when it has cards and every one of them is agreed or parked. */
export function isStepClosed(cards: readonly { status: CardStatus }[]): boolean {
  return cards.length > 0 && cards.every((c) => c.status !== 'open');
}

/**
 * Who decides that a card is agreed, a workshop setting the facilitator chooses in the console (stored
 * in the session document, which only the facilitator writes) [K1]:
 *   facilitator  participants say "eens namens <partner>"; only the facilitator sets a card's status.
 *   consensus    the server makes a card agreed once every partner present said "eens namens", and
 *                open again when one of them withdraws [K2].
 * In both, a participant never writes a status themselves (docs/decisions/0016).
 */
export const AGREEMENT_RULES = ['facilitator', 'consensus'] as const;
export type AgreementRule = (typeof AGREEMENT_RULES)[number];
export const DEFAULT_AGREEMENT_RULE: AgreementRule = 'facilitator';

export function isAgreementRule(value: unknown): value is AgreementRule {
  return typeof value === 'string' && (AGREEMENT_RULES as readonly string[]).includes(value);
}

/** The parts of a card an agreement is about: a change to any of them ends the agreement [K3]. */
export const AGREED_CONTENT_FIELDS = ['text', 'who', 'what', 'when'] as const;

/** Someone listed in the workshop, as far as agreement is concerned. */
export interface WorkshopPerson {
  id: string;
  name: string;
  partner: string;
  access: string;
  removed: boolean;
}

/**
 * The partners whose "eens namens" a consensus needs [K2]: on a partner's own map that partner; on
 * the joint map every partner with at least one participant who joined and was not removed. Taken
 * from who joined, not from who is connected right now, so a phone that drops out does not change
 * what counts as agreed (docs/decisions/0016).
 */
export function partnersPresent(people: readonly WorkshopPerson[], map: string): string[] {
  const joined = new Set(
    people.filter((p) => p.access === 'participant' && !p.removed && p.partner).map((p) => p.partner),
  );
  if (map !== 'joint') return joined.has(map) ? [map] : [];
  return [...joined].sort();
}

/**
 * The status the consensus rule gives a card whose "eens namens" changed [K2]: agreed when every
 * partner present agrees (and a step card has who, what and when), open again when an agreed card
 * lost one. A parked card stays parked (parking is the facilitator's). `null`: leave it as it is.
 */
export function consensusStatus(
  status: CardStatus,
  agreedPartners: ReadonlySet<string>,
  required: readonly string[],
  card: AgreementInput,
): CardStatus | null {
  if (status === 'parked') return null;
  const reached = required.length > 0 && required.every((p) => agreedPartners.has(p));
  if (reached && status !== 'agreed' && canAgree(card)) return 'agreed';
  if (!reached && status === 'agreed') return 'open';
  return null;
}
