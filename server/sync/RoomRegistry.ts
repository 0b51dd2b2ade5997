import type { WorkshopPerson } from '../../shared/agreement.js';
import { JOINT_MAP, type DocKind } from '../../shared/docName.js';
import { parseRoomName, roomName } from '../../shared/protocol.js';
import type { KnownPerson } from '../../shared/authorship.js';
import { CARD_TEXT_LIMIT_DEFAULT } from '../../shared/cardLength.js';
import type { DocStore, DocWriter } from '../store/Store.js';
import { Committer } from './Committer.js';
import { Room } from './Room.js';
import type { Principal } from '../../shared/permissions.js';
import type { PrivateCheckContext } from '../../shared/rounds/privateInputs.js';

export interface RegistryOptions {
  store: DocStore;
  /** The writer thread: commits and compactions of live rooms. */
  writer: DocWriter;
  idleUnloadMs: number;
  compactAfterRows: number;
  compactAfterBytes: number;
  maxStructsPerUpdate: number;
  maxDocBytes: number;
  log: (message: string, error?: unknown) => void;
  /** Called when a room has to be dropped (a failed commit); the owner closes its connections. */
  onRoomFailed: (room: Room) => void;
  /**
   * Everyone listed in a workshop, read from the store: who counts as present in a consensus ([K2])
   * and who a card may be by ([H1]). Read when the first room of the workshop loads; joins and
   * removals made through this process are added (personChanged).
   */
  loadPeople?: (workshopId: string) => Promise<readonly WorkshopPerson[]>;
  /** Called once per load, after the stored state is in (e.g. to watch a session document). */
  onRoomLoaded?: (room: Room) => void;
  /** The card text limit when a workshop sets none (PKL_CARD_TEXT_MAX, [H4]). */
  cardTextMax?: number;
  /** What a change of someone's private inputs is checked against ([Q2], ADR 0025). */
  privateCheck?: (workshopId: string, who: Principal) => PrivateCheckContext;
  /**
   * Read ahead what `privateCheck` needs of the store (the other private documents of the workshop),
   * awaited before a private room is served: the check itself runs synchronously inside the guard.
   */
  preparePrivate?: (workshopId: string) => Promise<void>;
  /**
   * In a cluster: whether this node holds the workshop's lease ([Z2]). A room of a workshop it does not
   * hold is never loaded here (a safety net: the callers take the lease first).
   */
  mayLoad?: (workshopId: string) => boolean;
  /**
   * Called once a room has left the registry, before its document is destroyed (its last state can
   * still be read; in a cluster the workshop's lease may then go, [Z2]).
   */
  onRoomDropped?: (room: Room) => void;
}

/** A workshop's people as the rooms check against them: the list, the participants by id and per partner. */
interface KnownPeople {
  list: readonly WorkshopPerson[];
  byId: Map<string, KnownPerson>;
  byPartner: Map<string, Set<string>>;
}

/** Loaded rooms by name; loads on first use, unloads after the last connection has been idle a while. */
export class RoomRegistry {
  readonly committer: Committer;
  private readonly rooms = new Map<string, Room>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  /** Rooms being read from the store: a second caller waits for the same load. */
  private readonly loading = new Map<string, Promise<Room>>();
  /** How often each workshop was dropped: a load that began before a drop does not come back to life. */
  private readonly drops = new Map<string, number>();
  /**
   * The people of each workshop with a room loaded or loading: the rooms check every update against
   * them synchronously, so they are read ahead (on load, and after every join or removal).
   */
  private readonly people = new Map<string, KnownPeople>();
  private readonly peopleReads = new Map<string, Promise<void>>();

  constructor(private readonly opts: RegistryOptions) {
    this.committer = new Committer(opts.writer);
  }

  get size(): number {
    return this.rooms.size;
  }

  has(name: string): boolean {
    return this.rooms.has(name);
  }

  /** Whether a room of the workshop is loaded or being loaded (a cluster keeps its lease then, [Z2]). */
  hasWorkshop(workshopId: string): boolean {
    for (const r of this.rooms.values()) if (r.workshopId === workshopId) return true;
    for (const name of this.loading.keys()) if (parseRoomName(name)?.workshop === workshopId) return true;
    return false;
  }

  /** Names of loaded rooms of a workshop holding documents of this kind (of every kind when absent). */
  loadedNames(workshopId: string, kind?: DocKind): string[] {
    return [...this.rooms.values()]
      .filter((r) => r.workshopId === workshopId && (!kind || r.docName.kind === kind))
      .map((r) => r.name);
  }

  /** The loaded room, without loading it. */
  peek(name: string): Room | undefined {
    return this.rooms.get(name);
  }

