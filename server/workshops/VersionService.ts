import * as Y from 'yjs';
import type { RestoreResponse, VersionInfo } from '../../shared/api.js';
import { getCards } from '../../shared/cardSchema.js';
import type { ColumnId } from '../../shared/columns.js';
import { revealDrafts, type RevealPolicy } from '../../shared/drafts.js';
import { canWriteDoc, type Principal } from '../../shared/permissions.js';
import { readSession, writableColumns } from '../../shared/session.js';
import { SERVER } from '../../shared/origins.js';
import { draftsDoc, JOINT_MAP_DOC, parseDocName, type MapDocName } from '../../shared/docName.js';
import type { ParticipantId } from '../../shared/ids.js';
import { roomName } from '../../shared/protocol.js';
import { readMap, type MapSnapshot } from '../../shared/readModel.js';
import { restoreCards } from '../../shared/restore.js';
import { carryMandates } from '../../shared/signoff.js';
import { HttpError } from '../http/respond.js';
import type { DocStore, VersionStore, WorkshopStore } from '../store/Store.js';
import type { Room } from '../sync/Room.js';
import type { RoomRegistry } from '../sync/RoomRegistry.js';

/** Versions of map documents and the reveal of private drafts: server actions on whole documents. */
export class VersionService {
  constructor(
    private readonly store: DocStore & VersionStore & WorkshopStore,
    private readonly registry: RoomRegistry,
  ) {}

