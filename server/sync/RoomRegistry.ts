import type { WorkshopPerson } from '../../shared/agreement.js';
import type { DocKind } from '../../shared/docName.js';
import { parseRoomName } from '../../shared/protocol.js';
import type { PeopleLookup } from '../../shared/authorship.js';
import { CARD_TEXT_LIMIT_DEFAULT } from '../../shared/cardLength.js';
import type { DocStore, DocWriter } from '../store/Store.js';
import { Committer } from './Committer.js';
import { Room } from './Room.js';

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
  /** Everyone listed in a workshop (for who counts as present in a consensus, [K2]). */
  workshopPeople?: (workshopId: string) => readonly WorkshopPerson[];
  /** Called once per load, after the stored state is in (e.g. to watch a session document). */
  onRoomLoaded?: (room: Room) => void;
  /** The known people of a workshop, for authorship ([H1]); nobody when absent. */
  people?: (workshopId: string) => PeopleLookup;
  /** The card text limit when a workshop sets none (PKL_CARD_TEXT_MAX, [H4]). */
  cardTextMax?: number;
  /**
   * In a cluster: whether this node holds the workshop's lease ([Z2]). A room of a workshop it does not
   * hold is never loaded here (a safety net: the callers take the lease first).
   */
  mayLoad?: (workshopId: string) => boolean;
  /** Called after a room left memory (in a cluster the workshop's lease may then go, [Z2]). */
  onRoomDropped?: (room: Room) => void;
}

/** Loaded rooms by name; loads on first use, unloads after the last connection has been idle a while. */
export class RoomRegistry {
  readonly committer: Committer;
  private readonly rooms = new Map<string, Room>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly opts: RegistryOptions) {
    this.committer = new Committer(opts.writer);
  }

  get size(): number {
    return this.rooms.size;
  }

  has(name: string): boolean {
    return this.rooms.has(name);
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

  get(name: string): Room {
    this.cancelUnload(name);
    let room = this.rooms.get(name);
    if (room) return room;
    const parsed = parseRoomName(name);
    if (!parsed) throw new Error(`invalid room name ${name}`);
    if (this.opts.mayLoad && !this.opts.mayLoad(parsed.workshop))
      throw new Error(`room ${name}: this node does not hold the workshop's lease`);
    room = new Room({
      name,
      workshopId: parsed.workshop,
      docName: parsed.doc,
      store: this.opts.store,
      writer: this.opts.writer,
      committer: this.committer,
      log: this.opts.log,
      compactAfterRows: this.opts.compactAfterRows,
      compactAfterBytes: this.opts.compactAfterBytes,
      maxStructsPerUpdate: this.opts.maxStructsPerUpdate,
      maxDocBytes: this.opts.maxDocBytes,
      workshopPeople: () => this.opts.workshopPeople?.(parsed.workshop) ?? [],
      people: this.opts.people?.(parsed.workshop) ?? (() => null),
      cardTextMax: this.opts.cardTextMax ?? CARD_TEXT_LIMIT_DEFAULT,
      onFatal: (r, error) => {
        this.opts.log(`room ${r.name}: commit failed, unloading`, error);
        this.opts.onRoomFailed(r);
        this.drop(r);
      },
    });
    this.rooms.set(name, room);
    this.opts.onRoomLoaded?.(room);
    // Drafts too: the workshop's card text limit is a setting in the session ([H4]).
    if (parsed.doc.kind === 'map' || parsed.doc.kind === 'drafts') {
      const session = this.get(`${parsed.workshop}/session`);
      session.pins++;
      room.sessionRoom = session;
    }
    return room;
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
    room.destroy();
    const session = room.sessionRoom;
    if (session) {
      room.sessionRoom = null;
      session.pins--;
      this.releaseIfIdle(session);
    }
    this.opts.onRoomDropped?.(room);
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

  /** Unload every room of a workshop without writing (used when the workshop is deleted). */
  dropWorkshop(workshopId: string): Room[] {
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
    await this.committer.drain();
    for (const room of [...this.rooms.values()]) {
      room.compactNow();
      this.drop(room);
    }
    await this.opts.writer.close();
  }
}
