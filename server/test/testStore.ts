import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../config.js';
import { openStore } from '../store/openStore.js';
import type { Store } from '../store/Store.js';

/**
 * Which store the server tests run on [P20]. SQLite by default; with PKL_TEST_STORE=postgres every
 * test server (in-process and child process) keeps its data in Postgres at PKL_TEST_DATABASE_URL,
 * in a schema of its own per data directory (restart tests reopen the same one). `.ci/run` runs the
 * integration tests once per store. Asking for Postgres without a database fails, never falls back.
 */
export const testDatabaseUrl = process.env.PKL_TEST_DATABASE_URL || null;
const onPostgres = process.env.PKL_TEST_STORE === 'postgres';
if (onPostgres && !testDatabaseUrl) {
  throw new Error('PKL_TEST_STORE=postgres needs PKL_TEST_DATABASE_URL=postgres://… (see README, Tests on Postgres)');
}
/** In CI the Postgres tests must run: a missing database is a failure, not a skip [P25]. */
export function requireTestDatabase(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.PKL_TEST_DATABASE_URL || null;
  if (!url && env.CI) throw new Error('CI: PKL_TEST_DATABASE_URL is not set; the Postgres tests cannot be skipped');
  return url;
}

const schemas = new Map<string, string>();

/** A fresh schema name, once per data directory. */
export function testSchemaFor(dataDir: string): string {
  let schema = schemas.get(dataDir);
  if (!schema) {
    schema = `t_${randomBytes(8).toString('hex')}`;
    schemas.set(dataDir, schema);
  }
  return schema;
}

/** The store settings of a test server with this data directory. */
export function testStoreConfig(dataDir: string): Pick<Config, 'databaseUrl' | 'databaseSchema'> {
  if (!onPostgres) return { databaseUrl: null, databaseSchema: 'public' };
  return { databaseUrl: testDatabaseUrl, databaseSchema: testSchemaFor(dataDir) };
}

/** The same, as environment variables for a server in a child process. */
export function testStoreEnv(dataDir: string): Record<string, string> {
  const c = testStoreConfig(dataDir);
  return c.databaseUrl ? { PKL_DATABASE_URL: c.databaseUrl, PKL_DATABASE_SCHEMA: c.databaseSchema } : {};
}

/** The store of a test server's data directory, opened directly (to plant or inspect rows while it is stopped). */
export function openTestStore(dataDir: string): Promise<Store> {
  return openStore({ dataDir, ...testStoreConfig(dataDir) });
}

/** Drops the schemas this test file made (with the temp directories, after the file's tests). */
export async function dropTestSchemas(): Promise<void> {
  if (!testDatabaseUrl || schemas.size === 0) return;
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    for (const schema of schemas.values()) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    schemas.clear();
    await client.end();
  }
}