  /** Current state of a room: from memory when loaded, otherwise from SQLite. Null when it has none. */
  private currentState(room: string): Uint8Array | null {
    const live = this.registry.peek(room);
    if (live) return Y.encodeStateAsUpdate(live.doc);
    const stored = this.store.loadDoc(room);
    const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates];
    return parts.length ? Y.mergeUpdates(parts) : null;
  }

  private validMap(workshopId: string, doc: string | MapDocName): MapDocName {
    const parsed = typeof doc === 'string' ? parseDocName(doc) : doc;
    if (parsed?.kind !== 'map') throw new HttpError(400, 'invalid', 'Name a map document, e.g. map:joint.');
    const w = this.store.getWorkshop(workshopId);
    if (parsed.map !== 'joint' && !w?.partners.some((p) => p.id === parsed.map))
      throw new HttpError(404, 'not_found', 'There is no such map.');
    return parsed;
  }

  save(workshopId: string, doc: string, kind: VersionInfo['kind'], label: string): VersionInfo | null {
    const room = roomName(workshopId as never, this.validMap(workshopId, doc));
    const state = this.currentState(room);
    if (!state) return null;
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, state);
    const cardCount = getCards(ydoc).size;
    ydoc.destroy();
    return this.store.saveVersion({ room, workshopId, kind, label: label.slice(0, 80), cardCount, state });
  }

  /** A manual save always stores a version, also of an empty map. */
  saveManual(workshopId: string, doc: string, label: string): VersionInfo {
    const saved = this.save(workshopId, doc, 'manual', label);
    if (saved) return saved;
    const room = roomName(workshopId as never, this.validMap(workshopId, doc));
    return this.store.saveVersion({
      room,
      workshopId,
      kind: 'manual',
      label,
      cardCount: 0,
      state: Y.encodeStateAsUpdate(new Y.Doc()),
    });
  }

  list(workshopId: string, doc: string): VersionInfo[] {
    return this.store.listVersions(roomName(workshopId as never, this.validMap(workshopId, doc)));
  }

  get(workshopId: string, versionId: number): { version: VersionInfo; map: MapSnapshot } {
    const v = this.store.getVersion(workshopId, versionId);
    if (!v) throw new HttpError(404, 'not_found', 'There is no such version.');
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, v.state);
    const map = readMap(ydoc);
    ydoc.destroy();
    return { version: v.info, map };
  }

  /** Save the current state first, then make the live map equal to the version, as a new change. */
  restore(workshopId: string, versionId: number): RestoreResponse {
    const v = this.store.getVersion(workshopId, versionId);
    if (!v) throw new HttpError(404, 'not_found', 'There is no such version.');
    const backup =
      this.save(workshopId, v.info.doc, 'before-restore', String(versionId)) ??
      this.saveManual(workshopId, v.info.doc, String(versionId));
    const source = new Y.Doc();
    Y.applyUpdate(source, v.state);
    const room = this.registry.get(v.room);
    try {
      restoreCards(room.doc, source, SERVER);
    } finally {
      source.destroy();
      this.registry.releaseIfIdle(room);
    }
    return { backup: { ...backup, kind: 'before-restore' } };
  }

  /** At a step change: one version of every map of the workshop that has content. */
  saveStepVersions(workshopId: string, active: ColumnId[]): void {
    const maps = new Set([...this.store.roomsOf(workshopId, 'map'), ...this.registry.loadedNames(workshopId, 'map')]);
    for (const room of maps) this.save(workshopId, room.slice(room.indexOf('/') + 1), 'step', active.join(','));
  }

  /** A meeting of the trajectory began: a version of every map, labelled with its number and goal [J2]. */
  saveMeetingVersions(workshopId: string, label: string): void {
    const maps = new Set([...this.store.roomsOf(workshopId, 'map'), ...this.registry.loadedNames(workshopId, 'map')]);
    for (const room of maps) this.save(workshopId, room.slice(room.indexOf('/') + 1), 'meeting', label);
  }

  /**
   * [N4] The mixed stage of partners first opened: the mandates stated in the partner maps join the
   * joint map (newer wins, `carryMandates`), written as the server. Reads the partner maps as they are
   * (loaded or stored), the way the step versions do. Returns how many were carried.
   */
  carryMandates(workshopId: string): number {
    const sessionRoom = this.registry.get(roomName(workshopId, 'session'));
    const stage = readSession(sessionRoom.doc).stage;
    this.registry.releaseIfIdle(sessionRoom);
    if (stage !== 'heterogeneous') return 0;
    const maps = new Set([...this.store.roomsOf(workshopId, 'map'), ...this.registry.loadedNames(workshopId, 'map')]);
    const joint = this.registry.get(roomName(workshopId as never, JOINT_MAP_DOC));
    let carried = 0;
    for (const name of maps) {
      const parsed = parseDocName(name.slice(name.indexOf('/') + 1));
      if (parsed?.kind !== 'map' || parsed.map === 'joint') continue;
      const state = this.currentState(name);
      if (!state) continue;
      const ydoc = new Y.Doc();
      Y.applyUpdate(ydoc, state);
      carried += carryMandates(ydoc, joint.doc, SERVER);
      ydoc.destroy();
    }
    this.registry.releaseIfIdle(joint);
    return carried;
  }

  /**
   * [H6] How many private drafts each person has waiting, by participant id: counts only, so the
   * facilitator sees them whether or not the workshop lets them read the drafts themselves.
   */
  draftCounts(workshopId: string): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const p of this.store.participantsOf(workshopId)) {
      if (p.access !== 'participant' || p.revoked) continue;
      const state = this.currentState(roomName(workshopId as never, draftsDoc(p.id as ParticipantId)));
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

  revealAll(workshopId: string): number {
    const drafts = new Set([
      ...this.store.roomsOf(workshopId, 'drafts'),
      ...this.registry.loadedNames(workshopId, 'drafts'),
    ]);
    const touched = new Set<Room>();
    let moved = 0;
    const workshop = this.store.getWorkshop(workshopId);
    if (!workshop) return 0;
    const sessionRoom = this.registry.get(roomName(workshopId, 'session'));
    const session = readSession(sessionRoom.doc);
    touched.add(sessionRoom);
    for (const name of drafts) {
      const owner = parseDocName(name.slice(name.indexOf('/') + 1));
      const person = owner?.kind === 'drafts' ? this.store.getParticipant(workshopId, owner.participant) : null;
      // Drafts of someone unknown or removed are not revealed: there is nobody they could be by.
      if (!person || person.revoked) continue;
      const principal: Principal = { access: person.access, participantId: person.id, partner: person.partner };
      const ctx = { flow: workshop.flow, stage: session.stage };
      const policy: RevealPolicy = {
        author: { id: person.id, name: person.name, partner: person.partner },
        mayPlace: (target, column) =>
          canWriteDoc(principal, target, ctx) && writableColumns(session, principal).has(column),
      };
      const draftRoom = this.registry.get(name);
      touched.add(draftRoom);
      moved += revealDrafts(
        draftRoom.doc,
        (target) => {
          try {
            const mapRoom = this.registry.get(roomName(workshopId as never, this.validMap(workshopId, target)));
            touched.add(mapRoom);
            return mapRoom.doc;
          } catch {
            return null;
          }
        },
        SERVER,
        policy,
      );
    }
    for (const r of touched) this.registry.releaseIfIdle(r);
    return moved;
  }
}
