import type * as Y from 'yjs';
import type { Notice } from '../../../shared/notices.js';
import type { Principal } from '../../../shared/permissions.js';

/**
 * A content rule on top of the column guard (server/sync/columnGuard.ts), one per file in this folder.
 * For each update the guard makes one watch per rule, feeds it the events of the sender's transaction
 * (inside Yjs' observer, while deleted content can still be read), asks it to `check` the result (a
 * notice reverts the whole transaction), and, once the change is accepted, lets it write its
 * follow-up (`after`) with the server's own origin: stored and broadcast like any change, never
 * reverted, because the guard tracks only the sender's origin.
 */
export interface ChangeWatch {
  observe?(root: string, events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): void;
  check?(): Notice | null;
  after?(): void;
}

export interface ChangeRule {
  (doc: Y.Doc, who: Principal): ChangeWatch;
  /**
   * For the guard's cheap path (docs/decisions/0029): true when the rule would neither refuse nor
   * follow up a change that only edits the rich text of this card (as it stands before the change).
   * A rule without it is asked about every change, through the full watch.
   */
  ignoresTextEdit?(card: Y.Map<unknown>, who: Principal): boolean;
}
