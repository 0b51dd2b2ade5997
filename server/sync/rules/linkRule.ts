import * as Y from 'yjs';
import { CARDS_KEY, getCards, readCardColumn } from '../../../shared/cardSchema.js';
import { mayServe } from '../../../shared/links.js';
import type { LinkRefusal, Notice } from '../../../shared/notices.js';
import type { Principal } from '../../../shared/permissions.js';
import type { ChangeRule, ChangeWatch } from './changeRule.js';

/**
 * "Hoort bij…" links (SPEC L2, docs/decisions/0023). Every link a change adds (or rewrites) must fit:
 * to a card that exists in this same document after the change, not to itself, in a column the card
 * may serve (shared/links.ts `mayServe`), and, on a card that was already there, in the sender's own
 * name (`by`; the facilitator is trusted). A card added whole (a new card, or one put back by undo)
 * keeps who made its links, but its targets are checked all the same. Removing a link is free, as
 * every other card edit is; links from a closed column are the column guard's ([G1]).
 * Links that stop fitting later (a card moved, a target deleted) are not refused: readers leave them out.
 */
const watchLinks = (doc: Y.Doc, who: Principal): ChangeWatch => {
  const cards = getCards(doc);
  /** Per card: the link keys the change wrote on an existing card ('all' when it set a new `links` map). */
  const written = new Map<string, Set<string> | 'all'>();
  /** Cards the change added whole (new, or put back by undo). */
  const whole = new Set<string>();
  const wrote = (id: string, key: string) => {
    const keys = written.get(id) ?? new Set<string>();
    if (keys !== 'all') written.set(id, keys.add(key));
  };
  return {
    observe(root, events) {
      if (root !== CARDS_KEY) return;
      for (const event of events) {
        if (event.target === cards) {
          for (const [key, change] of event.changes.keys) if (change.action !== 'delete') whole.add(key);
          continue;
        }
        const id = event.path[0];
        if (typeof id !== 'string') continue;
        if (event.target === cards.get(id)) {
          if (event.changes.keys.has('links')) written.set(id, 'all');
        } else if (event.path[1] === 'links') {
          for (const [key, change] of event.changes.keys) if (change.action !== 'delete') wrote(id, key);
        }
      }
    },
    check(): Notice | null {
      const refuse = (reason: LinkRefusal): Notice => ({ code: 'link-refused', reason });
      const fits = (from: string, to: string): LinkRefusal | null => {
        const card = cards.get(from);
        const target = cards.get(to);
        if (!(card instanceof Y.Map)) return null; // removed again in the same change
        if (to === from) return 'self';
        const fromColumn = readCardColumn(card);
        const toColumn = target instanceof Y.Map ? readCardColumn(target) : null;
        if (!toColumn) return 'missing';
        return fromColumn && mayServe(fromColumn, toColumn) ? null : 'column';
      };
      for (const id of whole) {
        const links = (cards.get(id) as Y.Map<unknown> | undefined)?.get('links');
        if (!(links instanceof Y.Map)) continue;
        for (const to of links.keys()) {
          const problem = fits(id, to);
          if (problem) return refuse(problem);
        }
      }
      for (const [id, keys] of written) {
        const links = (cards.get(id) as Y.Map<unknown> | undefined)?.get('links');
        if (!(links instanceof Y.Map)) continue;
        for (const to of keys === 'all' ? links.keys() : keys) {
          const link = links.get(to) as { by?: unknown } | undefined;
          if (link === undefined) continue;
          const problem = fits(id, to);
          if (problem) return refuse(problem);
          if (who.access !== 'facilitator' && link.by !== who.participantId) return refuse('by');
        }
      }
      return null;
    },
  };
};

/** A change that only edits a card's text writes no link (cheap guard path, ADR 0029). */
export const linkRule: ChangeRule = Object.assign(watchLinks, { ignoresTextEdit: () => true });
