import * as Y from 'yjs';
import {
  AGREED_CONTENT_FIELDS,
  consensusStatus,
  partnersPresent,
  type AgreementRule,
  type WorkshopPerson,
} from '../../../shared/agreement.js';
import type { AgreedVersion, HistoryEntry } from '../../../shared/card/fields.js';
import { CARDS_KEY, getCards } from '../../../shared/cardSchema.js';
import { readCardField } from '../../../shared/card/read.js';
import { isColumnId } from '../../../shared/columns.js';
import { HISTORY_MAX } from '../../../shared/card/fields.js';
import type { Notice } from '../../../shared/notices.js';
import { SERVER } from '../../../shared/origins.js';
import type { Principal } from '../../../shared/permissions.js';
import { blocksToPlainText, readBlocks } from '../../../shared/richText.js';
import type { ChangeRule, ChangeWatch } from './changeRule.js';

/**
 * Who may agree, and that agreed means this text (SPEC K1–K4, docs/decisions/0016).
 * Refusals (the whole change is reverted):
 *   - a participant writes a card's status, or creates an agreed card [K1];
 *   - a participant says "eens namens" another partner, or in someone else's name [K1];
 *   - anyone writes `agreedVersion`, which only the server keeps [K3].
 * Follow-ups, written by the server right after an accepted change:
 *   - a change to the text or who/what/when of an agreed card makes it open again, keeps the agreed
 *     text in its history and clears "eens namens" (they were said to another text); the editor and
 *     the facilitators in the room are told [K3];
 *   - by consensus, a card whose "eens namens" changed becomes agreed or open again [K2];
 *   - a card that became agreed gets its `agreedVersion`, the version the convenant prints [K3].
 */
export interface AgreementContext {
  rule: AgreementRule;
  /** `joint` or the partner id of the map. */
  map: string;
  /** Everyone listed in the workshop (read only when needed). */
  people: () => readonly WorkshopPerson[];
  /** Tell the sender and the facilitators in the room (not a refusal). */
  tell: (notice: Notice) => void;
}

type Entry = Record<string, unknown>;
const CONTENT: ReadonlySet<string> = new Set(AGREED_CONTENT_FIELDS);

/** The entries of a nested map, also of one deleted in this transaction (content is kept until GC). */
function entriesOf(map: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!(map instanceof Y.Map)) return out;
  const items = (map as unknown as { _map: Map<string, { deleted: boolean; content: { getContent(): unknown[] } }> })
    ._map;
  for (const [key, item] of items) out.set(key, item.content.getContent()[0]);
  return out;
}

function versionOf(card: Y.Map<unknown>, at: number): AgreedVersion {
  const fragment = readCardField(card, 'text');
  return {
    text: fragment ? blocksToPlainText(readBlocks(fragment)) : '',
    who: readCardField(card, 'who'),
    what: readCardField(card, 'what'),
    when: readCardField(card, 'when'),
    at,
  };
}

/**
 * A text edit matters to this rule only on an agreed card (it opens the card again, [K3]); status,
 * "eens namens" and the agreed version are fields of the card map, which a text edit never writes.
 */
const ignoresTextEdit = (card: Y.Map<unknown>) => card.get('status') !== 'agreed';

export function agreementRule(ctx: AgreementContext): ChangeRule {
  return Object.assign(watchAgreement(ctx), { ignoresTextEdit });
}

