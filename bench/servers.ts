import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import type { CreateWorkshopResponse, JoinResponse, WorkshopInfo } from '../shared/api.js';
import { SYNC_PATH, roomName } from '../shared/protocol.js';
import type { WorkshopId } from '../shared/ids.js';
import { randomId } from '../shared/ids.js';
import { startChildServer } from '../server/test/childServer.js';
import { removeDir, stopChild, track, trackDir } from './children.js';
import type { ClientSpec, RoomSpec } from './types.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export type ServerKind = 'ours' | 'reference' | 'hocuspocus';

export interface Target {
  kind: ServerKind;
  label: string;
  pid: number;
  port: number;
  httpUrl: string;
  child: ChildProcess;
  /** Create R rooms of C clients (workshops and one participant per client on our server). */
  makeRooms(rooms: number, clients: number): Promise<RoomSpec[]>;
  stop(): Promise<void>;
}

/**
 * Environment of our server in the bench. Every bench client connects from 127.0.0.1, so the
 * per-address limits (connections, default 500, and connect attempts, burst 400: meant for one
 * venue's Wi-Fi) are lifted; per-token limits stay at their defaults because every simulated client
 * is its own participant.
 */
export function ourBenchEnv(rate: number): Record<string, string> {
  const env: Record<string, string> = {
    PKL_MAX_CONNECTIONS_PER_ADDRESS: '100000',
    PKL_CONNECTS_PER_SECOND: '1000000',
    PKL_CONNECT_BURST: '1000000',
    PKL_JOINS_PER_MINUTE: '1000000',
    PKL_CREATES_PER_MINUTE: '1000000',
  };
  // Default 200 messages/s per participant (burst 4×); only a ramp far beyond typing speed needs more.
  if (rate * 1.5 > 200) env.PKL_MAX_MESSAGES_PER_SECOND = String(Math.ceil(rate * 2));
  return env;
}

async function json<T>(url: string, method: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

async function inBatches<T>(n: number, concurrency: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await fn(i);
      }
    }),
  );
  return out;
}

const PARTNERS = ['Gemeente', 'Wijkteam', 'Woningcorporatie', 'Vrijwilligers', 'Mantelzorgers'];

/**
 * Rooms on our server (or on a cluster, through HAProxy): R workshops of C participants, each with its
 * own token, created over the HTTP API at `httpUrl`; the clients connect to `wsPort`.
 */
export function ourRooms(httpUrl: string, wsPort: number): Target['makeRooms'] {
  return (rooms, clients) =>
    inBatches(rooms, 4, async (r) => {
      const created = await json<CreateWorkshopResponse>(`${httpUrl}/api/workshops`, 'POST', {
        title: `Bench ${r + 1}`,
        partners: PARTNERS,
      });
      const info = await json<WorkshopInfo>(`${httpUrl}/api/workshops/${created.id}`, 'GET');
      const specs = await inBatches(clients, 4, async (i): Promise<ClientSpec> => {
        const partner = info.partners[i % info.partners.length].id;
        const name = `Deelnemer ${i + 1}`;
        const joined = await json<JoinResponse>(`${httpUrl}/api/workshops/${created.id}/participants`, 'POST', {
          name,
          partner,
          role: 'citizen',
        });
        return { params: { token: joined.token }, name, author: joined.participantId, partner };
      });
      return {
        serverUrl: `ws://127.0.0.1:${wsPort}${SYNC_PATH}`,
        room: roomName(created.id, 'map:joint'),
        clients: specs,
        provider: 'y-websocket',
      };
    });
}

export async function startOurs(env: Record<string, string>): Promise<Target> {
  const dataDir = trackDir(fs.mkdtempSync(path.join(os.tmpdir(), 'pkl-bench-')));
  // BENCH_PROFILE=dir: a V8 CPU profile of our server per run, written when it stops (bench/profileSummary.ts reads it).
  const profile = process.env.BENCH_PROFILE;
  const server = await startChildServer(dataDir, env, profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []);
  track(server.child);
  const httpUrl = server.url;
  return {
    kind: 'ours',
    label: 'ours',
    pid: server.child.pid!,
    port: server.port,
    httpUrl,
    child: server.child,
    makeRooms: ourRooms(httpUrl, server.port),
    async stop() {
      await stopChild(server.child, 'SIGTERM', 5000);
      removeDir(dataDir);
    },
  };
}

/** A comparison server in its own process (a script of this folder that prints `<marker> <port>`). */
async function startScript(
  kind: Exclude<ServerKind, 'ours'>,
  script: string,
  marker: string,
  env: Record<string, string>,
  cleanup: () => void = () => {},
): Promise<Target> {
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', path.join(here, script)], {
      cwd: path.resolve(here, '..'),
      env: { ...process.env, PORT: '0', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start:\n${output}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = new RegExp(`${marker} (\\d+)`).exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 100_000) output = output.slice(-50_000);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} server exited with ${code}:\n${output}`));
    });
  });
  return {
    kind,
    label: kind,
    pid: child.pid!,
    port,
    httpUrl: `http://127.0.0.1:${port}`,
    child,
    async makeRooms(rooms, clients) {
      return Array.from({ length: rooms }, () => {
        const workshop = randomId(26) as WorkshopId;
        const specs: ClientSpec[] = Array.from({ length: clients }, (_, i) => ({
          params: {},
          name: `Deelnemer ${i + 1}`,
          author: '',
          partner: '',
        }));
        return {
          serverUrl: `ws://127.0.0.1:${port}`,
          room: roomName(workshop, 'map:joint'),
          clients: specs,
          provider: kind === 'hocuspocus' ? 'hocuspocus' : 'y-websocket',
        };
      });
    },
    async stop() {
      await stopChild(child, 'SIGTERM', 3000);
      cleanup();
    },
  };
}

export function startReference(): Promise<Target> {
  return startScript('reference', 'referenceServer.ts', 'REF_LISTENING', {});
}

/** Hocuspocus with its SQLite extension, the database a file in a temp dir (hocuspocusServer.ts). */
export function startHocuspocus(): Promise<Target> {
  const dataDir = trackDir(fs.mkdtempSync(path.join(os.tmpdir(), 'pkl-bench-hocus-')));
  return startScript(
    'hocuspocus',
    'hocuspocusServer.ts',
    'HOCUS_LISTENING',
    {
      HOCUS_DB: path.join(dataDir, 'hocuspocus.sqlite'),
    },
    () => removeDir(dataDir),
  );
}

export function startTarget(kind: ServerKind, rate: number): Promise<Target> {
  if (kind === 'ours') return startOurs(ourBenchEnv(rate));
  return kind === 'hocuspocus' ? startHocuspocus() : startReference();
}
