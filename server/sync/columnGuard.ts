import * as Y from 'yjs';
import { getCards, readCardColumn } from '../../shared/cardSchema.js';
import { isColumnId, type ColumnId } from '../../shared/columns.js';
import type { Origin } from '../../shared/origins.js';

/**
 * Content-level enforcement for map documents: apply a participant's update, find every card it
 * touched with the column it stood in before and after, and when any of those columns is closed,
 * revert the whole transaction at once with a compensating change (an UndoManager scoped to that
 * connection's origin). The revert goes out like any other change, so every peer, the sender
 * included, converges. Never dropping the update matters: Yjs updates build on each other, and a
 * dropped one would leave a gap that blocks every later edit of that client.
 */
export interface GuardResult {
  /** Closed columns the update tried to change; empty when it was accepted. */
  refused: ColumnId[];
}

/** Column of a card Y.Map even after it was deleted in this transaction (content is kept until GC). */
function columnOfDeleted(card: unknown): ColumnId | null {
  if (!(card instanceof Y.Map)) return null;
  const item = (card as unknown as { _map: Map<string, { content: { getContent(): unknown[] } }> })._map.get('column');
  const value = item?.content.getContent()[0];
  return isColumnId(value) ? value : null;
}

export function applyGuarded(
  doc: Y.Doc,
  update: Uint8Array,
  origin: Origin,
  writable: ReadonlySet<ColumnId>,
): GuardResult {
  const cards = getCards(doc);
  const undo = new Y.UndoManager(cards, { trackedOrigins: new Set([origin]), captureTimeout: 0 });
  const columns = new Set<ColumnId | null>();
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
    if (tr.origin !== origin) return;
    for (const event of events) {
      if (event.target === cards) {
        for (const [key, change] of event.changes.keys) {
          if (change.action !== 'add') columns.add(columnOfDeleted(change.oldValue));
          const now = cards.get(key);
          if (now instanceof Y.Map) columns.add(readCardColumn(now));
        }
        continue;
      }
      const id = event.path[0];
      const card = typeof id === 'string' ? cards.get(id) : undefined;
      if (card instanceof Y.Map) columns.add(readCardColumn(card));
      // A move: the column it left counts too.
      if (event.target === card) {
        const moved = event.changes.keys.get('column');
        if (moved && isColumnId(moved.oldValue)) columns.add(moved.oldValue);
      }
    }
  };
  cards.observeDeep(observer);
  try {
    Y.applyUpdate(doc, update, origin);
  } finally {
    cards.unobserveDeep(observer);
  }
  // A card without a readable column (corrupt or unknown) is never writable for a guarded participant.
  const refused = [...columns].filter((c): c is ColumnId | null => c === null || !writable.has(c));
  if (refused.length > 0) undo.undo();
  undo.destroy();
  return { refused: [...new Set(refused.filter((c): c is ColumnId => c !== null))] };
}
