import * as Y from 'yjs';
import { missingForAgreement } from '../../shared/agreement.js';
import { CARDS_KEY, getCards, readCardColumn } from '../../shared/cardSchema.js';
import type { CardDocKind } from '../../shared/card/fields.js';
import { DOC_ROOTS } from '../../shared/docSchema.js';
import { checkCard, checkCardField, type CardProblem } from '../../shared/card/validate.js';
import { isColumnId, type ColumnId } from '../../shared/columns.js';
import type { Origin } from '../../shared/origins.js';
import type { Notice } from '../../shared/notices.js';
import type { Principal } from '../../shared/permissions.js';
import type { ChangeRule } from './rules/changeRule.js';
import type { PeopleLookup } from '../../shared/authorship.js';
import { SERVER } from '../../shared/origins.js';
import { authorshipNotice, othersRemoved, proposeRemovals } from './rules/authorshipRule.js';
import { lengthNotice, textLengthsOf } from './rules/lengthRule.js';
import { textOnlyEdits, type TextEdit } from './textEdits.js';
import type { Accepted } from './updateValidation.js';
import { followUpRefusal, OWNER_FIELDS } from '../../shared/followUp.js';
import { readCardField } from '../../shared/card/read.js';

/**
 * Content-level enforcement for map documents: apply a connection's update, find every card it
 * touched with the column it stood in before and after, and when the update breaks a rule, revert the
 * whole transaction at once with a compensating change (an UndoManager scoped to that connection's
 * origin). The revert goes out like any other change, so every peer, the sender included, converges.
 * Never dropping the update matters: Yjs updates build on each other, and a dropped one would leave a
 * gap that blocks every later edit of that client.
 * The rules: cards only in writable columns; no new cards while writing alone first (they belong in
 * the drafts document); every field the change touched valid by the card table ([M12],
 * shared/card/fields.ts); a step card (Acties) is agreed only with who, what and when; authorship
 * and the text limit (rules/, [H1]–[H4]): a participant's removal of someone else's card is reverted
 * and becomes a proposal on the card.
 */
