import Database from 'better-sqlite3';
import fs from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import path from 'node:path';
import type { VersionInfo } from '../../shared/api.js';
import type { DocKind } from '../../shared/docName.js';
import { parseRoomName } from '../../shared/protocol.js';
import type {
  ClientOwner,
  DocWriter,
  NewParticipant,
  NewVersion,
  ParticipantRecord,
  Store,
  StoredDoc,
  StoredUpdate,
  WorkshopRecord,
} from './Store.js';
import {
  docOf,
  type ParticipantRow,
  toParticipant,
  toVersion,
  toWorkshop,
  type VersionRow,
  type WorkshopRow,
} from './storeRows.js';
import { configureConnection, type DocWrites, prepareDocWrites } from './sqliteDocWrites.js';
import { SqliteWriterThread } from './SqliteWriterThread.js';

/**
 * Raised on every incompatible change of SCHEMA; a future change adds a migration from the previous
 * number. Kept in the file's `user_version` (docs/decisions/0030-postgres-store.md: why SQLite keeps
 * this scheme while Postgres has numbered migration files).
 */
const SCHEMA_VERSION = 3;

/** Migrations from each older version to the next, run in order inside one transaction. */
const MIGRATIONS: Record<number, string> = {
  1: "ALTER TABLE workshops ADD COLUMN flow TEXT NOT NULL DEFAULT 'joint';",
  // doc_clients is created by SCHEMA below (IF NOT EXISTS); nothing else changes.
  2: 'SELECT 1;',
};

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  partners TEXT NOT NULL,
  join_code TEXT NOT NULL UNIQUE,
  flow TEXT NOT NULL DEFAULT 'joint'
);
CREATE TABLE IF NOT EXISTS participants (
  id TEXT NOT NULL,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  partner TEXT NOT NULL,
  role TEXT NOT NULL,
  access TEXT NOT NULL,
  token_hash BLOB NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER,
  PRIMARY KEY (workshop_id, id)
);
CREATE INDEX IF NOT EXISTS participants_workshop ON participants(workshop_id);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  room TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_room ON doc_updates(room, seq);
CREATE INDEX IF NOT EXISTS doc_updates_workshop ON doc_updates(workshop_id);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  room TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  data BLOB NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_snapshots_workshop ON doc_snapshots(workshop_id);
CREATE TABLE IF NOT EXISTS doc_versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  room TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  card_count INTEGER NOT NULL,
  state BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_versions_room ON doc_versions(room, id);
