import type { Partner } from '../../shared/partners.js';
import type { PresenceState } from '../../shared/protocol.js';
import type { AccessRole } from '../../shared/roles.js';
import { NEUTRAL_COLOR } from '../collab/presence.js';

/** Who I am in a workshop, without the token (which only the connection needs). */
export interface Who {
  participantId: string;
  name: string;
  partner: string;
  role: string;
  access: AccessRole;
}

/** The local person as the screens need it: who I am plus what others see of me. */
export interface Me extends Who {
  canEdit: boolean;
  user: PresenceState['user'];
}

export function makeMe(identity: Who, partners: readonly Partner[]): Me {
  const partner = partners.find((p) => p.id === identity.partner);
  // The facilitator belongs to no partner: a neutral colour keeps partner colours meaningful.
  const color = identity.access === 'facilitator' || !partner ? NEUTRAL_COLOR : partner.color;
  return {
    participantId: identity.participantId,
    name: identity.name,
    partner: identity.partner,
    role: identity.role,
    access: identity.access,
    canEdit: identity.access !== 'projector',
    user: {
      // The participant id, so other consoles match me to the people list exactly.
      id: identity.participantId,
      name: identity.name,
      color,
      partner: identity.partner,
      partnerName: partner?.name ?? '',
      role: identity.access === 'facilitator' ? 'facilitator' : identity.role,
    },
  };
}
