import * as Y from 'yjs';
import type { CreateWorkshopResponse } from '../../shared/api.js';
import { BACKUP_FORMAT, BACKUP_VERSION, toBase64, type BackupFile } from '../../shared/backup.js';
import { isFlow } from '../../shared/permissions.js';
import { checkCards } from '../../shared/card/validate.js';
import { getCards } from '../../shared/cardSchema.js';
import { DOC_KINDS, formatDocName, holdsCards, parseDocName, type DocName } from '../../shared/docName.js';
import { unknownRoots } from '../../shared/docSchema.js';
import { parseRoomName, roomName } from '../../shared/protocol.js';
import { readMap } from '../../shared/readModel.js';
import { isParticipantRole } from '../../shared/roles.js';
import { validateNewWorkshop } from '../../shared/validation.js';
import { stripUnsafeText } from '../../shared/cleanText.js';
import { NAME_MAX } from '../../shared/card/fields.js';
import { HttpError } from '../http/respond.js';
import type { SqliteStore } from '../store/SqliteStore.js';
import type { RoomRegistry } from '../sync/RoomRegistry.js';
import type { WorkshopService } from './WorkshopService.js';

/** Bounds of an import (T13): far above any real workshop, far below what stalls the server. */
export const IMPORT_LIMITS = { documents: 2_100, versions: 5_000, participants: 2_000 } as const;
const PARTICIPANT_ID = /^[a-z0-9]{1,40}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const VERSION_KINDS: readonly unknown[] = ['step', 'manual', 'before-restore'];

/**
 * Whether a stored document fits this version: it decodes, holds only the roots its kind may hold
 * (docSchema.ts) and, for maps and drafts, only cards that are valid by the card table. Returns null
 * when it fits, 'damaged' when it does not decode, otherwise what is wrong.
 */
