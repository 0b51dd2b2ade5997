import * as Y from 'yjs';
import type { RestoreResponse, VersionInfo } from '../../shared/api.js';
import { getCards } from '../../shared/cardSchema.js';
import type { ColumnId } from '../../shared/columns.js';
import { revealDrafts, type RevealPolicy } from '../../shared/drafts.js';
import { canWriteDoc, type Principal } from '../../shared/permissions.js';
import { readSession, writableColumns } from '../../shared/session.js';
import { SERVER } from '../../shared/origins.js';
import { draftsDoc, formatDocName, JOINT_MAP_DOC, parseDocName, type MapDocName } from '../../shared/docName.js';
import type { ParticipantId } from '../../shared/ids.js';
import { roomName } from '../../shared/protocol.js';
import { readMap, type MapSnapshot } from '../../shared/readModel.js';
import { restoreCards } from '../../shared/restore.js';
import { carryMandates } from '../../shared/signoff.js';
import { HttpError } from '../http/respond.js';
import type { DocStore, ParticipantRecord, VersionStore, WorkshopRecord, WorkshopStore } from '../store/Store.js';
import type { Room } from '../sync/Room.js';
import type { RoomRegistry } from '../sync/RoomRegistry.js';

/** Versions of map documents and the reveal of private drafts: server actions on whole documents. */
export class VersionService {
  constructor(
    private readonly store: DocStore & VersionStore & WorkshopStore,
    private readonly registry: RoomRegistry,
  ) {}

