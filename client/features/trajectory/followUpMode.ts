import { ownsAction } from '../../../shared/followUp.js';
import type { ActionOwner } from '../../../shared/followUp.js';
import type { Principal } from '../../../shared/permissions.js';

/**
 * Who may change an action's follow-up, and how much ([J4], [J5]); the same rule the server holds
 * (followUpRule.ts): the facilitator everything, the owner (the person or anyone of the owning
 * partner) status and note, anyone else nothing (null). One place for the review list and the card.
 */
export function followUpMode(
  owner: ActionOwner | null,
  me: Pick<Principal, 'access' | 'participantId' | 'partner'>,
): 'facilitator' | 'owner' | null {
  if (me.access === 'facilitator') return 'facilitator';
  return me.access === 'participant' && ownsAction(owner, me) ? 'owner' : null;
}
