import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CARD_TEXT_LIMIT_DEFAULT, CARD_TEXT_LIMIT_MAX, CARD_TEXT_LIMIT_MIN } from '../shared/cardLength.js';

/** Everything the server can be configured with, parsed once at start (see README, Configuration). */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /**
   * postgres://… to keep everything in Postgres instead of the SQLite file in dataDir (PKL_DATABASE_URL,
   * [P20]). Then every workshop is served under a lease ([Z2]), so several nodes may share the database
   * (docs/decisions/0031).
   */
  databaseUrl: string | null;
  /** The Postgres schema for our tables (PKL_DATABASE_SCHEMA): several installations can share a database. */
  databaseSchema: string;
  /** Built client (vite build output); the server serves it when present. */
  staticDir: string;
  /** Largest websocket frame accepted; larger frames close the connection with TOO_LARGE. */
  maxFrameBytes: number;
  /** Messages per second per participant (token bucket refill), burst = 4× that. */
  maxMessagesPerSecond: number;
  maxConnectionsPerToken: number;
  /** Open websocket connections per client address; high, because a whole workshop shares one Wi-Fi. */
  maxConnectionsPerAddress: number;
  /**
   * Websocket connect attempts per address ([T19]): a token bucket, refused with HTTP 429 before the
   * upgrade costs anything. The burst lets a whole venue reconnect at once when its Wi-Fi comes back.
   */
  connectsPerSecond: number;
  connectBurst: number;
  /** Addresses whose connect attempts are remembered at most (memory bound, [T20]). */
  connectAddressesTracked: number;
  /** Presence (awareness) messages per second per connection, burst 2×; cursors move a lot but not this much. */
  maxAwarenessPerSecond: number;
  /** Structs plus delete ranges accepted in one Yjs update; more closes with TOO_LARGE (T5). */
  maxStructsPerUpdate: number;
  /** Stored size of one document (snapshot plus update log); a change beyond it closes with TOO_LARGE (T5). */
  maxDocBytes: number;
  /** Update bytes per participant per second (burst: 4 MiB or two frames); more closes with SLOW_DOWN (T5). */
  maxBytesPerSecond: number;
  /** Largest presence state (JSON bytes); larger closes with TOO_LARGE (T8). */
  maxPresenceBytes: number;
  /** Presence bytes per second per connection (burst 2×); more closes with SLOW_DOWN (T8). */
  maxPresenceBytesPerSecond: number;
  maxHttpBodyBytes: number;
  /** Per-address requests per minute: join-code lookups, joins, workshop creations (T11). */
  lookupsPerMinute: number;
  joinsPerMinute: number;
  createsPerMinute: number;
  /** Believe X-Forwarded-For (only behind a reverse proxy you run). */
  trustProxy: boolean;
  /** Largest backup file accepted for import. */
  maxImportBytes: number;
  /** A room without connections is unloaded from memory after this long. */
  idleUnloadMs: number;
  /** Compact a room's update log into a snapshot after this many rows or bytes. */
  compactAfterRows: number;
  compactAfterBytes: number;
  /**
   * The demo workshop offered as one click: a file in the demo format, where `{lang}` stands for the
   * language the person uses (the built-in demo: `server/workshops/demo/demo-workshop.{lang}.json`);
   * null disables it.
   */
  demoFixturePath: string | null;
  /** Card text limit of a workshop whose facilitator set none (PKL_CARD_TEXT_MAX, [H4]). */
  cardTextMax: number;
  /** PKL_NODE_NAME: this node in logs and in the lease audit (default host name and process id). */
  nodeName: string;
  /** PKL_LEASE_AUDIT=1: record every lease take and release in the table pkl_lease_log ([Z4]). */
  leaseAudit: boolean;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULTS: Config = {
  host: '0.0.0.0',
  port: 8080,
  dataDir: path.join(repoRoot, 'data'),
  databaseUrl: null,
  databaseSchema: 'public',
  staticDir: path.join(repoRoot, 'dist', 'client'),
  maxFrameBytes: 1024 * 1024,
  maxMessagesPerSecond: 200,
  maxConnectionsPerToken: 20,
  maxConnectionsPerAddress: 500,
  connectsPerSecond: 50,
  connectBurst: 400,
  connectAddressesTracked: 50_000,
  maxAwarenessPerSecond: 30,
  maxStructsPerUpdate: 20_000,
  maxDocBytes: 16 * 1024 * 1024,
  maxBytesPerSecond: 256 * 1024,
  maxPresenceBytes: 2048,
  maxPresenceBytesPerSecond: 16 * 1024,
  maxHttpBodyBytes: 64 * 1024,
  lookupsPerMinute: 60,
  joinsPerMinute: 300,
  createsPerMinute: 30,
  trustProxy: false,
  maxImportBytes: 50 * 1024 * 1024,
  idleUnloadMs: 30_000,
  compactAfterRows: 500,
  compactAfterBytes: 1024 * 1024,
  demoFixturePath: path.join(repoRoot, 'server', 'workshops', 'demo', 'demo-workshop.{lang}.json'),
  cardTextMax: CARD_TEXT_LIMIT_DEFAULT,
  nodeName: `${os.hostname()}-${process.pid}`,
  leaseAudit: false,
};

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

function databaseUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  if (!/^postgres(ql)?:\/\//.test(raw)) throw new Error('PKL_DATABASE_URL must start with postgres://');
  return raw;
}

function schemaName(raw: string | undefined): string {
  if (!raw) return DEFAULTS.databaseSchema;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(raw)) throw new Error('PKL_DATABASE_SCHEMA must be a lower-case SQL name');
  return raw;
}

export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.PKL_HOST || DEFAULTS.host,
    port: int(env, 'PORT', DEFAULTS.port, 0, 65535),
    dataDir: path.resolve(env.PKL_DATA_DIR || DEFAULTS.dataDir),
    databaseUrl: databaseUrl(env.PKL_DATABASE_URL),
    databaseSchema: schemaName(env.PKL_DATABASE_SCHEMA),
    staticDir: path.resolve(env.PKL_STATIC_DIR || DEFAULTS.staticDir),
    maxFrameBytes: int(env, 'PKL_MAX_FRAME_BYTES', DEFAULTS.maxFrameBytes, 1024, 64 * 1024 * 1024),
    maxMessagesPerSecond: int(env, 'PKL_MAX_MESSAGES_PER_SECOND', DEFAULTS.maxMessagesPerSecond, 1, 100_000),
    maxConnectionsPerToken: int(env, 'PKL_MAX_CONNECTIONS_PER_TOKEN', DEFAULTS.maxConnectionsPerToken, 1, 10_000),
    maxConnectionsPerAddress: int(
      env,
      'PKL_MAX_CONNECTIONS_PER_ADDRESS',
      DEFAULTS.maxConnectionsPerAddress,
      1,
      100_000,
    ),
    connectsPerSecond: int(env, 'PKL_CONNECTS_PER_SECOND', DEFAULTS.connectsPerSecond, 1, 1_000_000),
    connectBurst: int(env, 'PKL_CONNECT_BURST', DEFAULTS.connectBurst, 1, 1_000_000),
    connectAddressesTracked: int(
      env,
      'PKL_CONNECT_ADDRESSES_TRACKED',
      DEFAULTS.connectAddressesTracked,
      100,
      10_000_000,
    ),
    maxAwarenessPerSecond: int(env, 'PKL_MAX_AWARENESS_PER_SECOND', DEFAULTS.maxAwarenessPerSecond, 1, 10_000),
    maxStructsPerUpdate: int(env, 'PKL_MAX_STRUCTS_PER_UPDATE', DEFAULTS.maxStructsPerUpdate, 100, 10_000_000),
    maxDocBytes: int(env, 'PKL_MAX_DOC_BYTES', DEFAULTS.maxDocBytes, 64 * 1024, 1024 * 1024 * 1024),
    maxBytesPerSecond: int(env, 'PKL_MAX_BYTES_PER_SECOND', DEFAULTS.maxBytesPerSecond, 1024, 1024 * 1024 * 1024),
    maxPresenceBytes: int(env, 'PKL_MAX_PRESENCE_BYTES', DEFAULTS.maxPresenceBytes, 256, 1024 * 1024),
    maxPresenceBytesPerSecond: int(
      env,
      'PKL_MAX_PRESENCE_BYTES_PER_SECOND',
      DEFAULTS.maxPresenceBytesPerSecond,
      1024,
      64 * 1024 * 1024,
    ),
    maxHttpBodyBytes: DEFAULTS.maxHttpBodyBytes,
    lookupsPerMinute: int(env, 'PKL_LOOKUPS_PER_MINUTE', DEFAULTS.lookupsPerMinute, 1, 1_000_000),
    joinsPerMinute: int(env, 'PKL_JOINS_PER_MINUTE', DEFAULTS.joinsPerMinute, 1, 1_000_000),
    createsPerMinute: int(env, 'PKL_CREATES_PER_MINUTE', DEFAULTS.createsPerMinute, 1, 1_000_000),
    trustProxy: env.PKL_TRUST_PROXY === '1' || env.PKL_TRUST_PROXY === 'true',
    maxImportBytes: int(env, 'PKL_MAX_IMPORT_BYTES', DEFAULTS.maxImportBytes, 1024, 1024 * 1024 * 1024),
    idleUnloadMs: int(env, 'PKL_IDLE_UNLOAD_MS', DEFAULTS.idleUnloadMs, 0, 24 * 3600 * 1000),
    compactAfterRows: int(env, 'PKL_COMPACT_AFTER_ROWS', DEFAULTS.compactAfterRows, 1, 1_000_000),
    compactAfterBytes: DEFAULTS.compactAfterBytes,
    demoFixturePath:
      env.PKL_DEMO_FIXTURE === 'off'
        ? null
        : env.PKL_DEMO_FIXTURE
          ? path.resolve(env.PKL_DEMO_FIXTURE)
          : DEFAULTS.demoFixturePath,
    cardTextMax: int(env, 'PKL_CARD_TEXT_MAX', DEFAULTS.cardTextMax, CARD_TEXT_LIMIT_MIN, CARD_TEXT_LIMIT_MAX),
    // Unique per start: a restarted node is another holder in the lease audit.
    nodeName: `${env.PKL_NODE_NAME || os.hostname()}-${process.pid}`,
    leaseAudit: env.PKL_LEASE_AUDIT === '1',
  };
}
