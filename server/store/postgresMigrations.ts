import fs from 'node:fs';
import type pg from 'pg';

/** The numbered SQL files, applied in order: `NNNN_what.sql`. A file once released never changes. */
const DIR = new URL('./migrations/', import.meta.url);
const FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;

/**
 * Advisory lock (two-key form: it never meets the one-key locks a cluster takes per workshop) held
 * while migrating, so several servers starting at once migrate one after the other.
 */
const LOCK: [number, number] = [0x706b6c, 1];

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function migrationFiles(): Migration[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => FILE.test(f))
    .sort()
    .map((name) => ({ version: Number(FILE.exec(name)![1]), name, sql: fs.readFileSync(new URL(name, DIR), 'utf8') }));
}

/**
 * Brings the database (`schema`, created when missing) to the newest schema [P21]: each file not yet in `schema_migrations` runs in
 * its own transaction with its row there. A database migrated by a newer server is refused, as an
 * older server would misread it.
 */
export async function migrate(
  client: pg.ClientBase,
  schema: string,
  migrations: Migration[] = migrationFiles(),
): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1, $2)', LOCK);
  try {
    // Under the lock: CREATE SCHEMA IF NOT EXISTS is not safe against a concurrent one.
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...migrations.map((m) => m.version));
    const unknown = [...done].filter((v) => v > newest);
    if (unknown.length > 0) {
      throw new Error(
        `The database holds schema migration ${Math.max(...unknown)}; this server knows up to ${newest}. Run the newer server.`,
      );
    }
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          Date.now(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`schema migration ${m.name} failed: ${(error as Error).message}`);
      }
      applied.push(m.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1, $2)', LOCK);
  }
}