function watchAgreement(ctx: AgreementContext) {
  return (doc: Y.Doc, who: Principal): ChangeWatch => {
    const cards = getCards(doc);
    const facilitator = who.access === 'facilitator';
    /** Cards added (or replaced) by the change. */
    const created = new Set<string>();
    /** Status before the change, for cards whose status it wrote. */
    const statusBefore = new Map<string, unknown>();
    const contentChanged = new Set<string>();
    const versionWritten = new Set<string>();
    /** Per card: the "eens namens" entries the change touched, with their value before. */
    const agreements = new Map<string, Map<string, unknown>>();
    const touchAgreement = (id: string, key: string, before: unknown) => {
      const m = agreements.get(id) ?? new Map<string, unknown>();
      if (!m.has(key)) m.set(key, before);
      agreements.set(id, m);
    };

    const observe = (root: string, events: readonly Y.YEvent<Y.AbstractType<unknown>>[]) => {
      if (root !== CARDS_KEY) return;
      for (const event of events) {
        if (event.target === cards) {
          for (const [key, change] of event.changes.keys) if (change.action !== 'delete') created.add(key);
          continue;
        }
        const id = event.path[0];
        if (typeof id !== 'string') continue;
        const card = cards.get(id);
        if (event.target === card) {
          for (const [key, change] of event.changes.keys) {
            if (key === 'status' && !statusBefore.has(id)) statusBefore.set(id, change.oldValue);
            if (CONTENT.has(key)) contentChanged.add(id);
            if (key === 'agreedVersion') versionWritten.add(id);
            if (key === 'agreedBy') {
              // The whole map replaced (or first made): every entry before and after counts.
              for (const [k, v] of entriesOf(change.oldValue)) touchAgreement(id, k, v);
              const now = card.get('agreedBy');
              if (now instanceof Y.Map) for (const k of now.keys()) touchAgreement(id, k, undefined);
            }
          }
        } else if (event.path[1] === 'text') {
          contentChanged.add(id);
        } else if (event.path[1] === 'agreedBy' && event.path.length === 2) {
          for (const [key, change] of event.changes.keys) touchAgreement(id, key, change.oldValue);
        }
      }
    };

    const cardAt = (id: string) => {
      const c = cards.get(id);
      return c instanceof Y.Map ? (c as Y.Map<unknown>) : null;
    };
    const agreedNow = (card: Y.Map<unknown>) => {
      const m = card.get('agreedBy');
      return m instanceof Y.Map ? (m as Y.Map<unknown>) : null;
    };

    const check = (): Notice | null => {
      for (const id of versionWritten) if (!created.has(id)) return { code: 'invalid-card', fields: ['agreedVersion'] };
      if (facilitator) return null;
      for (const id of created) {
        const card = cardAt(id);
        if (card?.get('status') === 'agreed') return { code: 'status-by-facilitator', rule: ctx.rule };
        // A new card brings its "eens namens" entries: each must be the sender's own.
        const m = card && agreedNow(card);
        if (m) for (const key of m.keys()) touchAgreement(id, key, undefined);
      }
      for (const [id, before] of statusBefore) {
        if (created.has(id)) continue;
        const card = cardAt(id);
        if (card && card.get('status') !== before) return { code: 'status-by-facilitator', rule: ctx.rule };
      }
      for (const [id, keys] of agreements) {
        const m = cardAt(id) && agreedNow(cardAt(id)!);
        for (const [key, before] of keys) {
          const after = m?.get(key) as Entry | undefined;
          if (after === before) continue;
          if (key !== who.partner || (after !== undefined && after.by !== who.participantId))
            return { code: 'agreement-own-partner' };
        }
      }
      return null;
    };

    const after = () => {
      const now = Date.now();
      let people: readonly WorkshopPerson[] | null = null;
      const everyone = () => (people ??= ctx.people());
      const reopened: string[] = [];
      const writes: (() => void)[] = [];
      for (const id of contentChanged) {
        const card = cardAt(id);
        if (!card || created.has(id)) continue;
        const before = statusBefore.has(id) ? statusBefore.get(id) : card.get('status');
        if (before !== 'agreed') continue;
        reopened.push(id);
        const agreed = readCardField(card, 'agreedVersion');
        const editor = everyone().find((p) => p.id === who.participantId);
        writes.push(() => {
          card.set('status', 'open');
          const said = agreedNow(card);
          if (said) for (const key of [...said.keys()]) said.delete(key);
          if (!agreed) return;
          let history = card.get('history');
          if (!(history instanceof Y.Array)) {
            history = new Y.Array<HistoryEntry>();
            card.set('history', history);
          }
          const h = history as Y.Array<HistoryEntry>;
          if (h.length && h.get(h.length - 1).text === agreed.text) return;
          h.push([{ text: agreed.text, by: who.participantId, name: editor?.name ?? '', at: now }]);
          if (h.length > HISTORY_MAX) h.delete(0, h.length - HISTORY_MAX);
        });
      }
      const reset = new Set(reopened);
      const becameAgreed = new Set<string>();
      if (ctx.rule === 'consensus') {
        for (const id of agreements.keys()) {
          const card = cardAt(id);
          if (!card || reset.has(id)) continue;
          const column = card.get('column');
          if (!isColumnId(column)) continue;
          const status = readCardField(card, 'status');
          const next = consensusStatus(
            status,
            new Set(agreedNow(card)?.keys() ?? []),
            partnersPresent(everyone(), ctx.map),
            {
              column,
              who: readCardField(card, 'who'),
              what: readCardField(card, 'what'),
              when: readCardField(card, 'when'),
            },
          );
          if (next === null) continue;
          writes.push(() => card.set('status', next));
          if (next === 'agreed') becameAgreed.add(id);
        }
      }
      // Agreed by this change (the facilitator, a consensus, a facilitator's new agreed card): keep the version.
      for (const id of new Set([...statusBefore.keys(), ...created])) {
        const card = cardAt(id);
        if (card && !reset.has(id) && card.get('status') === 'agreed' && statusBefore.get(id) !== 'agreed')
          becameAgreed.add(id);
      }
      for (const id of becameAgreed) {
        const card = cardAt(id)!;
        writes.push(() => card.set('agreedVersion', versionOf(card, now)));
      }
      // A participant's new card never brings an agreed version of its own.
      if (!facilitator)
        for (const id of created) {
          const card = cardAt(id);
          if (card?.has('agreedVersion') && !becameAgreed.has(id)) writes.push(() => card.delete('agreedVersion'));
        }
      if (writes.length) doc.transact(() => writes.forEach((w) => w()), SERVER);
      if (reopened.length) ctx.tell({ code: 'agreement-reopened', cards: reopened });
    };

    return { observe, check, after };
  };
}
