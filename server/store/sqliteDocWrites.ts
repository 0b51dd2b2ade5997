import type Database from 'better-sqlite3';
import type {
  ClientOwner,
  ImportedRow,
  NewParticipant,
  NewVersion,
  ParticipantRecord,
  StoredUpdate,
  WorkshopRecord,
} from './Store.js';
import { JoinCodeTaken } from './Store.js';

/**
 * The writes that may run in the writer thread, as SQLite transactions on a given connection: the
 * hot path (a group commit of updates with their client-id bindings, a compaction), the large ones
 * of an import (a slice of its documents and versions, its workshop with all its people, and
 * removing a workshop), and the small ones of requests (a join, a removal, a version: [T18], so the
 * event loop never waits for SQLite's write lock or a disk). One owner for this SQL: the writer thread runs them (sqliteWriter.worker.ts),
 * SqliteStore runs the same on its own connection where it writes on the main thread.
 */
export interface DocWrites {
  appendUpdates(updates: readonly StoredUpdate[], owners?: readonly ClientOwner[]): void;
  compact(room: string, workshopId: string, state: Uint8Array): void;
  /** One version row; returns its id. */
  insertVersion(v: NewVersion): { id: number; createdAt: number };
  /** A slice of an import's documents and versions (about 256 KB, [T18]), in one transaction. */
  importRows(rows: readonly ImportedRow[]): void;
  /** The workshop and its people in one transaction; throws JoinCodeTaken, having written nothing. */
  createWorkshop(w: WorkshopRecord, people: readonly NewParticipant[]): void;
  /** Every row of a workshop, in one transaction. */
  deleteWorkshop(id: string): void;
  /** Someone joins (or gets a new link). */
  addParticipant(p: Omit<ParticipantRecord, 'revoked'>, tokenHash: Uint8Array): void;
  /** False when there was no such active participant. */
  revokeParticipant(workshopId: string, id: string): boolean;
}

export function prepareDocWrites(db: Database.Database): DocWrites {
  const insertUpdate = db.prepare('INSERT INTO doc_updates (room, workshop_id, data) VALUES (?, ?, ?)');
  const insertClientOwner = db.prepare(
    'INSERT OR IGNORE INTO doc_clients (room, workshop_id, client_id, participant_id) VALUES (?, ?, ?, ?)',
  );
  const upsertSnapshot = db.prepare(
    `INSERT INTO doc_snapshots (room, workshop_id, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(room) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  );
  const deleteLog = db.prepare('DELETE FROM doc_updates WHERE room = ?');
  const insertVersionRow = db.prepare(
    'INSERT INTO doc_versions (room, workshop_id, kind, label, created_at, card_count, state) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const codeTaken = db.prepare<[string]>('SELECT 1 FROM workshops WHERE join_code = ?');
  const insertWorkshop = db.prepare(
    'INSERT INTO workshops (id, title, created_at, partners, join_code, flow) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertParticipant = db.prepare(
    `INSERT INTO participants (id, workshop_id, name, partner, role, access, token_hash, created_at, revoked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const deletes = ['doc_clients', 'doc_versions', 'doc_updates', 'doc_snapshots', 'participants'].map((table) =>
    db.prepare(`DELETE FROM ${table} WHERE workshop_id = ?`),
  );
  const deleteWorkshopRow = db.prepare('DELETE FROM workshops WHERE id = ?');
  const revokeParticipant = db.prepare(
    'UPDATE participants SET revoked_at = ? WHERE id = ? AND workshop_id = ? AND revoked_at IS NULL',
  );

  const compact = (room: string, workshopId: string, state: Uint8Array) => {
    upsertSnapshot.run(room, workshopId, state, Date.now());
    deleteLog.run(room);
  };
  const insertVersion = (v: NewVersion) => {
    const createdAt = v.createdAt ?? Date.now();
    const result = insertVersionRow.run(v.room, v.workshopId, v.kind, v.label, createdAt, v.cardCount, v.state);
    return { id: Number(result.lastInsertRowid), createdAt };
  };
  const importSlice = db.transaction((rows: readonly ImportedRow[]) => {
    for (const r of rows) {
      if (r.kind === 'doc') compact(r.room, r.workshopId, r.state);
      else insertVersion(r.version);
    }
  });
  const createWorkshopTx = db.transaction((w: WorkshopRecord, people: readonly NewParticipant[]) => {
    if (codeTaken.get(w.joinCode)) throw new JoinCodeTaken(w.joinCode);
    insertWorkshop.run(w.id, w.title, w.createdAt, JSON.stringify(w.partners), w.joinCode, w.flow);
    const now = Date.now();
    for (const p of people) {
      const revokedAt = p.revoked ? now : null;
      insertParticipant.run(p.id, w.id, p.name, p.partner, p.role, p.access, p.tokenHash, now, revokedAt);
    }
  });
  return {
    appendUpdates: db.transaction((updates: readonly StoredUpdate[], owners: readonly ClientOwner[] = []) => {
      for (const o of owners) insertClientOwner.run(o.room, o.workshopId, o.clientId, o.participantId);
      for (const u of updates) insertUpdate.run(u.room, u.workshopId, u.data);
    }),
    compact: db.transaction(compact),
    insertVersion,
    importRows: importSlice,
    // IMMEDIATE: it reads (is the code taken?) before it writes; a deferred transaction would fail
    // with SQLITE_BUSY, without waiting, when the other connection wrote between the two.
    createWorkshop: (w: WorkshopRecord, people: readonly NewParticipant[]) => createWorkshopTx.immediate(w, people),
    deleteWorkshop: db.transaction((id: string) => {
      for (const d of deletes) d.run(id);
      deleteWorkshopRow.run(id);
    }),
    addParticipant: (p, tokenHash) =>
      void insertParticipant.run(p.id, p.workshopId, p.name, p.partner, p.role, p.access, tokenHash, Date.now(), null),
    revokeParticipant: (workshopId, id) => revokeParticipant.run(Date.now(), id, workshopId).changes > 0,
  };
}

/**
 * Opens the database file with the settings every connection to it needs. WAL lets the writer
 * thread commit while the main thread reads; FULL, set explicitly, means a commit is on disk before
 * we broadcast (WAL's default NORMAL can lose the last commits on power loss); busy_timeout lets the
 * two connections wait for each other's short write transactions instead of failing.
 */
export function configureConnection(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}