function checkDocumentState(name: DocName, state: Uint8Array): string | null {
  const doc = new Y.Doc();
  try {
    try {
      Y.decodeUpdate(state);
      Y.applyUpdate(doc, state);
    } catch {
      return 'damaged';
    }
    const roots = unknownRoots(doc, name.kind);
    if (roots.length) return `unknown parts ${roots.join(', ')}`;
    if (!holdsCards(name)) return null;
    const problems = checkCards(getCards(doc) as Y.Map<unknown>, name.kind);
    return problems.length
      ? `cards with invalid fields (${[...new Set(problems.map((p) => p.field || 'card'))].join(', ')})`
      : null;
  } finally {
    doc.destroy();
  }
}

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
    for (const kind of DOC_KINDS) {
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
   * Import as a new workshop with new links; every document and version comes along. Everything is
   * checked on the raw values and decoded before anything is written, in slices that yield to the
   * event loop; then one transaction writes it all, so a bad file leaves nothing behind (T13).
   */
  async import(body: unknown): Promise<CreateWorkshopResponse> {
    const bad = (message: string): never => {
      throw new HttpError(400, 'invalid', message);
    };
    const file = body as Partial<BackupFile> | null;
    if (!file || typeof file !== 'object' || file.format !== BACKUP_FORMAT || file.version !== BACKUP_VERSION) {
      bad('This is not a Partnerschapskaart Live backup file.');
    }
    const ws = file!.workshop;
    if (!ws || typeof ws !== 'object' || !Array.isArray(ws.partners)) bad('The backup has no valid title or partners.');
    const valid = validateNewWorkshop({
      title: ws!.title,
      partners: ws!.partners.map((p) => (p && typeof p === 'object' ? p.name : null)),
    });
    if (!valid.ok || valid.value.partners.length !== ws!.partners.length) {
      throw new HttpError(
        400,
        'invalid',
        'The backup has no valid title or partners.',
        valid.ok ? undefined : valid.errors,
      );
    }
    const partners = ws!.partners.map((p, i) => ({ ...p, name: valid.value.partners[i] }));
    const documents = file!.documents ?? {};
    const versionList = file!.versions ?? [];
    const people = file!.participants ?? [];
    if (typeof documents !== 'object' || Array.isArray(documents)) bad("The backup's documents are not readable.");
    if (!Array.isArray(versionList)) bad("The backup's versions are not a list.");
    if (!Array.isArray(people)) bad("The backup's participants are not a list.");
    if (Object.keys(documents).length > IMPORT_LIMITS.documents)
      bad(`A backup holds at most ${IMPORT_LIMITS.documents} documents.`);
    if (versionList.length > IMPORT_LIMITS.versions) bad(`A backup holds at most ${IMPORT_LIMITS.versions} versions.`);
    if (people.length > IMPORT_LIMITS.participants)
      bad(`A backup holds at most ${IMPORT_LIMITS.participants} participants.`);

    // Participants: raw values checked, ids unique (a duplicate used to fail halfway and leave an orphan).
    const partnerIds = new Set<string>(partners.map((p) => p.id));
    const ids = new Set<string>();
    const imported: { id: string; name: string; partner: string; role: string }[] = [];
    for (const p of people) {
      if (!p || typeof p !== 'object' || p.access !== 'participant') continue;
      const name = typeof p.name === 'string' ? stripUnsafeText(p.name).replace(/\s+/g, ' ').trim() : '';
      if (typeof p.id !== 'string' || !PARTICIPANT_ID.test(p.id) || ids.has(p.id))
        bad('The backup has a participant with a missing or duplicate id.');
      if (!name || name.length > NAME_MAX || !isParticipantRole(p.role) || typeof p.partner !== 'string')
        bad('The backup has a participant with an invalid name, partner or role.');
      ids.add(p.id);
      imported.push({ id: p.id, name, partner: partnerIds.has(p.partner) ? p.partner : '', role: p.role });
    }

    let budget = performance.now();
    const yieldSometimes = async () => {
      // Decoding is the heavy part: give the event loop a turn every ~20 ms.
      if (performance.now() - budget > 20) {
        await new Promise((r) => setImmediate(r));
        budget = performance.now();
      }
    };
    const decode = (data: unknown, name: DocName, what: string): Uint8Array => {
      if (typeof data !== 'string' || data.length % 4 !== 0 || !BASE64.test(data))
        return bad(`${what} in the backup is damaged.`);
      const state = new Uint8Array(Buffer.from(data, 'base64'));
      if (state.byteLength > this.maxDocBytes) return bad(`${what} in the backup is larger than this server accepts.`);
      const problem = checkDocumentState(name, state);
      if (problem === 'damaged') bad(`${what} in the backup is damaged.`);
      if (problem) bad(`${what} in the backup does not fit this version: ${problem}.`);
      return state;
    };
    const docs: [DocName, Uint8Array][] = [];
    for (const [doc, data] of Object.entries(documents)) {
      const parsed = parseDocName(doc);
      if (!parsed) bad(`The backup has an invalid document "${doc.slice(0, 40)}".`);
      docs.push([parsed!, decode(data, parsed!, `The document "${doc}"`)]);
      await yieldSometimes();
    }
    const versions: {
      doc: DocName;
      kind: 'step' | 'manual' | 'before-restore';
      label: string;
      cardCount: number;
      createdAt: number;
      stateBytes: Uint8Array;
    }[] = [];
    for (const v of versionList) {
      const doc = v && typeof v === 'object' && typeof v.doc === 'string' ? parseDocName(v.doc) : null;
      if (doc?.kind !== 'map' || !VERSION_KINDS.includes(v.kind)) bad('The backup has an invalid version.');
      versions.push({
        doc: doc!,
        kind: v.kind,
        label: typeof v.label === 'string' ? stripUnsafeText(v.label).slice(0, 80) : '',
        cardCount: Number.isSafeInteger(v.cardCount) && v.cardCount >= 0 ? v.cardCount : 0,
        createdAt: Number.isSafeInteger(v.createdAt) && v.createdAt > 0 ? v.createdAt : Date.now(),
        stateBytes: decode(v.state, doc!, 'A version'),
      });
      await yieldSometimes();
    }
    // Everything is valid: one transaction, so nothing of a half import stays behind.
    let created: CreateWorkshopResponse | null = null;
    this.store.db.transaction(() => {
      created = this.workshops.createImported(
        valid.value.title,
        partners,
        ws!.createdAt,
        isFlow(ws!.flow) ? ws!.flow : 'joint',
      );
      const id = created.id;
      for (const [doc, state] of docs) this.store.compact(roomName(id, doc), id, state);
      for (const v of versions) {
        this.store.saveVersion({
          room: roomName(id, v.doc),
          workshopId: id,
          kind: v.kind,
          label: v.label,
          cardCount: v.cardCount,
          state: v.stateBytes,
          createdAt: v.createdAt,
        });
      }
      for (const p of imported) this.store.addImportedParticipant({ ...p, workshopId: id });
    })();
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
