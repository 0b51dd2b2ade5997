import type { Config } from '../config.js';
import { PostgresStore } from './PostgresStore.js';
import { SqliteStore } from './SqliteStore.js';
import type { Store } from './Store.js';

/**
 * The store the configuration asks for [P20]: Postgres when PKL_DATABASE_URL is set, otherwise the
 * SQLite file in the data directory (the default: nothing to install).
 */
export async function openStore(config: Pick<Config, 'dataDir' | 'databaseUrl' | 'databaseSchema'>): Promise<Store> {
  if (config.databaseUrl) return PostgresStore.open({ url: config.databaseUrl, schema: config.databaseSchema });
  return new SqliteStore(config.dataDir);
}
