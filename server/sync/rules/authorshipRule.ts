import * as Y from 'yjs';
import { AUTHORSHIP_FIELDS, forgedFields, mayRemoveCard, type PeopleLookup } from '../../../shared/authorship.js';
import { readCardField } from '../../../shared/card/read.js';
import type { Notice } from '../../../shared/notices.js';
import type { Principal } from '../../../shared/permissions.js';

/**
 * Authorship on the server ([H1]–[H3]), run by the guarded apply (columnGuard.ts) on the state after a
 * connection's change. The facilitator is trusted with authorship (they restore cards, write for
 * people, and decide removals); everyone else is checked.
 */

/** Per card: the fields a change wrote, or 'whole' for a card that was added or replaced. */
type Written = ReadonlyMap<string, ReadonlySet<string> | 'whole'>;

const authorshipOf = (card: Y.Map<unknown>) => ({
  author: readCardField(card, 'author'),
  authorName: readCardField(card, 'authorName'),
  partner: readCardField(card, 'partner'),
  writtenBy: readCardField(card, 'writtenBy'),
  writtenByName: readCardField(card, 'writtenByName'),
});

/**
 * [H1] a new card is by the writer or by a known person they write for; [H2] who a card is by (and a
 * removal proposal) never changes afterwards. Returns the notice when the change must be reverted.
 */
export function authorshipNotice(
  cards: Y.Map<Y.Map<unknown>>,
  written: Written,
  who: Principal,
  people: PeopleLookup,
): Notice | null {
  if (who.access === 'facilitator') return null;
  // Looked up only for a new card: most changes are text edits, and a lookup reads the store.
  let me: ReturnType<PeopleLookup> | undefined;
  const wrong = new Set<string>();
  for (const [id, fields] of written) {
    const card = cards.get(id);
    if (!(card instanceof Y.Map)) continue;
    if (fields === 'whole') {
      // Someone the server does not know (removed, or not in this workshop) writes no cards in anyone's name.
      if (me === undefined) me = people(who.participantId);
      const forged = me ? forgedFields(authorshipOf(card), me, people) : ['author'];
      for (const f of forged) wrong.add(f);
      if (card.has('removal')) wrong.add('removal');
    } else {
      for (const f of AUTHORSHIP_FIELDS) if (fields.has(f)) wrong.add(f);
    }
  }
  return wrong.size ? { code: 'authorship', fields: [...wrong] } : null;
}

/** A field of a card Y.Map deleted in this transaction (its content is kept until the transaction ends). */
function fieldOfDeleted(card: Y.Map<unknown>, key: string): unknown {
  const item = (card as unknown as { _map: Map<string, { content: { getContent(): unknown[] } }> })._map.get(key);
  return item?.content.getContent()[0];
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * [H3] The cards of others a participant's change removed (or replaced): these removals are not theirs
 * to make. Call it with the cards the change deleted, as they were.
 */
export function othersRemoved(removed: ReadonlyMap<string, unknown>, who: Principal): string[] {
  const ids: string[] = [];
  for (const [id, old] of removed) {
    if (!(old instanceof Y.Map)) continue;
    const card = { author: text(fieldOfDeleted(old, 'author')), writtenBy: text(fieldOfDeleted(old, 'writtenBy')) };
    if (!mayRemoveCard(card, who)) ids.push(id);
  }
  return ids;
}

/**
 * [H3] After the removal was reverted: mark each card with the proposal (server origin), for the
 * facilitator to decide and the author to see.
 */
export function proposeRemovals(
  doc: Y.Doc,
  cards: Y.Map<Y.Map<unknown>>,
  ids: readonly string[],
  by: { id: string; name: string },
  origin: unknown,
): void {
  doc.transact(() => {
    for (const id of ids) {
      const card = cards.get(id);
      if (card instanceof Y.Map) card.set('removal', { by: by.id, name: by.name, at: Date.now() });
    }
  }, origin);
}
