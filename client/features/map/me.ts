import { createContext, useContext } from 'react';
import type { Partner } from '../../../shared/partners.js';
import type { PresenceState } from '../../../shared/protocol.js';
import type { AccessRole } from '../../../shared/roles.js';
import { NEUTRAL_COLOR } from '../../collab/presence.js';

/** The local person as the map needs it: identity plus what others see of them. */
export interface Me {
  participantId: string;
  name: string;
  partner: string;
  role: string;
  access: AccessRole;
  canEdit: boolean;
  user: PresenceState['user'];
}

export function makeMe(
  identity: { participantId: string; name: string; partner: string; role: string; access: AccessRole },
  partners: readonly Partner[],
): Me {
  const partner = partners.find((p) => p.id === identity.partner);
  // The facilitator belongs to no partner: a neutral colour keeps partner colours meaningful.
  const color = identity.access === 'facilitator' || !partner ? NEUTRAL_COLOR : partner.color;
  return {
    ...identity,
    canEdit: identity.access !== 'projector',
    user: {
      id: identity.participantId,
      name: identity.name,
      color,
      partner: identity.partner,
      partnerName: partner?.name ?? '',
      role: identity.access === 'facilitator' ? 'facilitator' : identity.role,
    },
  };
}

export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside MeContext');
  return me;
}

export const PartnersContext = createContext<ReadonlyMap<string, Partner>>(new Map());

export function usePartners(): ReadonlyMap<string, Partner> {
  return useContext(PartnersContext);
}