CREATE INDEX IF NOT EXISTS doc_versions_workshop ON doc_versions(workshop_id);
CREATE TABLE IF NOT EXISTS doc_clients (
  room TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  client_id INTEGER NOT NULL,
  participant_id TEXT NOT NULL,
  PRIMARY KEY (room, client_id)
);
CREATE INDEX IF NOT EXISTS doc_clients_workshop ON doc_clients(workshop_id);
`;

/**
 * One SQLite file (WAL) holding workshops, participants and every document's snapshot and update log.
 * Reads and small writes answer at once on this thread (better-sqlite3 is synchronous); the promises
 * are the Store interface, which Postgres needs. Live rooms' commits, an import's writes and removing
 * a workshop run in the writer thread (openWriter, docs/decisions/0022).
 */
export class SqliteStore implements Store {
  readonly engine = 'sqlite';
  readonly db: Database.Database;
  /** The database file, for the writer thread's own connection (SqliteWriterThread). */
  readonly file: string;
  private readonly stmts;
  private readonly writes: DocWrites;
  /** The writer thread, started on first use, closed with the store. */
  private writer: SqliteWriterThread | null = null;

  constructor(dataDir: string, fileName = 'partnerschapskaart.sqlite') {
    fs.mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, fileName);
    this.db = new Database(this.file);
    configureConnection(this.db);
    const version = this.db.pragma('user_version', { simple: true }) as number;
    const hasTables = this.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
      n: number;
    };
    if (hasTables.n > 0 && version < SCHEMA_VERSION && MIGRATIONS[version]) {
      this.db.transaction(() => {
        for (let v = version; v < SCHEMA_VERSION; v++) this.db.exec(MIGRATIONS[v]);
        this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })();
    } else if (hasTables.n > 0 && version !== SCHEMA_VERSION) {
      throw new Error(
        `The data directory ${dataDir} holds a database of schema version ${version}; this server needs ${SCHEMA_VERSION}. ` +
          'Move the directory away (or set PKL_DATA_DIR) to start with a fresh database.',
      );
    }
    this.db.exec(SCHEMA);
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    // An import writes its documents and versions before its workshop (BackupService.import); one cut
    // off halfway (kill -9) leaves them under an id no workshop has, unreachable: drop them (T13).
    this.db.exec(`
      DELETE FROM doc_snapshots WHERE workshop_id NOT IN (SELECT id FROM workshops);
      DELETE FROM doc_versions WHERE workshop_id NOT IN (SELECT id FROM workshops);
    `);
    this.stmts = {
      snapshot: this.db.prepare<[string], { data: Buffer }>('SELECT data FROM doc_snapshots WHERE room = ?'),
      updates: this.db.prepare<[string], { data: Buffer }>('SELECT data FROM doc_updates WHERE room = ? ORDER BY seq'),
      getWorkshop: this.db.prepare<[string], WorkshopRow>(
        'SELECT id, title, created_at, partners, join_code, flow FROM workshops WHERE id = ?',
      ),
      workshopByCode: this.db.prepare<[string], WorkshopRow>(
        'SELECT id, title, created_at, partners, join_code, flow FROM workshops WHERE join_code = ?',
      ),
      getParticipant: this.db.prepare<[string, string], ParticipantRow>(
        'SELECT id, workshop_id, name, partner, role, access, revoked_at FROM participants WHERE id = ? AND workshop_id = ?',
      ),
      participantByToken: this.db.prepare<[string, Buffer], ParticipantRow>(
        `SELECT id, workshop_id, name, partner, role, access, revoked_at FROM participants
         WHERE workshop_id = ? AND token_hash = ?`,
      ),
      participantsOf: this.db.prepare<[string], ParticipantRow>(
        'SELECT id, workshop_id, name, partner, role, access, revoked_at FROM participants WHERE workshop_id = ? ORDER BY created_at',
      ),
      listVersions: this.db.prepare<[string], VersionRow>(
        'SELECT id, room, kind, label, created_at, card_count FROM doc_versions WHERE room = ? ORDER BY id DESC',
      ),
      getVersion: this.db.prepare<[number, string], VersionRow & { state: Buffer }>(
        'SELECT id, room, kind, label, created_at, card_count, state FROM doc_versions WHERE id = ? AND workshop_id = ?',
      ),
      roomsOfWorkshop: this.db.prepare<{ ws: string; like: string }, { room: string }>(
        `SELECT room FROM doc_snapshots WHERE workshop_id = @ws AND room LIKE @like
         UNION SELECT DISTINCT room FROM doc_updates WHERE workshop_id = @ws AND room LIKE @like`,
      ),
      clientOwners: this.db.prepare<[string], { client_id: number; participant_id: string }>(
        'SELECT client_id, participant_id FROM doc_clients WHERE room = ?',
      ),
    };
    this.writes = prepareDocWrites(this.db);
  }

  /**
   * One read transaction: the writer thread may compact this room between two statements, and a
   * snapshot read before it with a log read after it would miss everything the log held.
   */
  async loadDoc(room: string): Promise<StoredDoc> {
    return this.db.transaction(() => this.readDoc(room))();
  }

  private readDoc(room: string): StoredDoc {
    const snap = this.stmts.snapshot.get(room);
    const rows = this.stmts.updates.all(room);
    let logBytes = 0;
    const updates = rows.map((r) => {
      logBytes += r.data.byteLength;
      return new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength);
    });
    return {
      snapshot: snap ? new Uint8Array(snap.data.buffer, snap.data.byteOffset, snap.data.byteLength) : null,
      updates,
      logRows: rows.length,
      logBytes,
    };
  }

  /** On this thread; live rooms write through the writer thread instead (imports and tests use this). */
  async appendUpdates(updates: readonly StoredUpdate[], owners: readonly ClientOwner[] = []): Promise<void> {
    this.writes.appendUpdates(updates, owners);
  }

  async loadClientOwners(room: string): Promise<Map<number, string>> {
    return new Map(this.stmts.clientOwners.all(room).map((r) => [r.client_id, r.participant_id]));
  }

  async compact(room: string, workshopId: string, state: Uint8Array): Promise<void> {
    this.writes.compact(room, workshopId, state);
  }

  /** In the writer thread, like every write of a request ([T18]): the event loop never waits for the lock or a disk. */
  async createWorkshop(w: WorkshopRecord, people: readonly NewParticipant[]): Promise<void> {
    await this.thread().createWorkshop(w, people.map(ownTokenHash));
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
    const row = this.stmts.getWorkshop.get(id);
    return row ? toWorkshop(row) : null;
  }

  async findWorkshopByCode(code: string): Promise<WorkshopRecord | null> {
    const row = this.stmts.workshopByCode.get(code);
    return row ? toWorkshop(row) : null;
  }

  async getParticipant(workshopId: string, id: string): Promise<ParticipantRecord | null> {
    const row = this.stmts.getParticipant.get(id, workshopId);
    return row ? toParticipant(row) : null;
  }

  revokeParticipant(workshopId: string, id: string): Promise<boolean> {
    return this.thread().revokeParticipant(workshopId, id);
  }

  addParticipant(p: Omit<ParticipantRecord, 'revoked'>, tokenHash: Buffer): Promise<void> {
    return this.thread().addParticipant(p, own(tokenHash));
  }

  async findParticipantByToken(workshopId: string, tokenHash: Buffer): Promise<ParticipantRecord | null> {
    const row = this.stmts.participantByToken.get(workshopId, tokenHash);
    return row ? toParticipant(row) : null;
  }

  async participantsOf(workshopId: string): Promise<ParticipantRecord[]> {
    return this.stmts.participantsOf.all(workshopId).map(toParticipant);
  }

  async saveVersion(v: NewVersion): Promise<VersionInfo> {
    const { id, createdAt } = await this.thread().insertVersion({ ...v, state: own(v.state) });
    return { id, doc: docOf(v.room), kind: v.kind, label: v.label, createdAt, cardCount: v.cardCount };
  }

  async listVersions(room: string): Promise<VersionInfo[]> {
    return this.stmts.listVersions.all(room).map(toVersion);
  }

  async getVersion(
    workshopId: string,
    id: number,
  ): Promise<{ info: VersionInfo; room: string; state: Uint8Array } | null> {
    const row = this.stmts.getVersion.get(id, workshopId);
    if (!row) return null;
    return { info: toVersion(row), room: row.room, state: new Uint8Array(row.state) };
  }

  /** Stored room names of a workshop holding documents of this kind. */
  async roomsOf(workshopId: string, kind: DocKind): Promise<string[]> {
    const like = `${workshopId.replace(/[%_]/g, '')}/%`;
    return this.stmts.roomsOfWorkshop
      .all({ ws: workshopId, like })
      .map((r) => r.room)
      .filter((room) => parseRoomName(room)?.doc.kind === kind);
  }

  /**
   * Everything is written by the writer thread, off the event loop (T13): the documents and versions
   * (nearly all of the bytes) first, a slice of about SLICE_BYTES per transaction, pulled by the
   * thread straight from the worker that checked them ([T18], importStream.ts), so live rooms' commits
   * go in between and the bytes never pass through this thread; under an id no workshop has yet, so
   * nothing can reach them. Then one transaction creates the workshop and its people, with a new join
   * code if the one given is taken. A failure removes what was written (in the thread); after a
   * kill -9 halfway, the orphans are dropped when the store opens (constructor).
   */
  async importWorkshop(source: MessagePort, w: WorkshopRecord, people: readonly NewParticipant[]): Promise<string> {
    const writer = this.thread();
    try {
      return await writer.importWorkshop(source, w, people.map(ownTokenHash));
    } catch (error) {
      // A thread that died halfway removed nothing; this connection can.
      if (writer.stopped && this.db.open) this.writes.deleteWorkshop(w.id);
      throw error;
    }
  }

  /** In the writer thread: a large workshop's rows take a while to delete. */
  async deleteWorkshop(id: string): Promise<void> {
    const writer = this.thread();
    // A dead thread cannot remove anything; this connection can.
    await writer.deleteWorkshop(id).catch(() => this.writes.deleteWorkshop(id));
  }

  /** A raw read, `?` placeholders (tests and maintenance). */
  async query(sql: string, params: readonly unknown[] = []): Promise<Record<string, unknown>[]> {
    const stmt = this.db.prepare(sql);
    if (!stmt.reader) {
      stmt.run(...params);
      return [];
    }
    return stmt.all(...params) as Record<string, unknown>[];
  }

  /** The writer thread with its own connection to this file (docs/decisions/0022). */
  openWriter(): DocWriter {
    return this.thread();
  }

  private thread(): SqliteWriterThread {
    if (!this.writer || this.writer.stopped) this.writer = new SqliteWriterThread(this.file);
    return this.writer;
  }

  async close(): Promise<void> {
    await this.writer?.close();
    if (this.db.open) this.db.close();
  }
}

/**
 * Structured clone copies a typed array's whole ArrayBuffer: a view on a larger buffer (a pooled
 * Buffer, a slice of a file) would copy all of it to the writer thread. Such bytes get their own copy.
 */
function own(bytes: Uint8Array): Uint8Array {
  // new Uint8Array(view) copies into a buffer of its own (a Buffer's slice() would be a view again).
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

function ownTokenHash(p: NewParticipant): NewParticipant {
  return { ...p, tokenHash: Buffer.from(own(p.tokenHash).buffer) };
}
