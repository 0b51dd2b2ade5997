import type { MessagePort } from 'node:worker_threads';
import pg from 'pg';
import type { VersionInfo } from '../../shared/api.js';
import type { DocKind } from '../../shared/docName.js';
import { parseRoomName } from '../../shared/protocol.js';
import { migrate } from './postgresMigrations.js';
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
import { JoinCodeTaken } from './Store.js';
import { pullImport } from './importStream.js';
import { withFreeJoinCode } from './joinCode.js';
import {
  docOf,
  type ParticipantRow,
  toParticipant,
  toVersion,
  toWorkshop,
  type VersionRow,
  type WorkshopRow,
} from './storeRows.js';

/** BIGINT columns (times in ms, ids) fit a JavaScript number; pg returns them as strings by default. */
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

const WORKSHOP_COLUMNS = 'id, title, created_at, partners, join_code, flow';
const PARTICIPANT_COLUMNS = 'id, workshop_id, name, partner, role, access, revoked_at';

/** A Buffer over the same bytes (pg sends Buffers as bytea). */
const bytes = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
const view = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** Schema names are ours (configuration), but quoted anyway. */
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The hot-path writes, each ONE statement, so each is atomic without BEGIN/COMMIT round trips
 * (data-modifying CTEs run in the statement's single snapshot). `ord` keeps the log order of a batch.
 */
const APPEND_SQL = `
WITH owners AS (
  INSERT INTO doc_clients (room, workshop_id, client_id, participant_id)
  SELECT * FROM unnest($4::text[], $5::text[], $6::bigint[], $7::text[])
  ON CONFLICT DO NOTHING
)
INSERT INTO doc_updates (room, workshop_id, data)
SELECT r, w, d FROM unnest($1::text[], $2::text[], $3::bytea[]) WITH ORDINALITY AS u(r, w, d, ord) ORDER BY ord`;

const COMPACT_SQL = `
WITH snap AS (
  INSERT INTO doc_snapshots (room, workshop_id, data, updated_at) VALUES ($1, $2, $3, $4)
  ON CONFLICT (room) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at
)
DELETE FROM doc_updates WHERE room = $1`;

/** Snapshot first (part 0), then the log in order, read in one statement: one snapshot of the data. */
const LOAD_SQL = `
SELECT 0 AS part, 0 AS seq, data FROM doc_snapshots WHERE room = $1
UNION ALL
SELECT 1 AS part, seq, data FROM doc_updates WHERE room = $1
ORDER BY part, seq`;

async function appendOn(db: pg.Pool | pg.ClientBase, updates: readonly StoredUpdate[], owners: readonly ClientOwner[]) {
  if (updates.length === 0 && owners.length === 0) return;
  await db.query(APPEND_SQL, [
    updates.map((u) => u.room),
    updates.map((u) => u.workshopId),
    updates.map((u) => bytes(u.data)),
    owners.map((o) => o.room),
    owners.map((o) => o.workshopId),
    owners.map((o) => o.clientId),
    owners.map((o) => o.participantId),
  ]);
}

async function compactOn(db: pg.Pool | pg.ClientBase, room: string, workshopId: string, state: Uint8Array) {
  await db.query(COMPACT_SQL, [room, workshopId, bytes(state), Date.now()]);
}

export interface PostgresOptions {
  /** postgres://user:password@host:port/database (PKL_DATABASE_URL). */
  url: string;
  /** The schema holding our tables, created when missing (PKL_DATABASE_SCHEMA; default public). */
  schema?: string;
  /** Connections of this process (each server process has its own pool). */
  maxConnections?: number;
}

/**
 * Workshops, people and documents in Postgres [P20]. Nothing is kept in this process that another
 * process sharing the database would need: every read goes to the database. Commits are durable when
 * they resolve (synchronous_commit=on, set for every connection: a server configured otherwise
 * cannot make us acknowledge what is not on disk).
 */
export class PostgresStore implements Store {
  readonly engine = 'postgres';

  private constructor(readonly pool: pg.Pool) {}

  static async open(options: PostgresOptions): Promise<PostgresStore> {
    const schema = options.schema ?? 'public';
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      types,
      options: `-c search_path=${quoteIdent(schema)} -c synchronous_commit=on`,
    });
    // An idle connection that breaks (the database restarted) must not crash the process.
    pool.on('error', () => {});
    try {
      const client = await pool.connect();
      try {
        await migrate(client, schema);
        // Documents and versions of no workshop are unreachable: dropped, as SQLite does when it
        // opens (T13). An import running elsewhere is one transaction, invisible here until done.
        await client.query(`
          DELETE FROM doc_snapshots WHERE workshop_id NOT IN (SELECT id FROM workshops);
          DELETE FROM doc_versions WHERE workshop_id NOT IN (SELECT id FROM workshops);`);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool);
  }

  async loadDoc(room: string): Promise<StoredDoc> {
    const { rows } = await this.pool.query<{ part: number; data: Buffer }>(LOAD_SQL, [room]);
    let snapshot: Uint8Array | null = null;
    const updates: Uint8Array[] = [];
    let logBytes = 0;
    for (const r of rows) {
      if (r.part === 0) snapshot = view(r.data);
      else {
        updates.push(view(r.data));
        logBytes += r.data.byteLength;
      }
    }
    return { snapshot, updates, logRows: updates.length, logBytes };
  }

  appendUpdates(updates: readonly StoredUpdate[], owners: readonly ClientOwner[] = []): Promise<void> {
    return appendOn(this.pool, updates, owners);
  }

  async loadClientOwners(room: string): Promise<Map<number, string>> {
    const { rows } = await this.pool.query<{ client_id: number; participant_id: string }>(
      'SELECT client_id, participant_id FROM doc_clients WHERE room = $1',
      [room],
    );
    return new Map(rows.map((r) => [r.client_id, r.participant_id]));
  }

  compact(room: string, workshopId: string, state: Uint8Array): Promise<void> {
    return compactOn(this.pool, room, workshopId, state);
  }

  createWorkshop(w: WorkshopRecord, people: readonly NewParticipant[]): Promise<void> {
    return this.transaction((c) => this.insertWorkshop(c, w, people));
  }

  private async insertWorkshop(c: pg.ClientBase, w: WorkshopRecord, people: readonly NewParticipant[]) {
    try {
      await c.query(`INSERT INTO workshops (${WORKSHOP_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`, [
        w.id,
        w.title,
        w.createdAt,
        JSON.stringify(w.partners),
        w.joinCode,
        w.flow,
      ]);
    } catch (error) {
      const e = error as { code?: string; constraint?: string };
      // The transaction is rolled back whole; the caller draws a new code and tries again.
      if (e.code === '23505' && e.constraint === 'workshops_join_code_key') throw new JoinCodeTaken(w.joinCode);
      throw error;
    }
    const now = Date.now();
    for (const p of people) {
      await c.query(
        `INSERT INTO participants (id, workshop_id, name, partner, role, access, token_hash, created_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [p.id, w.id, p.name, p.partner, p.role, p.access, p.tokenHash, now, p.revoked ? now : null],
      );
    }
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
    const { rows } = await this.pool.query<WorkshopRow>(`SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? toWorkshop(rows[0]) : null;
  }

  async findWorkshopByCode(code: string): Promise<WorkshopRecord | null> {
    const { rows } = await this.pool.query<WorkshopRow>(
      `SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE join_code = $1`,
      [code],
    );
    return rows[0] ? toWorkshop(rows[0]) : null;
  }

  async addParticipant(p: Omit<ParticipantRecord, 'revoked'>, tokenHash: Buffer): Promise<void> {
    await this.pool.query(
      `INSERT INTO participants (id, workshop_id, name, partner, role, access, token_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [p.id, p.workshopId, p.name, p.partner, p.role, p.access, tokenHash, Date.now()],
    );
  }

  async findParticipantByToken(workshopId: string, tokenHash: Buffer): Promise<ParticipantRecord | null> {
    const { rows } = await this.pool.query<ParticipantRow>(
      `SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE workshop_id = $1 AND token_hash = $2`,
      [workshopId, tokenHash],
    );
    return rows[0] ? toParticipant(rows[0]) : null;
  }

  async getParticipant(workshopId: string, id: string): Promise<ParticipantRecord | null> {
    const { rows } = await this.pool.query<ParticipantRow>(
      `SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE id = $1 AND workshop_id = $2`,
      [id, workshopId],
    );
    return rows[0] ? toParticipant(rows[0]) : null;
  }

  async revokeParticipant(workshopId: string, id: string): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE participants SET revoked_at = $1 WHERE id = $2 AND workshop_id = $3 AND revoked_at IS NULL',
      [Date.now(), id, workshopId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async participantsOf(workshopId: string): Promise<ParticipantRecord[]> {
    const { rows } = await this.pool.query<ParticipantRow>(
      `SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE workshop_id = $1 ORDER BY created_at, ord`,
      [workshopId],
    );
    return rows.map(toParticipant);
  }

  saveVersion(v: NewVersion): Promise<VersionInfo> {
    return this.insertVersion(this.pool, v);
  }

  private async insertVersion(db: pg.Pool | pg.ClientBase, v: NewVersion): Promise<VersionInfo> {
    const createdAt = v.createdAt ?? Date.now();
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO doc_versions (room, workshop_id, kind, label, created_at, card_count, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [v.room, v.workshopId, v.kind, v.label, createdAt, v.cardCount, bytes(v.state)],
    );
    return { id: rows[0].id, doc: docOf(v.room), kind: v.kind, label: v.label, createdAt, cardCount: v.cardCount };
  }

  async listVersions(room: string): Promise<VersionInfo[]> {
    const { rows } = await this.pool.query<VersionRow>(
      'SELECT id, room, kind, label, created_at, card_count FROM doc_versions WHERE room = $1 ORDER BY id DESC',
      [room],
    );
    return rows.map(toVersion);
  }

  async getVersion(
    workshopId: string,
    id: number,
  ): Promise<{ info: VersionInfo; room: string; state: Uint8Array } | null> {
    // Ids beyond BIGINT are no version (and would be an error in the query).
    if (!Number.isSafeInteger(id)) return null;
    const { rows } = await this.pool.query<VersionRow & { state: Buffer }>(
      'SELECT id, room, kind, label, created_at, card_count, state FROM doc_versions WHERE id = $1 AND workshop_id = $2',
      [id, workshopId],
    );
    const row = rows[0];
    return row ? { info: toVersion(row), room: row.room, state: new Uint8Array(row.state) } : null;
  }

  async roomsOf(workshopId: string, kind: DocKind): Promise<string[]> {
    const like = `${workshopId.replace(/[%_\\]/g, '')}/%`;
    const { rows } = await this.pool.query<{ room: string }>(
      `SELECT room FROM doc_snapshots WHERE workshop_id = $1 AND room LIKE $2
       UNION SELECT DISTINCT room FROM doc_updates WHERE workshop_id = $1 AND room LIKE $2`,
      [workshopId, like],
    );
    return rows.map((r) => r.room).filter((room) => parseRoomName(room)?.doc.kind === kind);
  }

  /**
   * One transaction: Postgres does not block other work meanwhile, so an import needs no slicing
   * (T13). The rows are pulled a slice at a time from the worker that checked them ([T18]), so this
   * thread holds one slice, never the whole backup. A taken join code is replaced by a new one under a
   * savepoint (a failed statement would otherwise abort the whole transaction).
   */
  importWorkshop(source: MessagePort, w: WorkshopRecord, people: readonly NewParticipant[]): Promise<string> {
    return this.transaction(async (c) => {
      const everyone = [...people];
      for await (const piece of pullImport(source, w.id)) {
        if ('people' in piece) everyone.push(...piece.people);
        else
          for (const r of piece.rows) {
            if (r.kind === 'doc') await compactOn(c, r.room, r.workshopId, r.state);
            else await this.insertVersion(c, r.version);
          }
      }
      return withFreeJoinCode(w.joinCode, async (code) => {
        await c.query('SAVEPOINT workshop');
        try {
          await this.insertWorkshop(c, { ...w, joinCode: code }, everyone);
        } catch (error) {
          await c.query('ROLLBACK TO SAVEPOINT workshop');
          throw error;
        }
      });
    });
  }

  deleteWorkshop(id: string): Promise<void> {
    return this.transaction(async (c) => {
      for (const table of ['doc_clients', 'doc_versions', 'doc_updates', 'doc_snapshots', 'participants'])
        await c.query(`DELETE FROM ${table} WHERE workshop_id = $1`, [id]);
      await c.query('DELETE FROM workshops WHERE id = $1', [id]);
    });
  }

  async query(sql: string, params: readonly unknown[] = []): Promise<Record<string, unknown>[]> {
    let n = 0;
    const { rows } = await this.pool.query(
      sql.replace(/\?/g, () => `$${++n}`),
      params.map((p) => (p instanceof Uint8Array ? bytes(p) : p)),
    );
    return rows ?? [];
  }

  openWriter(): DocWriter {
    return new PostgresDocWriter(this.pool);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async transaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const result = await fn(c);
      await c.query('COMMIT');
      return result;
    } catch (error) {
      await c.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      c.release();
    }
  }
}

/**
 * Live rooms' writes, one at a time in the order they were made [P22]: a batch of the Committer,
 * a compaction, the next batch. Each is one atomic statement, durable when its promise resolves; a
 * failure rejects only its own promise (the room unloads and its clients resend, as with SQLite).
 */
class PostgresDocWriter implements DocWriter {
  private last: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly pool: pg.Pool) {}

  appendUpdates(updates: readonly StoredUpdate[], owners: readonly ClientOwner[] = []): Promise<void> {
    return this.enqueue(() => appendOn(this.pool, updates, owners));
  }

  compact(room: string, workshopId: string, state: Uint8Array): Promise<void> {
    return this.enqueue(() => compactOn(this.pool, room, workshopId, state));
  }

  drain(): Promise<void> {
    return this.last;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.last;
  }

  private enqueue(write: () => Promise<void>): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the writer is closed'));
    const done = this.last.then(write);
    this.last = done.catch(() => {});
    return done;
  }
}
