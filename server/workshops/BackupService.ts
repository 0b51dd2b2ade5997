import * as Y from 'yjs';
import type { CreateWorkshopResponse } from '../../shared/api.js';
import { BACKUP_FORMAT, BACKUP_VERSION, toBase64, type BackupFile } from '../../shared/backup.js';
import { BACKED_UP_KINDS, formatDocName } from '../../shared/docName.js';
import { parseRoomName, roomName } from '../../shared/protocol.js';
import { readMap } from '../../shared/readModel.js';
import { HttpError } from '../http/respond.js';
import { checkBackupOffThread } from './checkBackupOffThread.js';
import { newWorkshopId } from '../../shared/ids.js';
import type { SqliteStore } from '../store/SqliteStore.js';
import type { RoomRegistry } from '../sync/RoomRegistry.js';
import type { WorkshopService } from './WorkshopService.js';

/** An import writes in transactions of at most this long or this large, then yields to the event loop. */
const SLICE_MS = 15;
const SLICE_BYTES = 1024 * 1024;

/** Export a whole workshop as one JSON file, import it as a new workshop, delete one completely. */
export class BackupService {
  constructor(
    private readonly store: SqliteStore,
    private readonly registry: RoomRegistry,
    private readonly workshops: WorkshopService,
    private readonly closeWorkshopConnections: (workshopId: string) => void,
    /** Largest document or version accepted from a backup (PKL_MAX_DOC_BYTES). */
    private readonly maxDocBytes: number = 16 * 1024 * 1024,
  ) {}

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
    for (const kind of BACKED_UP_KINDS) {
      for (const r of this.store.roomsOf(workshopId, kind)) rooms.add(r);
      for (const r of this.registry.loadedNames(workshopId, kind)) rooms.add(r);
    }
    const documents: Record<string, string> = {};
    const readable: BackupFile['readable'] = {};
    for (const room of [...rooms].sort()) {
      const state = this.stateOf(room);
      if (!state) continue;
      const parsed = parseRoomName(room);
      if (!parsed) continue;
      const doc = formatDocName(parsed.doc);
      documents[doc] = toBase64(state);
      if (parsed.doc.kind === 'map') {
        const ydoc = new Y.Doc();
        Y.applyUpdate(ydoc, state);
        readable[doc] = readMap(ydoc);
        ydoc.destroy();
      }
    }
    const versions = [...rooms]
      .filter((r) => parseRoomName(r)?.doc.kind === 'map')
      .flatMap((room) => this.store.listVersions(room).reverse())
      .map((v) => {
        const full = this.store.getVersion(workshopId, v.id)!;
        return {
          doc: v.doc,
          kind: v.kind,
          label: v.label,
          createdAt: v.createdAt,
          cardCount: v.cardCount,
          state: toBase64(full.state),
        };
      });
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: Date.now(),
      workshop: { title: w.title, createdAt: w.createdAt, partners: w.partners, flow: w.flow },
      participants: this.store
        .participantsOf(workshopId)
        .map(({ id, name, partner, role, access }) => ({ id, name, partner, role, access })),
      documents,
      versions,
      readable,
    };
  }

  /**
   * Import a backup file (its raw bytes) as a new workshop with new links; every document and version
   * comes along. Parsing and every check run in a worker (checkBackupOffThread); here only the writes
   * happen, so a bad file leaves nothing behind and a large one does not stall the server (T13).
   */
  async import(bytes: Uint8Array): Promise<CreateWorkshopResponse> {
    const { title, partners, createdAt, flow, participants, docs, versions } = await checkBackupOffThread(
      bytes,
      this.maxDocBytes,
    );
    // Everything is valid. The documents and versions (nearly all of the bytes) are written first, in
    // small slices (SLICE_MS, SLICE_BYTES) that yield to the event loop, under a new id that no workshop has yet:
    // nothing can reach them. Then one small transaction creates the workshop and its people, and only
    // from then on does it exist. A failure removes what was written; after a kill -9 halfway, the
    // store drops documents of no workshop when it opens (no orphan either way, T13).
    const id = newWorkshopId();
    // Each write returns its size: a slice also ends after ~1 MiB, as its commit writes it all at once.
    const writes: (() => number)[] = [
      ...docs.map(([doc, state]) => () => {
        this.store.compact(roomName(id, doc), id, state);
        return state.byteLength;
      }),
      ...versions.map((v) => () => {
        this.store.saveVersion({
          room: roomName(id, v.doc),
          workshopId: id,
          kind: v.kind,
          label: v.label,
          cardCount: v.cardCount,
          state: v.stateBytes,
          createdAt: v.createdAt,
        });
        return v.stateBytes.byteLength;
      }),
    ];
    let created: CreateWorkshopResponse | null = null;
    try {
      for (let next = 0; next < writes.length; ) {
        const start = performance.now();
        let bytes = 0;
        this.store.db.transaction(() => {
          while (next < writes.length && bytes < SLICE_BYTES && performance.now() - start < SLICE_MS)
            bytes += writes[next++]();
        })();
        await new Promise((r) => setImmediate(r));
      }
      this.store.db.transaction(() => {
        created = this.workshops.createImported(id, title, partners, createdAt, flow);
        for (const p of participants) this.store.addImportedParticipant({ ...p, workshopId: id });
      })();
    } catch (error) {
      this.store.deleteWorkshop(id);
      throw error;
    }
    return created!;
  }

  /** Delete every row and document of a workshop; its connections are closed first. */
  async delete(workshopId: string): Promise<void> {
    if (!this.store.getWorkshop(workshopId))
      throw new HttpError(404, 'not_found', 'This workshop does not exist (any more).');
    this.closeWorkshopConnections(workshopId);
    this.registry.dropWorkshop(workshopId);
    // Let every write already on its way finish first, so no late commit or compaction writes rows
    // for a deleted workshop.
    await this.registry.committer.drain();
    this.store.deleteWorkshop(workshopId);
  }
}
