import type { Worker } from 'node:worker_threads';
import { startWorker } from '../threads/startWorker.js';
import type { ClientOwner, DocWriter, StoredUpdate } from './Store.js';

export type WriterRequest =
  | { id: number; op: 'append'; updates: readonly StoredUpdate[]; owners: readonly ClientOwner[] }
  | { id: number; op: 'compact'; room: string; workshopId: string; state: Uint8Array }
  | { id: number; op: 'close' };
export type WriterReply = { id: number; ok: true } | { id: number; ok: false; message: string };

type Op = Omit<Extract<WriterRequest, { op: 'append' }>, 'id'> | Omit<Extract<WriterRequest, { op: 'compact' }>, 'id'>;

/**
 * The writes of live rooms in a worker thread with its own SQLite connection (WAL: the main thread
 * keeps reading while it commits). Requests are answered in order; a failed write rejects only its
 * own promise; a dead thread rejects everything pending and everything after, which the rooms treat
 * like a failed commit (they unload, clients resend).
 */
export class SqliteWriterThread implements DocWriter {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private last: Promise<void> = Promise.resolve();
  private dead: Error | null = null;

  constructor(file: string) {
    this.worker = startWorker(new URL('./sqliteWriter.worker.ts', import.meta.url), { file });
    this.worker.unref();
    this.worker.on('message', (reply: WriterReply) => {
      const w = this.waiting.get(reply.id);
      if (!w) return;
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) this.worker.unref();
      if (reply.ok) w.resolve();
      else w.reject(new Error(`write failed: ${reply.message}`));
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the writer thread stopped (exit code ${code})`)));
  }

  appendUpdates(updates: readonly StoredUpdate[], owners: readonly ClientOwner[] = []): Promise<void> {
    return this.request({ op: 'append', updates, owners });
  }

  compact(room: string, workshopId: string, state: Uint8Array): Promise<void> {
    return this.request({ op: 'compact', room, workshopId, state });
  }

  drain(): Promise<void> {
    return this.last;
  }

  async close(): Promise<void> {
    await this.drain();
    if (this.dead) return;
    const id = this.nextId++;
    const closed = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    // Kept alive until the thread has closed its connection (a script may have nothing else running).
    this.worker.ref();
    this.worker.postMessage({ id, op: 'close' } satisfies WriterRequest);
    await closed;
  }

  private request(op: Op): Promise<void> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    const done = new Promise<void>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    // Keeps the process alive while a write is on its way to disk.
    this.worker.ref();
    this.worker.postMessage({ id, ...op } as WriterRequest);
    this.last = done.catch(() => {});
    return done;
  }

  private fail(error: Error): void {
    this.dead ??= error;
    for (const w of this.waiting.values()) w.reject(this.dead);
    this.waiting.clear();
  }
}
