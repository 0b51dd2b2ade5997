import { removeAwarenessStates } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { WorkshopInfo } from '../../shared/api.js';
import type { ParticipantId, WorkshopId } from '../../shared/ids.js';
import type { Partner } from '../../shared/partners.js';
import type { DocName, PresenceState } from '../../shared/protocol.js';
import type { ConnectionSource } from '../collab/connectionState.js';
import type { Connect, DocConnection } from '../collab/docConnection.js';
import type { ClientNotice } from '../collab/notices.js';
import type { Clock } from '../lib/serverClock.js';
import { DocStore } from './docStore.js';
import { buildMapEnv, destroyMapEnv, isMapShaped, type MapEnv } from './mapEnv.js';
import { makeMe, type Me, type Who } from './me.js';
import { draftsName } from '../../shared/docName.js';

export type { Clock };

/** A notice for the person at this screen, and the document it is about. */
export interface WorkshopNotice {
  doc: DocName;
  notice: ClientNotice;
}

/** A refused write is recovered at most this often per document, so a broken client cannot loop. */
export const MAX_RESETS_PER_MINUTE = 3;

/** How long `openDoc(...).whenSynced()` waits for the server before it gives up. */
export const SYNC_TIMEOUT_MS = 20_000;

/**
 * One open document of the workshop as the screens read it. After a refused write the workshop
 * replaces it by a fresh one (new Y.Doc): hooks re-read `workshop.get(name)` and follow.
 */
export interface OpenDoc {
  readonly name: DocName;
  readonly doc: Y.Doc;
  /** The map UI's view of it, for map-shaped documents (`map:*`, `drafts:*`); null otherwise. */
  readonly map: MapEnv | null;
  readonly connection: ConnectionSource;
  isSynced(): boolean;
  whenSynced(): Promise<void>;
  /** A cached read of the document for useSyncExternalStore, one per `read` function. */
  store<T>(read: (doc: Y.Doc) => T): DocStore<T>;
}

/** A document opened for a while by code outside React (exports, a person's drafts), closed with `destroy`. */
export interface HeldDoc {
  doc: Y.Doc;
  destroy(): void;
  /** Resolves once the document has the server's state; rejects after SYNC_TIMEOUT_MS without it. */
  whenSynced(): Promise<void>;
}

class Entry implements OpenDoc {
  readonly map: MapEnv | null;
  private readonly stores = new Map<(doc: Y.Doc) => unknown, DocStore<unknown>>();

  constructor(
    readonly name: DocName,
    readonly conn: DocConnection,
  ) {
    this.map = isMapShaped(name) ? buildMapEnv(name, conn.doc, conn.awareness, conn.connection) : null;
  }

  get doc(): Y.Doc {
    return this.conn.doc;
  }

  get connection(): ConnectionSource {
    return this.conn.connection;
  }

  isSynced = () => this.conn.isSynced();
  whenSynced = () => this.conn.whenSynced();

  store<T>(read: (doc: Y.Doc) => T): DocStore<T> {
    let store = this.stores.get(read);
    if (!store) {
      store = new DocStore(this.conn.doc, read);
      this.stores.set(read, store);
    }
    return store as DocStore<T>;
  }

  destroy(): void {
    for (const store of this.stores.values()) store.destroy();
    this.stores.clear();
    if (this.map) destroyMapEnv(this.map);
    // Announce leaving while the provider still listens.
    removeAwarenessStates(this.conn.awareness, [this.conn.doc.clientID], 'left');
    this.conn.destroy();
  }
}

interface Slot {
  entry: Entry;
  holds: number;
  /** Holders that want my presence shown in this document (working maps). */
  presenceHolds: number;
  resets: number[];
  stopRefused: () => void;
  stopNotices: () => void;
}

export interface WorkshopOptions {
  info: WorkshopInfo;
  /** Who I am; the token (absent in tests without a server) for the HTTP API. */
  who: Who & { token?: string };
  connect: Connect;
  clock: Clock;
}

/**
 * The one owner of every Yjs document a page shows of a workshop. Screens hold documents by name
 * (reference counted: one connection per document, closed after the last holder lets go) and get
 * the same treatment for every kind: the offline copy (in the connection), recovery after a refused
 * write, and notices, which all arrive on `notices`. It also knows who I am, the partners and the
 * server clock. See docs/decisions/0009.
 */
export class Workshop {
  readonly id: WorkshopId;
  readonly me: Me;
  readonly partners: ReadonlyMap<string, Partner>;
  private readonly slots = new Map<DocName, Slot>();
  private readonly listeners = new Set<() => void>();
  private readonly noticeListeners = new Set<(notice: WorkshopNotice) => void>();
  private destroyed = false;

  constructor(private readonly options: WorkshopOptions) {
    this.id = options.info.id;
    this.me = makeMe(options.who, options.info.partners);
    this.partners = new Map(options.info.partners.map((p) => [p.id as string, p]));
  }

