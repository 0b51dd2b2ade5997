import * as Y from 'yjs';
import { missingForAgreement } from '../../shared/agreement.js';
import { getCards, readCardColumn } from '../../shared/cardSchema.js';
import { isColumnId, type ColumnId } from '../../shared/columns.js';
import type { Origin } from '../../shared/origins.js';
import type { Notice } from '../../shared/protocol.js';

/**
 * Content-level enforcement for map documents: apply a connection's update, find every card it
 * touched with the column it stood in before and after, and when the update breaks a rule, revert the
 * whole transaction at once with a compensating change (an UndoManager scoped to that connection's
 * origin). The revert goes out like any other change, so every peer, the sender included, converges.
 * Never dropping the update matters: Yjs updates build on each other, and a dropped one would leave a
 * gap that blocks every later edit of that client.
 * The rules: cards only in writable columns; no new cards while writing alone first (they belong in
 * the drafts document); a step card (Acties) is agreed only with who, what and when.
 */
export interface GuardRules {
  writable: ReadonlySet<ColumnId>;
  mayCreate: boolean;
}

/** Column of a card Y.Map even after it was deleted in this transaction (content is kept until GC). */
function columnOfDeleted(card: unknown): ColumnId | null {
  if (!(card instanceof Y.Map)) return null;
  const item = (card as unknown as { _map: Map<string, { content: { getContent(): unknown[] } }> })._map.get('column');
  const value = item?.content.getContent()[0];
  return isColumnId(value) ? value : null;
}

const str = (card: Y.Map<unknown>, key: string) => {
  const v = card.get(key);
  return typeof v === 'string' ? v : '';
};

/** Returns the notice for the sender when the update was reverted, or null when it was accepted. */
export function applyGuarded(doc: Y.Doc, update: Uint8Array, origin: Origin, rules: GuardRules): Notice | null {
  const cards = getCards(doc);
  const undo = new Y.UndoManager(cards, { trackedOrigins: new Set([origin]), captureTimeout: 0 });
  const columns = new Set<ColumnId | null>();
  const touched = new Set<string>();
  let created = false;
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
    if (tr.origin !== origin) return;
    for (const event of events) {
      if (event.target === cards) {
        for (const [key, change] of event.changes.keys) {
          if (change.action === 'add') created = true;
          else columns.add(columnOfDeleted(change.oldValue));
          const now = cards.get(key);
          if (now instanceof Y.Map) {
            columns.add(readCardColumn(now));
            touched.add(key);
          }
        }
        continue;
      }
      const id = event.path[0];
      const card = typeof id === 'string' ? cards.get(id) : undefined;
      if (card instanceof Y.Map) {
        columns.add(readCardColumn(card));
        touched.add(id as string);
      }
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
  let notice: Notice | null = null;
  // A card without a readable column (corrupt or unknown) is never writable for a guarded participant.
  const closed = [...columns].filter((c) => c === null || !rules.writable.has(c));
  if (closed.length > 0) {
    notice = { code: 'column-locked', columns: [...new Set(closed.filter((c): c is ColumnId => c !== null))] };
  } else if (created && !rules.mayCreate) {
    notice = { code: 'private-phase' };
  } else {
    for (const id of touched) {
      const card = cards.get(id);
      if (!(card instanceof Y.Map) || card.get('status') !== 'agreed') continue;
      const column = readCardColumn(card);
      if (!column) continue;
      const missing = missingForAgreement({ column, who: str(card, 'who'), what: str(card, 'what'), when: str(card, 'when') });
      if (missing.length) {
        notice = { code: 'needs-who-what-when', missing };
        break;
      }
    }
  }
  if (notice) undo.undo();
  undo.destroy();
  return notice;
}
