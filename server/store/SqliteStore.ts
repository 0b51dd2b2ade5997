import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AccessRole } from '../../shared/roles.js';
import type { VersionInfo } from '../../shared/api.js';
import type { DocKind } from '../../shared/docName.js';
import { isFlow } from '../../shared/permissions.js';
import { parseRoomName } from '../../shared/protocol.js';
import type {
  ClientOwner,
  DocStore,
  NewVersion,
  ParticipantRecord,
  StoredUpdate,
  VersionStore,
  WorkshopRecord,
  WorkshopStore,
} from './Store.js';
import { configureConnection, type DocWrites, prepareDocWrites } from './sqliteDocWrites.js';

/** Raised on every incompatible change of SCHEMA; a future change adds a migration from the previous number. */
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

interface WorkshopRow {
  id: string;
  title: string;
  created_at: number;
  partners: string;
  join_code: string;
  flow: string;
}

interface ParticipantRow {
  id: string;
  workshop_id: string;
  name: string;
  partner: string;
  role: string;
  access: string;
  revoked_at: number | null;
}

interface VersionRow {
  id: number;
  room: string;
  kind: string;
  label: string;
  created_at: number;
  card_count: number;
}

function docOf(room: string): string {
  return room.slice(room.indexOf('/') + 1);
}

function toVersion(row: VersionRow): VersionInfo {
  return {
    id: row.id,
    doc: docOf(row.room),
    kind: row.kind as VersionInfo['kind'],
    label: row.label,
    createdAt: row.created_at,
    cardCount: row.card_count,
  };
}

function toWorkshop(row: WorkshopRow): WorkshopRecord {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    partners: JSON.parse(row.partners),
    joinCode: row.join_code,
    flow: isFlow(row.flow) ? row.flow : 'joint',
  };
}

function toParticipant(row: ParticipantRow): ParticipantRecord {
  return {
    id: row.id,
    workshopId: row.workshop_id,
    name: row.name,
    partner: row.partner,
    role: row.role,
    access: row.access as AccessRole,
    revoked: row.revoked_at !== null,
  };
}

