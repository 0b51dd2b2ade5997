import * as Y from 'yjs';
import { CARDS_KEY, getCards, readCardColumn } from '../../../shared/cardSchema.js';
import { readCardField } from '../../../shared/card/read.js';
import { followUpRefusal, isActionField, type ActionOwner } from '../../../shared/followUp.js';
import type { Notice } from '../../../shared/notices.js';
import type { Principal } from '../../../shared/permissions.js';
import type { ChangeRule, ChangeWatch } from './changeRule.js';

/**
 * Follow-up of agreed actions on the server ([J4], [J5], shared/followUp.ts): a change that writes an
 * owner, due date, status or note is reverted unless the card is (after the change) an agreed step
 * card and the sender is the facilitator, or the action's owner writing only status and note. The
 * owner is taken as it was before the change, so nobody makes themselves owner on the way.
 * The exception to the column lock for owners lives in the column guard (`followUpOnly`), which
 * asks `ownerMayUpdate` below; both read the same rule.
 */

/** A card Y.Map's owner value as it was before this transaction (the old value of the key change). */
const ownerValue = (v: unknown): ActionOwner | null => {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  return (o.kind === 'person' || o.kind === 'partner') && typeof o.id === 'string' ? { kind: o.kind, id: o.id } : null;
};

const watchFollowUp = (doc: Y.Doc, who: Principal): ChangeWatch => {
  const cards = getCards(doc);
  /** Per card: the follow-up fields the change wrote; and the owner before, when the change wrote it. */
  const wrote = new Map<string, Set<string>>();
  const ownerBefore = new Map<string, ActionOwner | null>();
  const note = (id: string, key: string) => wrote.set(id, (wrote.get(id) ?? new Set()).add(key));
  return {
    observe(root, events) {
      if (root !== CARDS_KEY) return;
      for (const event of events) {
        if (event.target === cards) {
          // A card added or replaced: whatever follow-up fields it brings count as written, owner unknown before.
          for (const [key, change] of event.changes.keys) {
            if (change.action === 'delete') continue;
            const card = cards.get(key);
            if (!(card instanceof Y.Map)) continue;
            for (const k of card.keys()) if (isActionField(k)) note(key, k);
            ownerBefore.set(key, null);
          }
          continue;
        }
        const id = event.path[0];
        if (typeof id !== 'string' || event.target !== cards.get(id)) continue;
        for (const [key, change] of event.changes.keys) {
          if (!isActionField(key)) continue;
          note(id, key);
          if (key === 'actionOwner' && !ownerBefore.has(id)) ownerBefore.set(id, ownerValue(change.oldValue));
        }
      }
    },
    check(): Notice | null {
      for (const [id, fields] of wrote) {
        const card = cards.get(id);
        if (!(card instanceof Y.Map)) continue; // removed again in the same change: nothing stays
        const owner = ownerBefore.has(id) ? ownerBefore.get(id)! : readCardField(card, 'actionOwner');
        const reason = followUpRefusal(
          { column: readCardColumn(card), status: readCardField(card, 'status') },
          owner,
          fields,
          who,
        );
        if (reason) return { code: 'follow-up', reason };
      }
      return null;
    },
  };
};

/** A change that only edits a card's text writes no follow-up field (cheap guard path, ADR 0029). */
export const followUpRule: ChangeRule = Object.assign(watchFollowUp, { ignoresTextEdit: () => true });
