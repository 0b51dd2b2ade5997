import type Database from 'better-sqlite3';
import type { ClientOwner, StoredUpdate } from './Store.js';

/**
 * The two writes of the hot path (a group commit of updates with their client-id bindings, and a
 * compaction), as SQLite transactions on a given connection. One owner for this SQL: the writer
 * thread runs them for live rooms (sqliteWriter.worker.ts), SqliteStore for imports and tests.
 */
export interface DocWrites {
  appendUpdates(updates: readonly StoredUpdate[], owners?: readonly ClientOwner[]): void;
  compact(room: string, workshopId: string, state: Uint8Array): void;
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
  return {
    appendUpdates: db.transaction((updates: readonly StoredUpdate[], owners: readonly ClientOwner[] = []) => {
      for (const o of owners) insertClientOwner.run(o.room, o.workshopId, o.clientId, o.participantId);
      for (const u of updates) insertUpdate.run(u.room, u.workshopId, u.data);
    }),
    compact: db.transaction((room: string, workshopId: string, state: Uint8Array) => {
      upsertSnapshot.run(room, workshopId, state, Date.now());
      deleteLog.run(room);
    }),
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
