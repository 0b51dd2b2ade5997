import { useMemo } from 'react';
import type { Person } from '../../../../shared/cardDetails.js';
import type { ColumnId } from '../../../../shared/columns.js';
import type { ParticipantId, PartnerId } from '../../../../shared/ids.js';
import { writableColumns, type SessionState } from '../../../../shared/session.js';
import type { ParticipantEntry } from '../../../../shared/workshopDoc.js';
import { useMe, useParticipants, useSession } from '../../../workshop/hooks.js';
import type { Me } from '../../../workshop/me.js';

export { useSession };

/** Everyone who joined (workshop document), in joining order. */
export function useWorkshopParticipants(): ParticipantEntry[] {
  return useParticipants();
}

export interface ColumnAccess {
  session: SessionState;
  /** May I add, edit, move or delete cards in this column now? */
  canWrite(column: ColumnId): boolean;
  /** Private writing: my new cards go to my drafts (participants only). */
  privateForMe: boolean;
}

/** What the session allows me, from the same function the server enforces with (writableColumns). */
export function useColumnAccess(): ColumnAccess {
  const session = useSession();
  const me = useMe();
  return useMemo(() => {
    const writable = writableColumns(session, {
      access: me.access,
      participantId: me.participantId,
      partner: me.partner,
    });
    return {
      session,
      canWrite: (column: ColumnId) => me.canEdit && writable.has(column),
      privateForMe: me.access === 'participant' && session.phase === 'private',
    };
  }, [session, me]);
}

/** Me as the card dialogue records a person (support, arguments, agreement, history). */
export function personOf(me: Me): Person {
  return { id: me.participantId as ParticipantId, name: me.name, partner: me.partner as PartnerId };
}
