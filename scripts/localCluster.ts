import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * The cluster of docs/decisions/0031 on one machine, from ordinary parts: a throwaway Postgres, HAProxy
 * with deploy/haproxy.cfg, and N server processes. Used by `npm run cluster`, the cluster test and the
 * cluster bench. Everything lives in one temp directory, removed by stop().
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts TCP connections on the port (polled, no fixed wait). */
async function portOpen(port: number, what: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() - start > timeoutMs) throw new Error(`${what} did not open port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function postgresBin(name: string): string {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const file = path.join(base, v, 'bin', name);
    if (fs.existsSync(file)) return file;
  }
  return name;
}

/** Postgres refuses to run as root; then it runs as the `postgres` user of the Debian package. */
function asDbUser(cmd: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

export interface LocalPostgres {
  url: string;
  stop(): Promise<void>;
}

/** A fresh Postgres in `dir` (initdb), listening on 127.0.0.1 only, trusting local connections. */
export async function startPostgres(dir: string): Promise<LocalPostgres> {
  const data = path.join(dir, 'pgdata');
  fs.mkdirSync(data, { recursive: true });
  if (process.getuid?.() === 0) {
    fs.chmodSync(dir, 0o755);
    spawnSync('chown', ['-R', 'postgres:postgres', data]);
  }
  const [initCmd, initArgs] = asDbUser(postgresBin('initdb'), ['-D', data, '-U', 'pkl', '--auth=trust', '-E', 'UTF8']);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  const [cmd, args] = asDbUser(postgresBin('postgres'), [
    '-D',
    data,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${data}`,
    '-c',
    'max_connections=200',
  ]);
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-4000)));
  const url = `postgres://pkl@127.0.0.1:${port}/postgres`;
  const start = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited:\n${log}`);
    const client = new pg.Client({ connectionString: url });
    const ok = await client.connect().then(
      () => client.end().then(() => true),
      () => false,
    );
    if (ok) break;
    if (Date.now() - start > 30_000) throw new Error(`postgres did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** deploy/haproxy.cfg without its "deploy only" lines, bound to `port`, with these nodes as servers. */
export function localHaproxyConfig(port: number, nodePorts: readonly number[], statsSocket: string): string {
  const lines = fs
    .readFileSync(path.join(root, 'deploy', 'haproxy.cfg'), 'utf8')
    .split('\n')
    .filter((l) => !l.includes('# deploy only'));
  const out: string[] = [];
  for (const line of lines) {
    out.push(line);
    if (/^frontend\s/.test(line)) out.push(`    bind 127.0.0.1:${port}`, '    http-response set-header x-node %s');
    // The local cluster asks HAProxy which nodes it sees as up (the test waits for it, no fixed wait).
    if (/^global/.test(line)) out.push(`    stats socket ${statsSocket} mode 600 level admin`, '    maxconn 4000');
  }
  out.push(...nodePorts.map((p, i) => `    server node${i + 1} 127.0.0.1:${p}`), '');
  return out.join('\n');
}

export interface LocalHaproxy {
  port: number;
  url: string;
  /** Server name → HAProxy's status of it ("UP", "DOWN", …), from its stats socket. */
  status(): Promise<Map<string, string>>;
  stop(): Promise<void>;
}

function askHaproxy(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const s = net.connect(socket, () => s.write(`${command}\n`));
    s.on('data', (c) => (out += c.toString()));
    s.once('end', () => resolve(out));
    s.once('error', reject);
  });
}

export async function startHaproxy(dir: string, nodePorts: readonly number[]): Promise<LocalHaproxy> {
  const port = await freePort();
  const file = path.join(dir, 'haproxy.cfg');
  const socket = path.join(dir, 'haproxy.sock');
  fs.writeFileSync(file, localHaproxyConfig(port, nodePorts, socket));
  // -db: stay in the foreground; -W: master-worker, so SIGTERM stops it cleanly.
  const child = spawn('haproxy', ['-db', '-W', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-4000)));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`haproxy exited with ${code}:\n${log}`))),
  );
  exited.catch(() => {});
  await Promise.race([portOpen(port, 'haproxy'), exited]);
  const status = async () => {
    // CSV: pxname,svname,…; the status is column 18.
    const rows = (await askHaproxy(socket, 'show stat')).split('\n').map((l) => l.split(','));
    return new Map(rows.filter((r) => r[0] === 'nodes' && r[1]?.startsWith('node')).map((r) => [r[1], r[17]]));
  };
  return { port, url: `http://127.0.0.1:${port}`, status, stop: () => stopChild(child) };
}

