import type * as Y from 'yjs';
import { readRounds, type ScoreResult } from './rounds/rounds.js';

/** One check-in or check-out of a session, for a line over sessions (the trajectory, issue 14). */
export interface ScoreRound {
  id: string;
  kind: 'checkin' | 'checkout';
  openedAt: number;
  closedAt: number | null;
  /** The aggregate once the round is closed ([Y3]); null while it is open. */
  result: ScoreResult | null;
  /** The meeting of the trajectory it was opened in ([Y6]); absent when none was going on. */
  meeting?: string;
}

/** [Y5] Every check-in and check-out of a session document, oldest first, with id and time. */
export function readScoreRounds(sessionDoc: Y.Doc): ScoreRound[] {
  return readRounds(sessionDoc).flatMap((r) =>
    r.kind === 'votes'
      ? []
      : [
          {
            id: r.id,
            kind: r.kind,
            openedAt: r.openedAt,
            closedAt: r.closedAt,
            result: r.result?.kind === 'scores' ? r.result : null,
            ...(r.meeting ? { meeting: r.meeting } : {}),
          },
        ],
  );
}