  /** Current state of a room: from memory when loaded, otherwise from SQLite. Null when it has none. */
  private async currentState(room: string): Promise<Uint8Array | null> {
    const live = this.registry.peek(room);
    if (live) return Y.encodeStateAsUpdate(live.doc);
    const stored = await this.store.loadDoc(room);
    const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates];
    return parts.length ? Y.mergeUpdates(parts) : null;
  }

  private async validMap(workshopId: string, doc: string | MapDocName): Promise<MapDocName> {
    const parsed = typeof doc === 'string' ? parseDocName(doc) : doc;
    if (parsed?.kind !== 'map') throw new HttpError(400, 'invalid', 'Name a map document, e.g. map:joint.');
    const w = await this.store.getWorkshop(workshopId);
    if (parsed.map !== 'joint' && !w?.partners.some((p) => p.id === parsed.map))
      throw new HttpError(404, 'not_found', 'There is no such map.');
    return parsed;
  }

  async save(workshopId: string, doc: string, kind: VersionInfo['kind'], label: string): Promise<VersionInfo | null> {
    const room = roomName(workshopId as never, await this.validMap(workshopId, doc));
    const state = await this.currentState(room);
    if (!state) return null;
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, state);
    const cardCount = getCards(ydoc).size;
    ydoc.destroy();
    return this.store.saveVersion({ room, workshopId, kind, label: label.slice(0, 80), cardCount, state });
  }

  /** A manual save always stores a version, also of an empty map. */
  async saveManual(workshopId: string, doc: string, label: string): Promise<VersionInfo> {
    const saved = await this.save(workshopId, doc, 'manual', label);
    if (saved) return saved;
    const room = roomName(workshopId as never, await this.validMap(workshopId, doc));
    return this.store.saveVersion({
      room,
      workshopId,
      kind: 'manual',
      label,
      cardCount: 0,
      state: Y.encodeStateAsUpdate(new Y.Doc()),
    });
  }

  async list(workshopId: string, doc: string): Promise<VersionInfo[]> {
    return this.store.listVersions(roomName(workshopId as never, await this.validMap(workshopId, doc)));
  }

  async get(workshopId: string, versionId: number): Promise<{ version: VersionInfo; map: MapSnapshot }> {
    const v = await this.store.getVersion(workshopId, versionId);
    if (!v) throw new HttpError(404, 'not_found', 'There is no such version.');
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, v.state);
    const map = readMap(ydoc);
    ydoc.destroy();
    return { version: v.info, map };
  }

  /** Save the current state first, then make the live map equal to the version, as a new change. */
  async restore(workshopId: string, versionId: number): Promise<RestoreResponse> {
    const v = await this.store.getVersion(workshopId, versionId);
    if (!v) throw new HttpError(404, 'not_found', 'There is no such version.');
    const backup =
      (await this.save(workshopId, v.info.doc, 'before-restore', String(versionId))) ??
      (await this.saveManual(workshopId, v.info.doc, String(versionId)));
    const room = await this.registry.get(v.room);
    const source = new Y.Doc();
    Y.applyUpdate(source, v.state);
    try {
      restoreCards(room.doc, source, SERVER);
    } finally {
      source.destroy();
      this.registry.releaseIfIdle(room);
    }
    return { backup: { ...backup, kind: 'before-restore' } };
  }

  /** At a step change: one version of every map of the workshop that has content. */
  async saveStepVersions(workshopId: string, active: ColumnId[]): Promise<void> {
    const maps = new Set([
      ...(await this.store.roomsOf(workshopId, 'map')),
      ...this.registry.loadedNames(workshopId, 'map'),
    ]);
    for (const room of maps) await this.save(workshopId, room.slice(room.indexOf('/') + 1), 'step', active.join(','));
  }

  /** A meeting of the trajectory began: a version of every map, labelled with its number and goal [J2]. */
  async saveMeetingVersions(workshopId: string, label: string): Promise<void> {
    const maps = new Set([
      ...(await this.store.roomsOf(workshopId, 'map')),
      ...this.registry.loadedNames(workshopId, 'map'),
    ]);
    for (const room of maps) await this.save(workshopId, room.slice(room.indexOf('/') + 1), 'meeting', label);
  }

  /**
   * [N4] The mixed stage of partners first opened: the mandates stated in the partner maps join the
   * joint map (newer wins, `carryMandates`), written as the server. Reads the partner maps as they are
   * (loaded or stored), the way the step versions do. Returns how many were carried.
   */
  async carryMandates(workshopId: string): Promise<number> {
    const sessionRoom = await this.registry.get(roomName(workshopId, 'session'));
    const stage = readSession(sessionRoom.doc).stage;
    this.registry.releaseIfIdle(sessionRoom);
    if (stage !== 'heterogeneous') return 0;
    const maps = new Set([
      ...(await this.store.roomsOf(workshopId, 'map')),
      ...this.registry.loadedNames(workshopId, 'map'),
    ]);
    const joint = await this.registry.get(roomName(workshopId as never, JOINT_MAP_DOC));
    // Kept loaded while the partner maps are read (the store may be a network away).
    joint.pins++;
    let carried = 0;
    try {
      for (const name of maps) {
        const parsed = parseDocName(name.slice(name.indexOf('/') + 1));
        if (parsed?.kind !== 'map' || parsed.map === 'joint') continue;
        const state = await this.currentState(name);
        if (!state || joint.destroyed) continue;
        const ydoc = new Y.Doc();
        Y.applyUpdate(ydoc, state);
        carried += carryMandates(ydoc, joint.doc, SERVER);
        ydoc.destroy();
      }
    } finally {
      joint.pins--;
      this.registry.releaseIfIdle(joint);
    }
    return carried;
  }

  /**
   * [H6] How many private drafts each person has waiting, by participant id: counts only, so the
   * facilitator sees them whether or not the workshop lets them read the drafts themselves.
   */
  async draftCounts(workshopId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const p of await this.store.participantsOf(workshopId)) {
      if (p.access !== 'participant' || p.revoked) continue;
      const state = await this.currentState(roomName(workshopId as never, draftsDoc(p.id as ParticipantId)));
      if (!state) {
        counts[p.id] = 0;
        continue;
      }
      const ydoc = new Y.Doc();
      Y.applyUpdate(ydoc, state);
      counts[p.id] = getCards(ydoc).size;
      ydoc.destroy();
    }
    return counts;
  }

  async revealAll(workshopId: string): Promise<number> {
    const drafts = new Set([
      ...(await this.store.roomsOf(workshopId, 'drafts')),
      ...this.registry.loadedNames(workshopId, 'drafts'),
    ]);
    const workshop = await this.store.getWorkshop(workshopId);
    if (!workshop) return 0;
    // Everything is read first (people, rooms): the moves below then run in one go, with no other
    // change in between.
    const people = new Map((await this.store.participantsOf(workshopId)).map((p) => [p.id, p]));
    const touched = new Set<Room>();
    try {
      const sessionRoom = await this.registry.get(roomName(workshopId, 'session'));
      touched.add(sessionRoom);
      const draftRooms: { room: Room; person: ParticipantRecord }[] = [];
      for (const name of drafts) {
        const owner = parseDocName(name.slice(name.indexOf('/') + 1));
        const person = owner?.kind === 'drafts' ? people.get(owner.participant) : undefined;
        // Drafts of someone unknown or removed are not revealed: there is nobody they could be by.
        if (!person || person.revoked) continue;
        const room = await this.registry.get(name);
        touched.add(room);
        draftRooms.push({ room, person });
      }
      const maps = new Map<string, Room>();
      for (const map of workshopMaps(workshop)) {
        const room = await this.registry.get(roomName(workshopId as never, map));
        touched.add(room);
        maps.set(formatDocName(map), room);
      }
      const session = readSession(sessionRoom.doc);
      let moved = 0;
      for (const { room, person } of draftRooms) {
        const principal: Principal = { access: person.access, participantId: person.id, partner: person.partner };
        const ctx = { flow: workshop.flow, stage: session.stage };
        const policy: RevealPolicy = {
          author: { id: person.id, name: person.name, partner: person.partner },
          mayPlace: (target, column) =>
            canWriteDoc(principal, target, ctx) && writableColumns(session, principal).has(column),
        };
        moved += revealDrafts(room.doc, (target) => maps.get(formatDocName(target))?.doc ?? null, SERVER, policy);
      }
      return moved;
    } finally {
      for (const r of touched) this.registry.releaseIfIdle(r);
    }
  }
}

/** Every map of a workshop: the joint map and each partner's. */
function workshopMaps(w: WorkshopRecord): MapDocName[] {
  return [{ kind: 'map', map: 'joint' }, ...w.partners.map((p): MapDocName => ({ kind: 'map', map: p.id }))];
}