/** One SQLite file (WAL) holding workshops, participants and every document's snapshot and update log. */
export class SqliteStore implements DocStore, WorkshopStore, VersionStore {
  readonly db: Database.Database;
  /** The database file, for the writer thread's own connection (SqliteWriterThread). */
  readonly file: string;
  private readonly stmts;
  private readonly writes: DocWrites;

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
      insertWorkshop: this.db.prepare(
        'INSERT INTO workshops (id, title, created_at, partners, join_code, flow) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      getWorkshop: this.db.prepare<[string], WorkshopRow>(
        'SELECT id, title, created_at, partners, join_code, flow FROM workshops WHERE id = ?',
      ),
      workshopByCode: this.db.prepare<[string], WorkshopRow>(
        'SELECT id, title, created_at, partners, join_code, flow FROM workshops WHERE join_code = ?',
      ),
      revokeParticipant: this.db.prepare(
        'UPDATE participants SET revoked_at = ? WHERE id = ? AND workshop_id = ? AND revoked_at IS NULL',
      ),
      getParticipant: this.db.prepare<[string, string], ParticipantRow>(
        'SELECT id, workshop_id, name, partner, role, access, revoked_at FROM participants WHERE id = ? AND workshop_id = ?',
      ),
      insertParticipant: this.db.prepare(
        `INSERT INTO participants (id, workshop_id, name, partner, role, access, token_hash, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      participantByToken: this.db.prepare<[string, Buffer], ParticipantRow>(
        `SELECT id, workshop_id, name, partner, role, access, revoked_at FROM participants
         WHERE workshop_id = ? AND token_hash = ?`,
      ),
      participantsOf: this.db.prepare<[string], ParticipantRow>(
        'SELECT id, workshop_id, name, partner, role, access, revoked_at FROM participants WHERE workshop_id = ? ORDER BY created_at',
      ),
      insertVersion: this.db.prepare(
        'INSERT INTO doc_versions (room, workshop_id, kind, label, created_at, card_count, state) VALUES (?, ?, ?, ?, ?, ?, ?)',
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
      deleteWorkshopClients: this.db.prepare('DELETE FROM doc_clients WHERE workshop_id = ?'),
      deleteWorkshopVersions: this.db.prepare('DELETE FROM doc_versions WHERE workshop_id = ?'),
      deleteWorkshopUpdates: this.db.prepare('DELETE FROM doc_updates WHERE workshop_id = ?'),
      deleteWorkshopSnapshots: this.db.prepare('DELETE FROM doc_snapshots WHERE workshop_id = ?'),
      deleteWorkshopParticipants: this.db.prepare('DELETE FROM participants WHERE workshop_id = ?'),
      deleteWorkshop: this.db.prepare('DELETE FROM workshops WHERE id = ?'),
    };
    this.writes = prepareDocWrites(this.db);
  }

  /**
   * One read transaction: the writer thread may compact this room between two statements, and a
   * snapshot read before it with a log read after it would miss everything the log held.
   */
  loadDoc(room: string) {
    return this.db.transaction(() => this.readDoc(room))();
  }

  private readDoc(room: string) {
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
  appendUpdates(updates: readonly StoredUpdate[], owners: readonly ClientOwner[] = []): void {
    this.writes.appendUpdates(updates, owners);
  }

  loadClientOwners(room: string): Map<number, string> {
    return new Map(this.stmts.clientOwners.all(room).map((r) => [r.client_id, r.participant_id]));
  }

  compact(room: string, workshopId: string, state: Uint8Array): void {
    this.writes.compact(room, workshopId, state);
  }

  createWorkshop(w: WorkshopRecord): void {
    this.stmts.insertWorkshop.run(w.id, w.title, w.createdAt, JSON.stringify(w.partners), w.joinCode, w.flow);
  }

  getWorkshop(id: string): WorkshopRecord | null {
    const row = this.stmts.getWorkshop.get(id);
    return row ? toWorkshop(row) : null;
  }

  findWorkshopByCode(code: string): WorkshopRecord | null {
    const row = this.stmts.workshopByCode.get(code);
    return row ? toWorkshop(row) : null;
  }

  getParticipant(workshopId: string, id: string): ParticipantRecord | null {
    const row = this.stmts.getParticipant.get(id, workshopId);
    return row ? toParticipant(row) : null;
  }

  revokeParticipant(workshopId: string, id: string): boolean {
    return this.stmts.revokeParticipant.run(Date.now(), id, workshopId).changes > 0;
  }

  addParticipant(p: Omit<ParticipantRecord, 'revoked'>, tokenHash: Buffer): void {
    this.stmts.insertParticipant.run(p.id, p.workshopId, p.name, p.partner, p.role, p.access, tokenHash, Date.now());
  }

  findParticipantByToken(workshopId: string, tokenHash: Buffer): ParticipantRecord | null {
    const row = this.stmts.participantByToken.get(workshopId, tokenHash);
    return row ? toParticipant(row) : null;
  }

  participantsOf(workshopId: string): ParticipantRecord[] {
    return this.stmts.participantsOf.all(workshopId).map(toParticipant);
  }

  /** A person from an imported backup: kept for their names on cards, without a usable token. */
  addImportedParticipant(p: { id: string; workshopId: string; name: string; partner: string; role: string }): void {
    this.stmts.insertParticipant.run(
      p.id,
      p.workshopId,
      p.name,
      p.partner,
      p.role,
      'participant',
      randomBytes(32),
      Date.now(),
    );
    this.stmts.revokeParticipant.run(Date.now(), p.id, p.workshopId);
  }

  saveVersion(v: NewVersion): VersionInfo {
    const createdAt = v.createdAt ?? Date.now();
    const result = this.stmts.insertVersion.run(v.room, v.workshopId, v.kind, v.label, createdAt, v.cardCount, v.state);
    return {
      id: Number(result.lastInsertRowid),
      doc: docOf(v.room),
      kind: v.kind,
      label: v.label,
      createdAt,
      cardCount: v.cardCount,
    };
  }

  listVersions(room: string): VersionInfo[] {
    return this.stmts.listVersions.all(room).map(toVersion);
  }

  getVersion(workshopId: string, id: number): { info: VersionInfo; room: string; state: Uint8Array } | null {
    const row = this.stmts.getVersion.get(id, workshopId);
    if (!row) return null;
    return { info: toVersion(row), room: row.room, state: new Uint8Array(row.state) };
  }

  /** Stored room names of a workshop holding documents of this kind. */
  roomsOf(workshopId: string, kind: DocKind): string[] {
    const like = `${workshopId.replace(/[%_]/g, '')}/%`;
    return this.stmts.roomsOfWorkshop
      .all({ ws: workshopId, like })
      .map((r) => r.room)
      .filter((room) => parseRoomName(room)?.doc.kind === kind);
  }

  deleteWorkshop = this.transaction((id: string) => {
    this.stmts.deleteWorkshopClients.run(id);
    this.stmts.deleteWorkshopVersions.run(id);
    this.stmts.deleteWorkshopUpdates.run(id);
    this.stmts.deleteWorkshopSnapshots.run(id);
    this.stmts.deleteWorkshopParticipants.run(id);
    this.stmts.deleteWorkshop.run(id);
  });

  close(): void {
    if (this.db.open) this.db.close();
  }

  private transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
    // Bound lazily: `this.db` is set in the constructor, after field initialisers run.
    let tx: ((...args: A) => void) | undefined;
    return (...args: A) => {
      tx ??= this.db.transaction(fn);
      tx(...args);
    };
  }
}