  /**
   * The room, loaded from the store when it is not in memory [P23]. Reading the store is
   * asynchronous (Postgres); callers that want a loaded room without loading use peek.
   */
  get(name: string): Promise<Room> {
    this.cancelUnload(name);
    const room = this.rooms.get(name);
    if (room) return Promise.resolve(room);
    let pending = this.loading.get(name);
    if (!pending) {
      pending = this.load(name).finally(() => this.loading.delete(name));
      this.loading.set(name, pending);
    }
    return pending;
  }

  private async load(name: string): Promise<Room> {
    const parsed = parseRoomName(name);
    if (!parsed) throw new Error(`invalid room name ${name}`);
    if (this.opts.mayLoad && !this.opts.mayLoad(parsed.workshop))
      throw new Error(`room ${name}: this node does not hold the workshop's lease`);
    const drops = this.drops.get(parsed.workshop) ?? 0;
    // Drafts too: the workshop's card text limit is a setting in the session ([H4]); private inputs
    // are checked against the session's rounds and the joint map's cards ([Q2]). Each is pinned as
    // soon as it is loaded, so it cannot unload while this room loads or lives.
    const kind = parsed.doc.kind;
    const pinned: Room[] = [];
    let session: Room | null = null;
    let stored: Awaited<ReturnType<DocStore['loadDoc']>>;
    let owners: Map<number, string>;
    try {
      if (kind === 'map' || kind === 'drafts' || kind === 'private') {
        session = await this.get(`${parsed.workshop}/session`);
        session.pins++;
        pinned.push(session);
      }
      if (kind === 'private') {
        const joint = await this.get(roomName(parsed.workshop, JOINT_MAP));
        joint.pins++;
        pinned.push(joint);
      }
      [stored, owners] = await Promise.all([
        this.opts.store.loadDoc(name),
        this.opts.store.loadClientOwners(name),
        this.readPeople(parsed.workshop),
        kind === 'private' ? this.opts.preparePrivate?.(parsed.workshop) : undefined,
      ]);
      if ((this.drops.get(parsed.workshop) ?? 0) !== drops) throw new Error(`workshop ${parsed.workshop} was deleted`);
    } catch (error) {
      for (const r of pinned) this.unpin(r);
      throw error;
    }
    const room = new Room({
      name,
      workshopId: parsed.workshop,
      docName: parsed.doc,
      stored,
      owners,
      writer: this.opts.writer,
      committer: this.committer,
      log: this.opts.log,
      compactAfterRows: this.opts.compactAfterRows,
      compactAfterBytes: this.opts.compactAfterBytes,
      maxStructsPerUpdate: this.opts.maxStructsPerUpdate,
      maxDocBytes: this.opts.maxDocBytes,
      workshopPeople: () => this.people.get(parsed.workshop)?.list ?? [],
      people: (id) => this.people.get(parsed.workshop)?.byId.get(id) ?? null,
      cardTextMax: this.opts.cardTextMax ?? CARD_TEXT_LIMIT_DEFAULT,
      privateCheck: this.opts.privateCheck && ((who) => this.opts.privateCheck!(parsed.workshop, who)),
      onFatal: (r, error) => {
        this.opts.log(`room ${r.name}: commit failed, unloading`, error);
        this.opts.onRoomFailed(r);
        this.drop(r);
      },
    });
    room.sessionRoom = session;
    room.pinnedRooms = pinned;
    this.rooms.set(name, room);
    this.opts.onRoomLoaded?.(room);
    return room;
  }

  /**
   * Read a workshop's people (once while a room of it is loaded: later changes made through this
   * process come as personChanged). Concurrent callers share the read.
   */
  private readPeople(workshopId: string): Promise<void> {
    const loadPeople = this.opts.loadPeople;
    if (!loadPeople || this.people.has(workshopId)) return Promise.resolve();
    let read = this.peopleReads.get(workshopId);
    if (!read) {
      read = loadPeople(workshopId)
        .then((list) => {
          if (!this.inUse(workshopId)) return;
          const known: KnownPeople = { list: [...list], byId: new Map(), byPartner: new Map() };
          this.people.set(workshopId, known);
          for (const p of list) this.index(known, p);
        })
        .finally(() => this.peopleReads.delete(workshopId));
      this.peopleReads.set(workshopId, read);
    }
    return read;
  }

  private index(known: KnownPeople, p: WorkshopPerson): void {
    const before = known.byId.get(p.id);
    if (before) known.byPartner.get(before.partner)?.delete(p.id);
    if (p.removed || p.access !== 'participant') {
      known.byId.delete(p.id);
      return;
    }
    known.byId.set(p.id, { id: p.id, name: p.name, partner: p.partner });
    let members = known.byPartner.get(p.partner);
    if (!members) known.byPartner.set(p.partner, (members = new Set()));
    members.add(p.id);
  }

