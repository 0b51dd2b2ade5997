import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { CreateWorkshopResponse, JoinResponse } from '../../shared/api.js';
import type { ParticipantId, PartnerId } from '../../shared/ids.js';
import type { ParticipantRole } from '../../shared/roles.js';
import { SYNC_PATH, roomName, type DocName } from '../../shared/protocol.js';
import { readMap } from '../../shared/readModel.js';
import { startApp, type App } from '../app.js';
import { DEFAULTS, type Config } from '../config.js';
import { dropTestSchemas, testStoreConfig } from './testStore.js';

const tempDirs = new Set<string>();

/**
 * Test fixtures: a real server on port 0 with a real SQLite file in a fresh temp directory. The
 * directories are removed after each test file (`removeTempDirs`, run by `server/test/cleanup.ts`),
 * not when a server closes: restart tests reopen the same directory.
 */
export function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pkl-test-'));
  tempDirs.add(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
  await dropTestSchemas();
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  // Tests create and join far faster than people do; the rate-limit tests set their own limits.
  const rates = {
    lookupsPerMinute: 1_000_000,
    joinsPerMinute: 1_000_000,
    createsPerMinute: 1_000_000,
    connectsPerSecond: 1_000_000,
    connectBurst: 1_000_000,
  };
  const dataDir = overrides.dataDir ?? tempDataDir();
  return {
    ...DEFAULTS,
    host: '127.0.0.1',
    port: 0,
    dataDir,
    // SQLite, or Postgres in a schema of this data directory (PKL_TEST_STORE, server/test/testStore.ts).
    ...testStoreConfig(dataDir),
    demoFixturePath: null,
    ...rates,
    ...overrides,
  };
}

const quiet = () => {};

export async function startTestServer(overrides: Partial<Config> = {}): Promise<App & { config: Config }> {
  const config = testConfig(overrides);
  const app = await startApp(config, quiet);
  return Object.assign(app, { config });
}

export async function api<T>(
  baseUrl: string,
  method: string,
  pathname: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(baseUrl + pathname, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  // Whoever joins through the API is remembered, so a test's cards can be by them ([H1]).
  const joined = json as { participantId?: unknown; token?: unknown };
  if (method === 'POST' && res.status === 201 && /\/participants$/.test(pathname) && typeof joined.token === 'string') {
    const b = body as { name?: string; partner?: string };
    identities.set(joined.token, {
      author: String(joined.participantId) as ParticipantId,
      authorName: b.name ?? '',
      partner: (b.partner ?? '') as PartnerId,
    });
  }
  return { status: res.status, body: json };
}

export interface TestWorkshop {
  id: string;
  facilitatorToken: string;
  projectorPath: string;
  joinCode: string;
  /** Joins as `name` of the partner at `partnerIndex`: their token. */
  participant(name?: string, partnerIndex?: number, role?: ParticipantRole): Promise<string>;
  /** The same, with the participant's id. */
  join(name?: string, partnerIndex?: number, role?: ParticipantRole): Promise<JoinResponse>;
  partners: { id: string; name: string }[];
}

export async function createWorkshop(baseUrl: string, partners = ['Gemeente', 'Wijkteam']): Promise<TestWorkshop> {
  const created = await api<CreateWorkshopResponse>(baseUrl, 'POST', '/api/workshops', { title: 'Test', partners });
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  const info = await api<{ partners: { id: string; name: string }[] }>(
    baseUrl,
    'GET',
    `/api/workshops/${created.body.id}`,
  );
  const join = async (name = 'Anna', partnerIndex = 0, role: ParticipantRole = 'professional') => {
    const joined = await api<JoinResponse>(baseUrl, 'POST', `/api/workshops/${created.body.id}/participants`, {
      name,
      partner: info.body.partners[partnerIndex].id,
      role,
    });
    if (joined.status !== 201) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
    return joined.body;
  };
  return {
    id: created.body.id,
    facilitatorToken: created.body.facilitatorToken,
    projectorPath: created.body.projectorPath,
    joinCode: created.body.joinCode,
    partners: info.body.partners,
    join,
    participant: async (name, partnerIndex, role) => (await join(name, partnerIndex, role)).token,
  };
}

/** Who a participant token is (filled in when a test joins): a card they write is by them ([H1]). */
const identities = new Map<string, CardIdentity>();

export interface CardIdentity {
  author: ParticipantId | '';
  authorName: string;
  partner: PartnerId | '';
}

/** The author fields of a card written by the owner of `token` (the facilitator's: empty, they are trusted). */
export function identityOf(token: string): CardIdentity {
  return identities.get(token) ?? { author: '', authorName: 'Begeleider', partner: '' };
}

export interface TestClient {
  doc: Y.Doc;
  /** The author fields for a card this client writes as itself. */
  me: CardIdentity;
  provider: WebsocketProvider;
  closes: { code: number; reason: string }[];
  destroy(): void;
}

/** A real upstream y-websocket provider, as a browser would use it (BroadcastChannel off). */
export function connectClient(
  port: number,
  workshopId: string,
  doc: DocName,
  token: string,
  ydoc = new Y.Doc(),
): TestClient {
  const closes: { code: number; reason: string }[] = [];
  const provider = new WebsocketProvider(
    `ws://127.0.0.1:${port}${SYNC_PATH}`,
    roomName(workshopId as never, doc),
    ydoc,
    {
      params: { token },
      WebSocketPolyfill: WebSocket as never,
      disableBc: true,
      maxBackoffTime: 200,
    },
  );
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc: ydoc,
    me: identityOf(token),
    provider,
    closes,
    destroy() {
      provider.destroy();
      ydoc.destroy();
    },
  };
}

/**
 * Test options (`it(name, heavy, fn)`): the time limit of a test that does a lot of work on purpose (a 12 MB import, a 40 MB upload, a flood
 * of 50 kB updates). Measured on the shared 2-core machine under load: 15-29 s each, so the default
 * 30 s failed whenever another heavy file ran next to it; the work, not a wait, is what takes long.
 */
export const heavy = { timeout: 90_000 };

/** Poll a condition without fixed sleeps; fails with the message after the timeout. */
export async function waitFor(condition: () => boolean, message: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for: ${message}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const synced = (c: TestClient) => waitFor(() => c.provider.synced, 'client synced');

/** Like waitFor, for conditions that need I/O (an API call) to check. */
export async function waitForAsync(
  condition: () => Promise<boolean>,
  message: string,
  timeoutMs = 10_000,
): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for: ${message}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A map document's read model as canonical JSON (object keys sorted), to compare two replicas:
 * Y.Map keeps keys in the order its entries were integrated, which differs between replicas that
 * received concurrent writes in another order.
 */
export function mapJson(doc: Y.Doc): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sorted(readMap(doc)));
}
