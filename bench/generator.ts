import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pin, stopChild, track } from './children.js';
import type { FromWorker, RoomSpec, RunParams, RunResult, ToWorker } from './types.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * A bigger young generation for the load generator only (never for the servers): the providers
 * allocate a little per message, and with the default semi-space the scavenger took about a quarter
 * of the generator's CPU. Override with BENCH_WORKER_NODE_ARGS.
 */
export const WORKER_NODE_ARGS = (process.env.BENCH_WORKER_NODE_ARGS ?? '--max-semi-space-size=64')
  .split(' ')
  .filter(Boolean);

/** The load generator: W worker processes; each room (all its clients) lives in one worker. */
export class Generator {
  private constructor(private readonly workers: ChildProcess[]) {}

  get pids(): number[] {
    return this.workers.map((w) => w.pid!);
  }

  static async start(rooms: RoomSpec[], workerCount: number, pinCpus: string | null): Promise<Generator> {
    const n = Math.max(1, Math.min(workerCount, rooms.length));
    const workers = Array.from({ length: n }, (_, i) =>
      track(
        // The index seeds the worker's random write phases: the same on every run, different per worker.
        fork(path.join(here, 'loadWorker.ts'), [String(i)], {
          execArgv: ['--import', 'tsx', ...WORKER_NODE_ARGS],
          serialization: 'advanced',
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        }),
      ),
    );
    if (pinCpus) for (const w of workers) await pin(w.pid!, pinCpus);
    const gen = new Generator(workers);
    // Rooms round-robin over the workers.
    const parts: RoomSpec[][] = workers.map(() => []);
    rooms.forEach((r, i) => parts[i % n].push(r));
    await Promise.all(workers.map((w, i) => gen.request(w, { type: 'setup', rooms: parts[i] }, 'ready', 180_000)));
    return gen;
  }

  private request(w: ChildProcess, msg: ToWorker, expect: FromWorker['type'], timeoutMs: number): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`load worker ${w.pid}: no '${expect}' within ${timeoutMs} ms`));
      }, timeoutMs);
      const onMessage = (m: FromWorker) => {
        if (m.type === 'error') {
          cleanup();
          reject(new Error(`load worker ${w.pid}: ${m.message}`));
        } else if (m.type === expect) {
          cleanup();
          resolve(m);
        }
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`load worker ${w.pid} exited (${code}) while waiting for '${expect}'`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('exit', onExit);
      };
      w.on('message', onMessage);
      w.once('exit', onExit);
      w.send(msg);
    });
  }

  async run(params: RunParams): Promise<RunResult[]> {
    const timeout = params.startAt - Date.now() + params.warmupMs + params.measureMs + params.watchMs + 60_000;
    const replies = await Promise.all(
      this.workers.map((w) => this.request(w, { type: 'run', params }, 'result', timeout)),
    );
    return replies.map((r) => (r as Extract<FromWorker, { type: 'result' }>).result);
  }

  async close(): Promise<void> {
    for (const w of this.workers) if (w.connected) w.send({ type: 'close' } satisfies ToWorker);
    const exited = (w: ChildProcess) =>
      new Promise<void>((resolve) =>
        w.exitCode !== null || w.signalCode !== null ? resolve() : w.once('exit', () => resolve()),
      );
    await Promise.race([Promise.all(this.workers.map(exited)), new Promise((r) => setTimeout(r, 3000))]);
    await Promise.all(this.workers.map((w) => stopChild(w, 'SIGTERM', 3000)));
  }
}
