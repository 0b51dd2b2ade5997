import type * as Y from 'yjs';
import { getCard, readCardColumn } from './cardSchema.js';
import {
  ACTION_STATUSES,
  CARD_FIELDS,
  matchesValue,
  type ActionOwner,
  type ActionStatus,
  type CardFieldName,
} from './card/fields.js';
import { readCardField } from './card/read.js';
import type { CardId } from './ids.js';
import type { Origin } from './origins.js';
import type { Principal } from './permissions.js';
import type { CardSnapshot, MapSnapshot } from './readModel.js';

/**
 * Actions that are followed up (SPEC J4–J7, docs/decisions/0027). An agreed card in Acties (steps)
 * gets an owner (a person or a partner), a due date, a status and a short note. Who may write what:
 *   - only on an agreed step card [J4];
 *   - the facilitator writes all four;
 *   - the owner (that person, or anyone of the owning partner) writes status and note, and may do so
 *     also when the Acties column is locked, e.g. between meetings [J5]. Nothing else of the card.
 * The server enforces this on every change (server/sync/rules/followUpRule.ts and the column guard).
 */

/** Every follow-up field of a card. */
export const ACTION_FIELDS = ['actionOwner', 'actionDue', 'actionStatus', 'actionNote'] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];
/** What the owner may update themselves, also in a locked column. */
export const OWNER_FIELDS: readonly ActionField[] = ['actionStatus', 'actionNote'];

export { ACTION_STATUSES, type ActionOwner, type ActionStatus };

export function isActionField(key: string): key is ActionField {
  return (ACTION_FIELDS as readonly string[]).includes(key);
}

/** Whether `who` is the owner of an action with this owner (the facilitator is not, by this test). */
export function ownsAction(owner: ActionOwner | null, who: Pick<Principal, 'participantId' | 'partner'>): boolean {
  if (!owner) return false;
  if (owner.kind === 'person') return owner.id === who.participantId;
  return who.partner !== '' && owner.id === who.partner;
}

/** Follow-up fields hold only on an agreed step card [J4]. */
export function takesFollowUp(card: { column: string | null; status: string }): boolean {
  return card.column === 'steps' && card.status === 'agreed';
}

/**
 * Why `who` may not write these follow-up fields of a card as it stands after the change, or null
 * when they may ([J4], [J5]). `owner` is the owner before the change (an owner cannot hand it on).
 */
export function followUpRefusal(
  card: { column: string | null; status: string },
  ownerBefore: ActionOwner | null,
  fields: Iterable<string>,
  who: Principal,
): 'not-agreed' | 'not-owner' | null {
  if (!takesFollowUp(card)) return 'not-agreed';
  if (who.access === 'facilitator') return null;
  if (who.access !== 'participant' || !ownsAction(ownerBefore, who)) return 'not-owner';
  for (const f of fields) if (!OWNER_FIELDS.includes(f as ActionField)) return 'not-owner';
  return null;
}

export interface FollowUpPatch {
  owner?: ActionOwner | null;
  due?: string;
  status?: ActionStatus;
  note?: string;
}

/**
 * Write follow-up fields of an agreed step card in one transaction; only what differs. Returns false
 * when the card is gone, not an agreed step card, or a value does not fit the card table.
 */
export function setFollowUp(doc: Y.Doc, id: CardId, patch: FollowUpPatch, origin: Origin): boolean {
  const card = getCard(doc, id);
  if (!card) return false;
  if (!takesFollowUp({ column: readCardColumn(card), status: readCardField(card, 'status') })) return false;
  const writes: [CardFieldName, unknown][] = [];
  if (patch.owner !== undefined) writes.push(['actionOwner', patch.owner]);
  if (patch.due !== undefined) writes.push(['actionDue', patch.due]);
  if (patch.status !== undefined) writes.push(['actionStatus', patch.status]);
  if (patch.note !== undefined) writes.push(['actionNote', patch.note]);
  for (const [name, v] of writes) {
    const spec = CARD_FIELDS[name].storage;
    const empty = v === null || v === '';
    if (!empty && spec.kind === 'value' && !matchesValue(spec.value, v)) return false;
  }
  doc.transact(() => {
    for (const [name, v] of writes) {
      // Empty means "not set": the key goes, so readers see the table's default.
      if (v === null || v === '') {
        if (card.has(name)) card.delete(name);
      } else if (JSON.stringify(card.get(name)) !== JSON.stringify(v)) card.set(name, v);
    }
  }, origin);
  return true;
}

/** The agreed actions of a map: the agreed cards of Acties, in column order. */
export function agreedActions(map: MapSnapshot): CardSnapshot[] {
  return map.columns.steps.filter((c) => c.status === 'agreed');
}

/** Actions of `who` as owner (person or their partner). */
export function actionsOf(map: MapSnapshot, who: Pick<Principal, 'participantId' | 'partner'>): CardSnapshot[] {
  return agreedActions(map).filter((c) => ownsAction(c.actionOwner, who));
}

export interface ValueGroup {
  /** The value served, or null for the actions that reach no value ("zonder waarde"). */
  value: CardSnapshot | null;
  actions: CardSnapshot[];
}

/**
 * The agreed actions grouped by the values they serve, for the review "terugblik" and the
 * "stand van zaken" export ([J6]). An action serves a value when its links reach that value directly
 * or through the cards it serves (a condition, a role, a relation that is linked to the value). An
 * action may serve several values and then stands in each group; one that reaches none stands in the
 * last group, "zonder waarde". Values in column order; only values with actions.
 */
export function actionsByValue(map: MapSnapshot): ValueGroup[] {
  const byId = new Map<string, CardSnapshot>();
  for (const list of Object.values(map.columns)) for (const c of list) byId.set(c.id, c);
  const valuesReached = (start: CardSnapshot): Set<string> => {
    const found = new Set<string>();
    const seen = new Set<string>([start.id]);
    let frontier = [start];
    while (frontier.length) {
      const next: CardSnapshot[] = [];
      for (const card of frontier)
        for (const target of Object.keys(card.links)) {
          const t = byId.get(target);
          if (!t || seen.has(target)) continue;
          seen.add(target);
          if (t.column === 'values') found.add(target);
          else next.push(t);
        }
      frontier = next;
    }
    return found;
  };
  const groups = new Map<string, CardSnapshot[]>();
  const without: CardSnapshot[] = [];
  for (const action of agreedActions(map)) {
    const values = valuesReached(action);
    if (values.size === 0) without.push(action);
    for (const v of values) groups.set(v, [...(groups.get(v) ?? []), action]);
  }
  const out: ValueGroup[] = map.columns.values
    .filter((v) => groups.has(v.id))
    .map((v) => ({ value: v, actions: groups.get(v.id)! }));
  if (without.length) out.push({ value: null, actions: without });
  return out;
}

/** How many actions stand at each status. */
export function statusCounts(actions: readonly CardSnapshot[]): Record<ActionStatus, number> {
  const counts = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  for (const a of actions) counts[a.actionStatus]++;
  return counts;
}

/** Whether an action is past its due date on `today` (YYYY-MM-DD) and not done or dropped. */
export function isOverdue(action: Pick<CardSnapshot, 'actionDue' | 'actionStatus'>, today: string): boolean {
  return (
    action.actionDue !== '' &&
    action.actionDue < today &&
    action.actionStatus !== 'done' &&
    action.actionStatus !== 'dropped'
  );
}