/** A node: the real server (`node --import tsx server/main.ts`) in its own process, so it can be SIGKILLed. */
export interface NodeProcess {
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Resolves when the node says it listens; a busy 2-core machine may take its time to start one. */
function spawnNode(
  env: Record<string, string>,
  nodeArgs: string[],
  keep: (chunk: Buffer) => void,
): Promise<NodeProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(root, 'server', 'main.ts')], {
    cwd: root,
    env: { ...process.env, PKL_HOST: '127.0.0.1', PKL_DEMO_FIXTURE: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const node: NodeProcess = { child, kill: (signal = 'SIGKILL') => stopChild(child, signal) };
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void node.kill();
      reject(new Error(`node did not start in 90 s:\n${out}`));
    }, 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/PKL_LISTENING \d+/.test(out)) {
        clearTimeout(timer);
        resolve(node);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node exited with ${code}:\n${out}`));
    });
  });
}

export interface ClusterNode {
  name: string;
  port: number;
  server: NodeProcess | null;
  /** The last lines the node printed (all of its starts), to show when something fails. */
  log: string[];
}

export interface LocalCluster {
  dir: string;
  postgres: LocalPostgres;
  haproxy: LocalHaproxy;
  nodes: ClusterNode[];
  /** Start (or restart) node i on its port. */
  startNode(i: number): Promise<void>;
  /** SIGKILL node i; resolves once the process is gone. */
  killNode(i: number): Promise<void>;
  /** Resolves once HAProxy sees node i as up (its health checks passed). */
  waitNodeUp(i: number): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  nodes: number;
  /** Extra environment for every node. */
  env?: Record<string, string>;
  /** Passed to node itself (e.g. --cpu-prof). */
  nodeArgs?: string[];
}

export async function startCluster(opts: ClusterOptions): Promise<LocalCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pkl-cluster-'));
  const postgres = await startPostgres(dir);
  const nodes: ClusterNode[] = [];
  for (let i = 0; i < opts.nodes; i++)
    nodes.push({ name: `node${i + 1}`, port: await freePort(), server: null, log: [] });
  const startNode = async (i: number) => {
    const node = nodes[i];
    // One data directory for all: with PKL_DATABASE_URL the documents are in Postgres, and what a node
    // still keeps on disk (if anything) is then shared as a volume would be.
    const dataDir = path.join(dir, 'data');
    fs.mkdirSync(dataDir, { recursive: true });
    const keep = (chunk: Buffer) => {
      node.log.push(...chunk.toString().split('\n').filter(Boolean));
      node.log.splice(0, node.log.length - 200);
    };
    node.server = await spawnNode(
      {
        PORT: String(node.port),
        PKL_DATA_DIR: dataDir,
        PKL_DATABASE_URL: postgres.url,
        PKL_NODE_NAME: node.name,
        PKL_LEASE_AUDIT: '1',
        PKL_TRUST_PROXY: '1',
        ...opts.env,
      },
      opts.nodeArgs ?? [],
      keep,
    );
  };
  let haproxy: LocalHaproxy | null = null;
  const stop = async () => {
    await Promise.all(nodes.map((n) => n.server?.kill('SIGTERM')));
    await haproxy?.stop();
    await postgres.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    // One at a time: the first creates the schema, and a 2-core machine starts them no faster at once.
    for (let i = 0; i < nodes.length; i++) await startNode(i);
    haproxy = await startHaproxy(
      dir,
      nodes.map((n) => n.port),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const proxy = haproxy;
  const cluster: LocalCluster = {
    dir,
    postgres,
    haproxy: proxy,
    nodes,
    startNode,
    async killNode(i) {
      await nodes[i].server?.kill('SIGKILL');
      nodes[i].server = null;
    },
    async waitNodeUp(i) {
      const start = Date.now();
      while ((await proxy.status()).get(nodes[i].name) !== 'UP') {
        if (Date.now() - start > 30_000) throw new Error(`haproxy never saw ${nodes[i].name} up`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop,
  };
  for (let i = 0; i < nodes.length; i++) await cluster.waitNodeUp(i);
  return cluster;
}
