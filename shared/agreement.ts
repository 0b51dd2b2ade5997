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
