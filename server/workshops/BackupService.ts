import * as Y from 'yjs';
import type { CreateWorkshopResponse } from '../../shared/api.js';
import { BACKUP_FORMAT, BACKUP_VERSION, toBase64, type BackupFile } from '../../shared/backup.js';
import { BACKED_UP_KINDS, formatDocName } from '../../shared/docName.js';
import { parseRoomName } from '../../shared/protocol.js';
import { readMap } from '../../shared/readModel.js';
import { HttpError } from '../http/respond.js';
import { type BackupBody, checkBackupOffThread } from './checkBackupOffThread.js';
import { newWorkshopId } from '../../shared/ids.js';
import type { Store } from '../store/Store.js';
import type { RoomRegistry } from '../sync/RoomRegistry.js';
import type { WorkshopService } from './WorkshopService.js';

/** Export a whole workshop as one JSON file, import it as a new workshop, delete one completely. */
export class BackupService {
  constructor(
    private readonly store: Store,
    private readonly registry: RoomRegistry,
    private readonly workshops: WorkshopService,
    private readonly closeWorkshopConnections: (workshopId: string) => void,
    /** Largest document or version accepted from a backup (PKL_MAX_DOC_BYTES). */
    private readonly maxDocBytes: number = 16 * 1024 * 1024,
  ) {}

  async stateOf(room: string): Promise<Uint8Array | null> {
    const live = this.registry.peek(room);
    if (live) return Y.encodeStateAsUpdate(live.doc);
    const stored = await this.store.loadDoc(room);
    const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates];
    return parts.length ? Y.mergeUpdates(parts) : null;
  }

  async export(workshopId: string): Promise<BackupFile> {
    const w = await this.store.getWorkshop(workshopId);
    if (!w) throw new HttpError(404, 'not_found', 'This workshop does not exist (any more).');
    const rooms = new Set<string>();
    for (const kind of BACKED_UP_KINDS) {
      for (const r of await this.store.roomsOf(workshopId, kind)) rooms.add(r);
      for (const r of this.registry.loadedNames(workshopId, kind)) rooms.add(r);
    }
    const documents: Record<string, string> = {};
    const readable: BackupFile['readable'] = {};
    for (const room of [...rooms].sort()) {
      const state = await this.stateOf(room);
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
    const versions: BackupFile['versions'] = [];
    for (const room of [...rooms].filter((r) => parseRoomName(r)?.doc.kind === 'map')) {
      for (const v of (await this.store.listVersions(room)).reverse()) {
        const full = (await this.store.getVersion(workshopId, v.id))!;
        versions.push({
          doc: v.doc,
          kind: v.kind,
          label: v.label,
          createdAt: v.createdAt,
          cardCount: v.cardCount,
          state: toBase64(full.state),
        });
      }
    }
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: Date.now(),
      workshop: { title: w.title, createdAt: w.createdAt, partners: w.partners, flow: w.flow },
      participants: (await this.store.participantsOf(workshopId)).map(({ id, name, partner, role, access }) => ({
        id,
        name,
        partner,
        role,
        access,
      })),
      documents,
      versions,
      readable,
    };
  }

  /**
   * Import a backup file (its bytes as they arrive, `body`) as a new workshop with new links; every document and version
   * comes along. Parsing and every check run in a worker (checkBackupOffThread), so a bad file leaves
   * nothing behind and a large one does not stall the server (T13). The worker makes the rows under a
   * new id that no workshop has yet and hands them to the store's writer itself: this thread sees
   * only the workshop's title, partners and counts, never the tens of megabytes ([T18]: receiving them
   * here made V8 collect garbage on the event loop for up to 66 ms).
   */
  async import(body: BackupBody): Promise<CreateWorkshopResponse> {
    const id = newWorkshopId();
    const checked = await checkBackupOffThread(body, this.maxDocBytes, id);
    try {
      const { title, partners, createdAt, flow } = checked.backup;
      return await this.workshops.createImported(id, title, partners, createdAt, flow, checked.rows);
    } finally {
      checked.stop();
    }
  }

  /** Delete every row and document of a workshop; its connections are closed first. */
  async delete(workshopId: string): Promise<void> {
    if (!(await this.store.getWorkshop(workshopId)))
      throw new HttpError(404, 'not_found', 'This workshop does not exist (any more).');
    this.closeWorkshopConnections(workshopId);
    this.registry.dropWorkshop(workshopId);
    // Let every write already on its way finish first, so no late commit or compaction writes rows
    // for a deleted workshop.
    await this.registry.committer.drain();
    await this.store.deleteWorkshop(workshopId);
  }
}
