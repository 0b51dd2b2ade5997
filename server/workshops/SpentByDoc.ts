import type * as Y from 'yjs';
import { getVotes, spentPerRound } from '../../shared/rounds/privateInputs.js';

/**
 * [Q8] What a private document's owner spent per round, read in one pass over their votes and kept
 * until their votes change (an observer drops it, in the same transaction as the change, so a check
 * that follows never reads an old number). Keyed by the document itself: a room that loads or unloads
 * brings a new document, and a forgotten one is collected with it.
 */
export class SpentByDoc {
  private readonly perRound = new WeakMap<Y.Doc, Map<string, number>>();
  private readonly watched = new WeakSet<Y.Doc>();

  spent(doc: Y.Doc, roundId: string): number {
    let rounds = this.perRound.get(doc);
    if (!rounds) {
      rounds = spentPerRound(doc);
      this.perRound.set(doc, rounds);
      if (!this.watched.has(doc)) {
        this.watched.add(doc);
        getVotes(doc).observe(() => this.perRound.delete(doc));
      }
    }
    return rounds.get(roundId) ?? 0;
  }
}