  /**
   * Someone joined or was removed through this process (the store holds it already): the loaded
   * rooms check the next update against it. A read in flight is waited for, as it may predate it.
   */
  async personChanged(workshopId: string, person: WorkshopPerson | { id: string; removed: true }): Promise<void> {
    await this.peopleReads.get(workshopId)?.catch(() => {});
    const cached = this.people.get(workshopId);
    if (!cached) return;
    const list = cached.list as WorkshopPerson[];
    const at = list.findIndex((p) => p.id === person.id);
    const next = at >= 0 ? { ...list[at], ...person } : 'name' in person ? person : null;
    if (!next) return;
    if (at >= 0) list[at] = next;
    else list.push(next);
    this.index(cached, next);
  }

  private inUse(workshopId: string): boolean {
    const prefix = `${workshopId}/`;
    for (const name of [...this.rooms.keys(), ...this.loading.keys()]) if (name.startsWith(prefix)) return true;
    return false;
  }

  /** Call when a connection left; unloads the room once it has had no connections for idleUnloadMs. */
  releaseIfIdle(room: Room): void {
    if (room.connections.size > 0 || room.pins > 0 || room.destroyed) return;
    this.cancelUnload(room.name);
    const timer = setTimeout(() => this.tryUnload(room), this.opts.idleUnloadMs);
    timer.unref();
    this.idleTimers.set(room.name, timer);
  }

  private tryUnload(room: Room): void {
    this.idleTimers.delete(room.name);
    if (room.connections.size > 0 || room.pins > 0 || room.destroyed || this.rooms.get(room.name) !== room) return;
    if (room.hasPendingWrites) {
      // Never unload before the last write is committed; look again after it is.
      room.whenCommitted(() => this.tryUnload(room));
      return;
    }
    room.compactNow();
    this.drop(room);
  }

  private drop(room: Room): void {
    this.cancelUnload(room.name);
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    this.opts.onRoomDropped?.(room);
    room.destroy();
    if (!this.inUse(room.workshopId)) this.people.delete(room.workshopId);
    const pinned = room.pinnedRooms;
    room.sessionRoom = null;
    room.pinnedRooms = [];
    for (const r of pinned) this.unpin(r);
  }

  /**
   * Hand a workshop over ([Z3]): every accepted update of its rooms committed, each room snapshotted
   * and unloaded. The caller closed the connections first; the writer is drained by the caller.
   */
  async unloadWorkshop(workshopId: string): Promise<void> {
    await this.committer.drain();
    // Maps before their session: dropping a map unpins the session, which is dropped after it.
    const rooms = [...this.rooms.values()].filter((r) => r.workshopId === workshopId);
    rooms.sort((a, b) => Number(a.docName.kind === 'session') - Number(b.docName.kind === 'session'));
    for (const room of rooms) {
      if (this.rooms.get(room.name) !== room) continue;
      room.compactNow();
      this.drop(room);
    }
  }

  private unpin(room: Room): void {
    room.pins--;
    this.releaseIfIdle(room);
  }

  /**
   * Everyone listed in a workshop while a room of it is loaded (kept current by personChanged), or
   * null when none is: read synchronously by checks that run inside the guard.
   */
  peopleOf(workshopId: string): readonly WorkshopPerson[] | null {
    return this.people.get(workshopId)?.list ?? null;
  }

  /**
   * The participants (not removed) of `participantId`'s partner, that person included; empty when they
   * are not one. Indexed per partner, so a vote's bookkeeping never walks the whole workshop ([Q8]).
   */
  colleaguesOf(workshopId: string, participantId: string): { partner: string; ids: ReadonlySet<string> } | null {
    const known = this.people.get(workshopId);
    const partner = known?.byId.get(participantId)?.partner;
    return partner === undefined ? null : { partner, ids: known!.byPartner.get(partner) ?? new Set() };
  }

  /** Unload every room of a workshop without writing (used when the workshop is deleted). */
  dropWorkshop(workshopId: string): Room[] {
    this.drops.set(workshopId, (this.drops.get(workshopId) ?? 0) + 1);
    const dropped = [...this.rooms.values()].filter((r) => r.workshopId === workshopId);
    for (const r of dropped) this.drop(r);
    return dropped;
  }

  private cancelUnload(name: string): void {
    const t = this.idleTimers.get(name);
    if (t) clearTimeout(t);
    this.idleTimers.delete(name);
  }

  /** Shutdown: commit what is queued, snapshot every room, unload all, and wait until it is all on disk. */
  async closeAll(): Promise<void> {
    await Promise.allSettled(this.loading.values());
    await this.committer.drain();
    for (const room of [...this.rooms.values()]) {
      room.compactNow();
      this.drop(room);
    }
    await this.opts.writer.close();
  }
}
