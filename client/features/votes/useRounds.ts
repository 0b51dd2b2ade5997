import { useCallback } from 'react';
import type * as Y from 'yjs';
import type { ColumnId } from '../../../shared/columns.js';
import { privateName, type DocNameString as DocName } from '../../../shared/docName.js';
import type { ParticipantId } from '../../../shared/ids.js';
import { readMyScores, readMyVotes, readPartnerSpent, type Scores } from '../../../shared/rounds/privateInputs.js';
import { lastVoteResult, readRounds, readShownRound, type RoundRecord } from '../../../shared/rounds/rounds.js';
import { useDoc, useDocValue, useMe } from '../../workshop/hooks.js';

const NO_ROUNDS: RoundRecord[] = [];
const NO_VOTES: Record<string, number> = Object.freeze({}) as Record<string, number>;

/** Every round the server recorded in the session document, oldest first ([Q1], [Y1]). */
export function useRounds(): RoundRecord[] {
  return useDocValue('session', readRounds, NO_ROUNDS);
}

/** The closed round the facilitator shows on the projector, or null ([Q5], [Y4]). */
export function useShownRound(): RoundRecord | null {
  return useDocValue('session', readShownRound, null);
}

/** My private inputs document (participants only; nobody else can open it, [Q1]). */
export function usePrivateDoc(): { name: DocName | null; doc: Y.Doc | null } {
  const me = useMe();
  const name = me.access === 'participant' && me.participantId ? privateName(me.participantId as ParticipantId) : null;
  return { name, doc: useDoc(name)?.doc ?? null };
}

export function useMyVotes(name: DocName | null, roundId: string): Record<string, number> {
  const read = useCallback((doc: Y.Doc) => readMyVotes(doc, roundId), [roundId]);
  return useDocValue(name, read, NO_VOTES);
}

/** [Q8] What the other people of my partner spent in a per-partner round, as the server counts it. */
export function usePartnerSpent(name: DocName | null, roundId: string): number {
  const read = useCallback((doc: Y.Doc) => readPartnerSpent(doc, roundId), [roundId]);
  return useDocValue(name, read, 0);
}

export function useMyScores(name: DocName | null, roundId: string): Scores | null {
  const read = useCallback((doc: Y.Doc) => readMyScores(doc, roundId), [roundId]);
  return useDocValue(name, read, null);
}

/** The totals of the last closed vote round on a column ("sorteer op stemmen", [Q5]); null when none. */
export function useVoteTotals(column: ColumnId): Record<string, number> | null {
  return lastVoteResult(useRounds(), column)?.totals ?? null;
}
