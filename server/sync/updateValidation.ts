import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol.js';

/**
 * Per-sender validation of a decoded Yjs update against the live document, BEFORE it is applied
 * (docs/decisions/0012). Yjs itself trusts every peer: it integrates what it can and keeps the rest
 * "pending" until its dependencies arrive, in whatever transaction that happens to be. The checks
 * here replay Yjs' integration order (`integrateStructs` in yjs/src/utils/encoding.js) on clocks
 * only, so an update is either integrated completely, now, by its sender, or not at all.
 *
 * Rules (docs/SPEC.md, Trust):
 * - T1 new structs only under Yjs client ids bound to the sender's participant; an unbound id that the
 *   document has never seen is bound on first use; any other id is refused (T15: except an unbound id
 *   from before bindings whose cards show the sender wrote under it).
 * - T2 nothing may stay pending: every struct continues its client's clock without a gap, every
 *   left/right origin and parent exists in the document or earlier in the same update.
 * - T3 the delete set names only items that exist (in the document or in this update).
 * - T4 Skip structs are refused; GC structs only under the sender's own client ids (an honest client
 *   sends them for items it created and deleted while offline).
 * - T5 bounded work: at most `maxStructs` structs and delete ranges, no struct longer than MAX_STRUCT_LENGTH.
 */

export interface Refusal {
  code: number;
  reason: string;
  /** The update only lacks changes the server does not have yet (it would stay pending). */
  pending?: boolean;
}

export interface SenderContext {
  participantId: string;
  /** Owner (participant id) of each Yjs client id of this document. */
  owners: ReadonlyMap<number, string>;
  /** Client ids that belong to the server itself (its own writes); never bindable. */
  reserved: ReadonlySet<number>;
  /** At most this many new client ids may be bound by one update. */
  maxNewClients: number;
  /** At most this many structs plus delete ranges per update. */
  maxStructs: number;
  /**
   * For a client id the document holds without a binding (data from before bindings): the participant
   * the document shows wrote under it, or null (legacyClients.ts). Such an id is bound to that writer.
   */
  legacyWriter?: (client: number) => string | null;
}

/** Where an integrating item lands: a root type by name, a type already in the document, or a type created by this update. */
export type ParentRef =
  | { kind: 'root'; name: string }
  | { kind: 'live'; type: Y.AbstractType<unknown> }
  | { kind: 'new'; item: Y.Item };

/** An item that will be integrated (with content), in the place Yjs will put it. */
export interface LandingItem {
  item: Y.Item;
  parent: ParentRef;
  /** The map key (parentSub), or null for a position in a sequence. */
  key: string | null;
}

export interface Accepted {
  /** Client ids bound to the sender by this update (to be stored with it). */
  newClients: number[];
  /** Every new item with its resolved place, for the schema check. */
  landing: LandingItem[];
  /** The same, by item (to walk up from an item to the root). */
  landingOf: Map<Y.Item, LandingItem>;
  /** Delete ranges of the update (client → [clock, len][]), all of existing items. */
  deletes: Map<number, [number, number][]>;
}

type Struct = Y.Item | Y.GC | Y.Skip;

/** Longer runs than this are never produced by people typing (one struct per typed run). */
export const MAX_STRUCT_LENGTH = 1 << 24;

const malformed = (reason: string): Refusal => ({ code: CloseCode.MALFORMED, reason });
const pendingRefusal = (reason: string): Refusal => ({ code: CloseCode.MALFORMED, reason, pending: true });
const forbidden = (reason: string): Refusal => ({ code: CloseCode.FORBIDDEN, reason });

function isSafeClock(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** Find the struct of `list` (contiguous, ascending) that contains `clock`. */
function structAt(list: Struct[], clock: number): Struct | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid];
    if (clock < s.id.clock) hi = mid - 1;
    else if (clock >= s.id.clock + s.length) lo = mid + 1;
    else return s;
  }
  return undefined;
}