  get info(): WorkshopInfo {
    return this.options.info;
  }

  /** My token, for the HTTP API (the documents' connections have it already). */
  get token(): string {
    return this.options.who.token ?? '';
  }

  get clock(): Clock {
    return this.options.clock;
  }

  /** My drafts document, when I am a participant (only participants write alone first). */
  get draftsName(): DocName | null {
    return this.me.access === 'participant' && this.me.participantId
      ? draftsName(this.me.participantId as ParticipantId)
      : null;
  }

  /**
   * Keep `name` open until the returned function is called. With `presence`, others see me in it
   * (and which card I edit) while at least one such holder remains.
   */
  hold(name: DocName, options: { presence?: boolean } = {}): () => void {
    if (this.destroyed) return () => {};
    const presence = !!options.presence && this.me.canEdit;
    let slot = this.slots.get(name);
    if (!slot) {
      slot = this.openSlot(name, presence);
      this.slots.set(name, slot);
      this.changed();
    }
    const held = slot;
    held.holds++;
    if (presence && held.presenceHolds++ === 0) this.setPresence(held, true);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (presence && --held.presenceHolds === 0) this.setPresence(held, false);
      if (--held.holds > 0) return;
      if (this.slots.get(name) !== held) return;
      this.slots.delete(name);
      this.closeSlot(held);
      this.changed();
    };
  }

  /** The open document by that name, or undefined while nobody holds it. */
  get(name: DocName): OpenDoc | undefined {
    return this.slots.get(name)?.entry;
  }

  /** Names open right now (for tests and diagnostics). */
  openNames(): DocName[] {
    return [...this.slots.keys()];
  }

  /** For code outside React: hold a document until `destroy` (the exports, a person's drafts). */
  openDoc(name: DocName): HeldDoc {
    const release = this.hold(name);
    const entry = () => this.slots.get(name)?.entry;
    return {
      get doc() {
        return entry()!.doc;
      },
      destroy: release,
      whenSynced: () => {
        const e = entry();
        if (!e) return Promise.reject(new Error('document closed'));
        return new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('not synced in time')), SYNC_TIMEOUT_MS);
          void e.whenSynced().then(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      },
    };
  }

  /** Hears when a document opens, closes or is replaced after a refused write. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Every notice of every document of this page: the server's (type 7) and the workshop's own. */
  onNotice(listener: (notice: WorkshopNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  destroy(): void {
    this.destroyed = true;
    for (const slot of this.slots.values()) this.closeSlot(slot);
    this.slots.clear();
    this.listeners.clear();
    this.noticeListeners.clear();
  }

  private presenceState(): PresenceState {
    return { user: this.me.user, editing: null };
  }

  private setPresence(slot: Slot, on: boolean): void {
    const awareness = slot.entry.conn.awareness;
    if (on) awareness.setLocalState(this.presenceState());
    else awareness.setLocalState(null);
  }

  private openSlot(name: DocName, presence: boolean, resets: number[] = []): Slot {
    const entry = new Entry(name, this.options.connect(name, presence ? this.presenceState() : null));
    const slot: Slot = {
      entry,
      holds: 0,
      presenceHolds: 0,
      resets,
      stopRefused: () => {},
      stopNotices: () => {},
    };
    slot.stopRefused = entry.conn.onWriteRefused(() => void this.recover(name, slot));
    slot.stopNotices = entry.conn.notices.subscribe((notice) => this.emitNotice({ doc: name, notice }));
    return slot;
  }

  private closeSlot(slot: Slot): void {
    slot.stopRefused();
    slot.stopNotices();
    slot.entry.destroy();
  }

  /**
   * The server refused a write on a document I may still read: my copy holds a change that will
   * never be accepted, and Yjs cannot take it back. Throw the copy away (the offline copy too, or it
   * would send the change again), open the document afresh and, once it has the server's state, tell
   * the person in plain words. The same for every document kind.
   */
  private async recover(name: DocName, old: Slot): Promise<void> {
    if (this.destroyed || this.slots.get(name) !== old) return;
    const now = Date.now();
    const resets = old.resets.filter((t) => now - t < 60_000);
    if (resets.length >= MAX_RESETS_PER_MINUTE) return;
    resets.push(now);
    await old.entry.conn.clearLocalCopy().catch(() => {});
    if (this.destroyed || this.slots.get(name) !== old) return;
    const fresh = this.openSlot(name, old.presenceHolds > 0, resets);
    fresh.holds = old.holds;
    fresh.presenceHolds = old.presenceHolds;
    this.slots.set(name, fresh);
    this.closeSlot(old);
    this.changed();
    await fresh.entry.whenSynced();
    if (this.slots.get(name) === fresh) this.emitNotice({ doc: name, notice: { code: 'write-refused' } });
  }

  private emitNotice(notice: WorkshopNotice): void {
    for (const l of this.noticeListeners) l(notice);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