export interface GuardRules {
  writable: ReadonlySet<ColumnId>;
  mayCreate: boolean;
  /** The kind of document, for the fields it may hold (e.g. `map`, the draft target, only in drafts). */
  doc: CardDocKind;
  /** Who sent the change. */
  who: Principal;
  /** Further rules, each in its own file (server/sync/rules/), checked after the ones here. */
  rules?: readonly ChangeRule[];
  /** The people of the workshop a card may be by ([H1]). */
  people: PeopleLookup;
  /** The card text limit that holds for this workshop ([H4]). */
  cardTextMax: number;
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

/**
 * Whether a change to a card wrote nothing but status and note of an agreed action whose owner sent it
 * ([J5]): then a closed column does not stop it (between meetings Acties is locked, the owner still
 * reports). Any other field in the same change (text, column, who/what/when, a nested map), a card
 * added, replaced or removed, or someone who is not the owner: no exception, the lock holds. The
 * follow-up rule (rules/followUpRule.ts) checks the same fields again on the result.
 */
function followUpOnly(
  cards: ReturnType<typeof getCards>,
  id: string,
  fields: Set<string> | 'whole' | undefined,
  removed: boolean,
  who: Principal,
): boolean {
  if (removed || fields === undefined || fields === 'whole' || fields.size === 0) return false;
  const card: unknown = cards.get(id);
  if (!(card instanceof Y.Map)) return false;
  const refusal = followUpRefusal(
    { column: readCardColumn(card), status: readCardField(card, 'status') },
    readCardField(card, 'actionOwner'),
    fields,
    who,
  );
  return (
    refusal === null && who.access === 'participant' && [...fields].every((f) => OWNER_FIELDS.includes(f as never))
  );
}

/** What the card table says about the fields a change wrote, as they stand after it. */
function tableProblems(
  cards: ReturnType<typeof getCards>,
  written: Map<string, Set<string> | 'whole'>,
  doc: CardDocKind,
): CardProblem[] {
  const problems: CardProblem[] = [];
  for (const [id, fields] of written) {
    const card: unknown = cards.get(id);
    if (card === undefined) continue; // deleted again in the same change
    if (fields === 'whole' || !(card instanceof Y.Map)) {
      problems.push(...checkCard(id, card, doc));
      continue;
    }
    for (const field of fields) {
      const p = checkCardField(id, card, field, doc);
      if (p) problems.push(p);
    }
  }
  return problems;
}

/**
 * The cheap path (docs/decisions/0029): an update that only edits the text of cards (textEdits.ts,
 * read from the update before it is applied) passes without an undo scope or observers when every
 * rule can be seen to accept it from the state before it: each card in a writable column, valid
 * text, not agreed (an edit would open it again, [K3]), no authorship field written, and its text
 * unable to pass the limit: its length now plus everything the update inserts stays within it, or the
 * update inserts nothing ([H4]); and every further rule says a text edit of that card is none of its
 * business. Anything else, and every refusal, takes the full guard below.
 */
function acceptsTextEdits(doc: Y.Doc, rules: GuardRules, edits: ReadonlyMap<string, TextEdit>): boolean {
  const cards = getCards(doc);
  const lengths = textLengthsOf(doc, cards);
  for (const [id, { card, fragment, inserted }] of edits) {
    const column = readCardColumn(card);
    if (column === null || !rules.writable.has(column)) return false;
    if (card.get('status') === 'agreed') return false;
    if (checkCardField(id, card, 'text', rules.doc)) return false;
    if (inserted > 0 && lengths.of(fragment).now + inserted > rules.cardTextMax) return false;
    for (const rule of rules.rules ?? []) if (!rule.ignoresTextEdit?.(card, rules.who)) return false;
  }
  if (rules.doc === 'map') {
    const written = new Map([...edits.keys()].map((id) => [id, new Set(['text'])] as const));
    if (authorshipNotice(cards, written, rules.who, rules.people)) return false;
  }
  return true;
}

/**
 * Returns the notice for the sender when the update was reverted, or null when it was accepted.
 * `accepted`: the update as validated before it is applied (updateValidation.ts), for the cheap path.
 */
export function applyGuarded(
  doc: Y.Doc,
  update: Uint8Array,
  origin: Origin,
  rules: GuardRules,
  accepted?: Accepted,
): Notice | null {
  const edits = accepted && textOnlyEdits(doc, accepted);
  if (edits && acceptsTextEdits(doc, rules, edits)) {
    Y.applyUpdate(doc, update, origin);
    return null;
  }
  const cards = getCards(doc);
  const watches = (rules.rules ?? []).map((rule) => rule(doc, rules.who));
  // Every other root of the document is watched and reverted with the cards (the whole transaction).
  const lengths = textLengthsOf(doc, cards);
  // Roots only the server writes (a map's schema version, [M14]): any change to them is refused.
  const serverOnlyTouched = new Set<string>();
  const otherRoots = Object.entries(DOC_ROOTS[rules.doc])
    .filter(([name]) => name !== CARDS_KEY)
    .map(([name, spec]) => ({
      root: doc.getMap(name),
      observer: (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
        if (tr.origin !== origin) return;
        if (spec.writers === 'server') serverOnlyTouched.add(name);
        for (const w of watches) w.observe?.(name, events);
      },
    }));
  const undo = new Y.UndoManager([cards, ...otherRoots.map((s) => s.root)], {
    trackedOrigins: new Set([origin]),
    captureTimeout: 0,
  });
  /** Per card: the columns it stood in before and after the change (null: unreadable). */
  const columns = new Map<string, Set<ColumnId | null>>();
  const stood = (id: string, column: ColumnId | null) => columns.set(id, (columns.get(id) ?? new Set()).add(column));
  const touched = new Set<string>();
  /** Per card: the fields the change wrote, or 'whole' for a card that was added or replaced. */
  const written = new Map<string, Set<string> | 'whole'>();
  const wrote = (id: string, field: string) => {
    const fields = written.get(id) ?? new Set<string>();
    if (fields !== 'whole') written.set(id, fields.add(field));
  };
  let created = false;
  /** Cards the change deleted or replaced, as they were. */
  const removed = new Map<string, unknown>();
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
    if (tr.origin !== origin) return;
    for (const w of watches) w.observe?.(CARDS_KEY, events);
    for (const event of events) {
      if (event.target === cards) {
        for (const [key, change] of event.changes.keys) {
          if (change.action === 'add') created = true;
          else {
            stood(key, columnOfDeleted(change.oldValue));
            removed.set(key, change.oldValue);
          }
          if (change.action !== 'delete') written.set(key, 'whole');
          const now = cards.get(key);
          if (now instanceof Y.Map) {
            stood(key, readCardColumn(now));
            touched.add(key);
          }
        }
        continue;
      }
      const id = event.path[0];
      const card = typeof id === 'string' ? cards.get(id) : undefined;
      if (card instanceof Y.Map) {
        stood(id as string, readCardColumn(card));
        touched.add(id as string);
      }
      // A move: the column it left counts too.
      if (event.target === card) {
        const moved = event.changes.keys.get('column');
        if (moved && isColumnId(moved.oldValue)) stood(id as string, moved.oldValue);
        for (const key of event.changes.keys.keys()) wrote(id as string, key);
      } else if (typeof id === 'string' && typeof event.path[1] === 'string') {
        wrote(id, event.path[1]);
      }
    }
  };
  cards.observeDeep(observer);
  for (const s of otherRoots) s.root.observeDeep(s.observer);
  try {
    Y.applyUpdate(doc, update, origin);
  } finally {
    cards.unobserveDeep(observer);
    for (const s of otherRoots) s.root.unobserveDeep(s.observer);
  }
  let notice: Notice | null = null;
  let problems: CardProblem[] = [];
  let proposals: string[] = [];
  const textWritten = [...written].filter(([, f]) => f === 'whole' || f.has('text')).map(([id]) => id);
  // A card without a readable column (corrupt or unknown) is never writable for a guarded participant.
  // An owner's update of their action's status and note is the one exception to a closed column [J5].
  const closed = [...columns]
    .filter(([id]) => !followUpOnly(cards, id, written.get(id), removed.has(id), rules.who))
    .flatMap(([, cs]) => [...cs])
    .filter((c) => c === null || !rules.writable.has(c));
  if (serverOnlyTouched.size > 0) {
    notice = { code: 'server-only', roots: [...serverOnlyTouched] };
  } else if (closed.length > 0) {
    notice = { code: 'column-locked', columns: [...new Set(closed.filter((c): c is ColumnId => c !== null))] };
  } else if (created && !rules.mayCreate) {
    notice = { code: 'private-phase' };
  } else if ((problems = tableProblems(cards, written, rules.doc)).length > 0) {
    notice = { code: 'invalid-card', fields: [...new Set(problems.map((p) => p.field))] };
  } else if (rules.doc === 'map' && (notice = authorshipNotice(cards, written, rules.who, rules.people))) {
    // [H1], [H2]; drafts need not: the reveal puts them under their author's own name (T7)
  } else if ((notice = lengthNotice(cards, textWritten, lengths, rules.cardTextMax))) {
    // [H4]
  } else if (rules.doc === 'map' && (proposals = othersRemoved(removed, rules.who)).length > 0) {
    notice = { code: 'removal-proposed' };
  } else {
    for (const id of touched) {
      const card = cards.get(id);
      if (!(card instanceof Y.Map) || card.get('status') !== 'agreed') continue;
      const column = readCardColumn(card);
      if (!column) continue;
      const missing = missingForAgreement({
        column,
        who: str(card, 'who'),
        what: str(card, 'what'),
        when: str(card, 'when'),
      });
      if (missing.length) {
        notice = { code: 'needs-who-what-when', missing };
        break;
      }
    }
  }
  for (const w of watches) notice ??= w.check?.() ?? null;
  if (notice) undo.undo();
  undo.destroy();
  if (!notice) for (const w of watches) w.after?.();
  if (proposals.length > 0) {
    const me = rules.people(rules.who.participantId);
    proposeRemovals(doc, cards, proposals, { id: rules.who.participantId, name: me?.name ?? '' }, SERVER);
  }
  return notice;
}