export function validateUpdate(
  doc: Y.Doc,
  decoded: { structs: Struct[]; ds: { clients: Map<number, { clock: number; len: number }[]> } },
  sender: SenderContext,
): Accepted | Refusal {
  const store = doc.store;
  let rangeCount = 0;
  for (const ranges of decoded.ds.clients.values()) rangeCount += ranges.length;
  if (decoded.structs.length + rangeCount > sender.maxStructs) {
    return { code: CloseCode.TOO_LARGE, reason: `update has more than ${sender.maxStructs} parts` };
  }

  // Group per client; Yjs reads one section per client (a repeated section silently replaces the
  // earlier one), so a client must appear in one contiguous run of ascending clocks.
  const byClient = new Map<number, Struct[]>();
  let lastClient: number | null = null;
  for (const s of decoded.structs) {
    if (s instanceof Y.Skip) return malformed('skip structs are not accepted from clients');
    if (!isSafeClock(s.id.clock) || s.length < 1 || s.length > MAX_STRUCT_LENGTH)
      return malformed('struct length out of range');
    const list = byClient.get(s.id.client);
    if (list) {
      if (lastClient !== s.id.client) return malformed('a client appears twice in one update');
      const prev = list[list.length - 1];
      if (prev.id.clock + prev.length !== s.id.clock) return malformed('structs of a client are not contiguous');
      list.push(s);
    } else {
      byClient.set(s.id.client, [s]);
    }
    lastClient = s.id.client;
  }

  const docState = (client: number) => Y.getState(store, client);
  const state = new Map<number, number>();
  const stateOf = (client: number) => {
    let v = state.get(client);
    if (v === undefined) {
      v = docState(client);
      state.set(client, v);
    }
    return v;
  };

  // T1: who may add structs under which client id.
  const newClients: number[] = [];
  for (const [client, list] of byClient) {
    const last = list[list.length - 1];
    const known = docState(client);
    if (last.id.clock + last.length <= known) continue; // a resend of what the server has: harmless
    const owner = sender.owners.get(client);
    if (owner === sender.participantId) continue;
    if (owner !== undefined || sender.reserved.has(client))
      return forbidden('this Yjs client id belongs to someone else');
    if (known > 0 && sender.legacyWriter?.(client) !== sender.participantId) {
      return forbidden('this Yjs client id belongs to someone else');
    }
    newClients.push(client);
  }
  if (newClients.length > sender.maxNewClients) return forbidden('too many new Yjs client ids at once');
  const own = (client: number) => sender.owners.get(client) === sender.participantId || newClients.includes(client);

  /** The struct with this id, from the document when it is known there, else from this update. */
  const lookup = (id: Y.ID): Struct | undefined => {
    if (id.clock < docState(id.client)) return Y.getItem(store, id) as Struct;
    const list = byClient.get(id.client);
    return list && structAt(list, id.clock);
  };

  // Resolved place of update items that became parents of later ones.
  const placeOf = new Map<Y.Item, { parent: ParentRef | null; key: string | null }>();
  const parentOfExisting = (s: Struct | undefined): { parent: ParentRef | null; key: string | null } | 'bad' => {
    if (!s || s instanceof Y.Skip) return 'bad';
    if (s instanceof Y.GC) return { parent: null, key: null };
    if (placeOf.has(s)) return placeOf.get(s)!;
    const parent = s.parent as Y.AbstractType<unknown> | null;
    if (!parent || typeof parent !== 'object' || !(parent instanceof Y.AbstractType)) return 'bad';
    return { parent: { kind: 'live', type: parent }, key: s.parentSub };
  };

  /** Where Yjs (Item.getMissing) will put this item; null parent = it becomes garbage at once. */
  const resolvePlace = (item: Y.Item): { parent: ParentRef | null; key: string | null } | 'bad' => {
    if (item.origin) return parentOfExisting(lookup(item.origin));
    if (item.rightOrigin) return parentOfExisting(lookup(item.rightOrigin));
    const p = item.parent as unknown;
    if (typeof p === 'string') return { parent: { kind: 'root', name: p }, key: item.parentSub };
    if (p instanceof Y.ID) {
      const holder = lookup(p);
      if (holder instanceof Y.GC) return { parent: null, key: null };
      if (!(holder instanceof Y.Item) || !(holder.content instanceof Y.ContentType)) return 'bad';
      const fromUpdate = placeOf.get(holder);
      // A type of this update that itself became garbage takes its children with it.
      if (fromUpdate && !fromUpdate.parent) return { parent: null, key: null };
      const parent: ParentRef = fromUpdate
        ? { kind: 'new', item: holder }
        : { kind: 'live', type: (holder.content as Y.ContentType).type as Y.AbstractType<unknown> };
      return { parent, key: item.parentSub };
    }
    return 'bad';
  };

  /** Yjs' getMissing on clocks: the client whose struct is still missing, null when none, 'bad' when Yjs would throw. */
  const missingFor = (s: Y.Item | Y.GC): number | null | 'bad' => {
    if (s instanceof Y.GC) return null;
    const refs = [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null];
    for (const ref of refs) {
      if (!ref) continue;
      if (!isSafeClock(ref.clock)) return 'bad';
      if (ref.clock < stateOf(ref.client)) continue;
      // Yjs looks up same-client references without checking; a forward one would throw mid-apply.
      if (ref.client === s.id.client) return 'bad';
      return ref.client;
    }
    return null;
  };

  // T2: replay integrateStructs (highest client first, a stack for cross-client dependencies).
  const landing: LandingItem[] = [];
  const landingOf = new Map<Y.Item, LandingItem>();
  const cursor = new Map<number, number>();
  const clients = [...byClient.keys()].sort((a, b) => a - b);
  const nextOf = (client: number): Struct | undefined => {
    const list = byClient.get(client)!;
    const i = cursor.get(client) ?? 0;
    if (i >= list.length) return undefined;
    cursor.set(client, i + 1);
    return list[i];
  };
  const stack: (Y.Item | Y.GC)[] = [];
  let head: Struct | undefined;
  const nextHead = (): Struct | undefined => {
    if (stack.length) return stack.pop();
    while (clients.length) {
      const s = nextOf(clients[clients.length - 1]);
      if (s) return s;
      clients.pop();
    }
    return undefined;
  };
  head = nextHead();
  while (head) {
    const s = head as Y.Item | Y.GC;
    const local = stateOf(s.id.client);
    const offset = local - s.id.clock;
    if (offset < 0) return pendingRefusal('update depends on changes the server does not have (clock gap)');
    const missing = missingFor(s);
    if (missing === 'bad') return malformed('update refers to a position that does not exist');
    if (missing !== null) {
      stack.push(s);
      const dep = byClient.has(missing) ? nextOf(missing) : undefined;
      if (!dep) return pendingRefusal('update depends on changes the server does not have');
      head = dep;
      continue;
    }
    if (offset < s.length) {
      // Only whole structs: a struct half known here would be spliced onto whatever the server holds.
      if (offset > 0) return malformed('update overlaps what the server has');
      if (s instanceof Y.GC) {
        if (!own(s.id.client)) return forbidden('garbage-collection structs only for your own changes');
      } else {
        const place = resolvePlace(s);
        if (place === 'bad') return malformed('update refers to a parent that is not a type');
        placeOf.set(s, place);
        if (place.parent) {
          const l = { item: s, parent: place.parent, key: place.key };
          landing.push(l);
          landingOf.set(s, l);
        }
      }
      state.set(s.id.client, s.id.clock + s.length);
    }
    head = nextHead();
  }

  // T3: deletions only of items that exist once this update is in.
  const deletes = new Map<number, [number, number][]>();
  for (const [client, ranges] of decoded.ds.clients) {
    const end = stateOf(client);
    const list: [number, number][] = [];
    for (const r of ranges) {
      if (!isSafeClock(r.clock) || !isSafeClock(r.len) || r.len < 1 || r.clock + r.len > end) {
        return pendingRefusal('update deletes changes that do not exist');
      }
      list.push([r.clock, r.len]);
    }
    deletes.set(client, list);
  }
  return { newClients, landing, landingOf, deletes };
}

export function isRefusal(v: Accepted | Refusal): v is Refusal {
  return 'code' in v;
}
