import * as Y from 'yjs';
import type { CreateWorkshopResponse } from '../../shared/api.js';
import { BACKUP_FORMAT, BACKUP_VERSION, fromBase64, toBase64, type BackupFile } from '../../shared/backup.js';
import { newParticipantId } from '../../shared/ids.js';
import { isFlow } from '../../shared/permissions.js';
import { parseRoomName, roomName, type DocName } from '../../shared/protocol.js';
import { readMap } from '../../shared/readModel.js';
import { isParticipantRole } from '../../shared/roles.js';
import { validateNewWorkshop } from '../../shared/validation.js';
import { HttpError } from '../http/respond.js';
import type { SqliteStore } from '../store/SqliteStore.js';
import type { RoomRegistry } from '../sync/RoomRegistry.js';
import type { WorkshopService } from './WorkshopService.js';

const DOC_PREFIXES = ['workshop', 'session', 'map:', 'drafts:'];

/** Export a whole workshop as one JSON file, import it as a new workshop, delete one completely. */
export class BackupService {
  constructor(
    private readonly store: SqliteStore,
    private readonly registry: RoomRegistry,
    private readonly workshops: WorkshopService,
    private readonly closeWorkshopConnections: (workshopId: string) => void,
  ) {}

  /** The whole state of one room: from memory when it is loaded, else from SQLite (exports read it too). */
  stateOf(room: string): Uint8Array | null {
    const live = this.registry.peek(room);
    if (live) return Y.encodeStateAsUpdate(live.doc);
    const stored = this.store.loadDoc(room);
    const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates];
    return parts.length ? Y.mergeUpdates(parts) : null;
  }

  export(workshopId: string): BackupFile {
    const w = this.store.getWorkshop(workshopId);
    if (!w) throw new HttpError(404, 'not_found', 'This workshop does not exist (any more).');
    const rooms = new Set<string>();
    for (const prefix of DOC_PREFIXES) {
      for (const r of this.store.roomsOf(workshopId, prefix)) rooms.add(r);
      for (const r of this.registry.loadedNames(workshopId, prefix)) rooms.add(r);
    }
    const documents: Record<string, string> = {};
    const readable: BackupFile['readable'] = {};
    for (const room of [...rooms].sort()) {
      const state = this.stateOf(room);
      if (!state) continue;
      const doc = room.slice(room.indexOf('/') + 1);
      documents[doc] = toBase64(state);
      if (doc.startsWith('map:')) {
        const ydoc = new Y.Doc();
        Y.applyUpdate(ydoc, state);
        readable[doc] = readMap(ydoc);
        ydoc.destroy();
      }
    }
    const versions = [...rooms]
      .filter((r) => r.includes('/map:'))
      .flatMap((room) => this.store.listVersions(room).reverse())
      .map((v) => {
        const full = this.store.getVersion(workshopId, v.id)!;
        return { doc: v.doc, kind: v.kind, label: v.label, createdAt: v.createdAt, cardCount: v.cardCount, state: toBase64(full.state) };
      });
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: Date.now(),
      workshop: { title: w.title, createdAt: w.createdAt, partners: w.partners, flow: w.flow },
      participants: this.store.participantsOf(workshopId).map(({ id, name, partner, role, access }) => ({ id, name, partner, role, access })),
      documents,
      versions,
      readable,
    };
  }

  /** Import as a new workshop with new links; every document and version comes along. */
  import(body: unknown): CreateWorkshopResponse {
    const file = body as Partial<BackupFile> | null;
    if (!file || file.format !== BACKUP_FORMAT || file.version !== BACKUP_VERSION) {
      throw new HttpError(400, 'invalid', 'This is not a Partnerschapskaart Live backup file.');
    }
    const partners = Array.isArray(file.workshop?.partners) ? file.workshop.partners : [];
    const valid = validateNewWorkshop({ title: file.workshop?.title, partners: partners.map((p) => p?.name) });
    if (!valid.ok) throw new HttpError(400, 'invalid', 'The backup has no valid title or partners.', valid.errors);
    // Decode everything before writing anything: a broken file changes nothing.
    const docs: [DocName, Uint8Array][] = [];
    for (const [doc, data] of Object.entries(file.documents ?? {})) {
      const parsed = parseRoomName(`${'a'.repeat(26)}/${doc}`);
      if (!parsed || typeof data !== 'string') throw new HttpError(400, 'invalid', `The backup has an invalid document "${doc}".`);
      const state = fromBase64(data);
      try {
        Y.decodeUpdate(state);
      } catch {
        throw new HttpError(400, 'invalid', `The document "${doc}" in the backup is damaged.`);
      }
      docs.push([parsed.doc, state]);
    }
    const versions = (file.versions ?? []).map((v) => {
      if (!v || typeof v.doc !== 'string' || !v.doc.startsWith('map:') || typeof v.state !== 'string') {
        throw new HttpError(400, 'invalid', 'The backup has an invalid version.');
      }
      const state = fromBase64(v.state);
      Y.decodeUpdate(state);
      return { ...v, stateBytes: state };
    });
    const created = this.workshops.createImported(
      file.workshop!.title,
      partners.map((p) => ({ id: p.id, name: p.name, color: p.color })),
      file.workshop!.createdAt,
      isFlow(file.workshop!.flow) ? file.workshop!.flow : 'joint',
    );
    const id = created.id;
    this.store.db.transaction(() => {
      for (const [doc, state] of docs) this.store.compact(roomName(id, doc), id, state);
      for (const v of versions) {
        this.store.saveVersion({
          room: roomName(id, v.doc as DocName),
          workshopId: id,
          kind: v.kind,
          label: String(v.label ?? ''),
          cardCount: Number(v.cardCount) || 0,
          state: v.stateBytes,
          createdAt: Number(v.createdAt) || Date.now(),
        });
      }
      for (const p of file.participants ?? []) {
        if (p?.access !== 'participant' || !isParticipantRole(p.role)) continue;
        this.store.addImportedParticipant({ id: String(p.id) || newParticipantId(), workshopId: id, name: String(p.name), partner: String(p.partner), role: p.role });
      }
    })();
    return created;
  }

  /** Delete every row and document of a workshop; its connections are closed first. */
  delete(workshopId: string): void {
    if (!this.store.getWorkshop(workshopId)) throw new HttpError(404, 'not_found', 'This workshop does not exist (any more).');
    this.closeWorkshopConnections(workshopId);
    // Commit what is queued first, so no late commit writes rows for a deleted workshop.
    this.registry.committer.flush();
    this.registry.dropWorkshop(workshopId);
    this.store.deleteWorkshop(workshopId);
  }
}
