import type { MessagePort, Worker } from 'node:worker_threads';
import { startWorker } from '../threads/startWorker.js';
import type {
  ClientOwner,
  DocWriter,
  NewParticipant,
  NewVersion,
  ParticipantRecord,
  StoredUpdate,
  WorkshopRecord,
} from './Store.js';
import { JoinCodeTaken } from './Store.js';

type Op =
  | { op: 'append'; updates: readonly StoredUpdate[]; owners: readonly ClientOwner[] }
  | { op: 'compact'; room: string; workshopId: string; state: Uint8Array }
  | { op: 'import'; source: MessagePort; workshop: WorkshopRecord; people: readonly NewParticipant[] }
  | { op: 'createWorkshop'; workshop: WorkshopRecord; people: readonly NewParticipant[] }
  | { op: 'deleteWorkshop'; workshopId: string }
  | { op: 'addParticipant'; participant: Omit<ParticipantRecord, 'revoked'>; tokenHash: Uint8Array }
  | { op: 'revokeParticipant'; workshopId: string; participantId: string }
  | { op: 'insertVersion'; version: NewVersion };
export type WriterRequest = ({ id: number } & Op) | { id: number; op: 'close' };
export type WriterReply =
  | { id: number; ok: true; value?: unknown }
  | { id: number; ok: false; message: string; joinCodeTaken?: string };

/**
 * The writes of live rooms, and the large writes of an import, in a worker thread with its own
 * SQLite connection (WAL: the main thread keeps reading while it commits). Requests are answered in
 * order, but an import, which pulls its rows a slice at a time from the worker that checked them,
 * lets later requests go between its slices ([T18]); a failed write rejects only its own promise; a dead thread rejects everything pending and
 * everything after, which the rooms treat like a failed commit (they unload, clients resend).
 */
export class SqliteWriterThread implements DocWriter {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();
  /** Every request not answered yet (an import may finish after requests made later). */
  private readonly pending = new Set<Promise<unknown>>();
  private dead: Error | null = null;
  private closing: Promise<void> | null = null;

  constructor(file: string) {
    this.worker = startWorker(new URL('./sqliteWriter.worker.ts', import.meta.url), { file });
    this.worker.unref();
    this.worker.on('message', (reply: WriterReply) => {
      const w = this.waiting.get(reply.id);
      if (!w) return;
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) this.worker.unref();
      if (reply.ok) w.resolve(reply.value);
      else if (reply.joinCodeTaken !== undefined) w.reject(new JoinCodeTaken(reply.joinCodeTaken));
      else w.reject(new Error(`write failed: ${reply.message}`));
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the writer thread stopped (exit code ${code})`)));
  }

  /** Closed, closing or dead: takes no more writes. */
  get stopped(): boolean {
    return this.closing !== null || this.dead !== null;
  }

  appendUpdates(updates: readonly StoredUpdate[], owners: readonly ClientOwner[] = []): Promise<void> {
    return this.request({ op: 'append', updates, owners });
  }

  compact(room: string, workshopId: string, state: Uint8Array): Promise<void> {
    return this.request({ op: 'compact', room, workshopId, state });
  }

  /**
   * An import: its rows and the backup's people arrive on `source` from the worker that checked them
   * (importStream.ts), transferred to the thread with the port, so they never pass through this
   * thread ([T18]); each slice is one transaction, then the workshop with all its people in one. A
   * join code that is taken is replaced there. Resolves with the join code; on failure the thread has
   * removed what was written.
   */
  importWorkshop(source: MessagePort, workshop: WorkshopRecord, people: readonly NewParticipant[]): Promise<string> {
    return this.requestWithAnswer({ op: 'import', source, workshop, people }, [source]) as Promise<string>;
  }

  /**
   * The small writes of requests (a join, a removal, a version) go here too ([T18]): on the server's
   * thread each waited for an fsync, and for SQLite's write lock while this thread held it.
   */
  addParticipant(participant: Omit<ParticipantRecord, 'revoked'>, tokenHash: Uint8Array): Promise<void> {
    return this.request({ op: 'addParticipant', participant, tokenHash });
  }

  revokeParticipant(workshopId: string, participantId: string): Promise<boolean> {
    return this.requestWithAnswer({ op: 'revokeParticipant', workshopId, participantId }) as Promise<boolean>;
  }

  insertVersion(version: NewVersion): Promise<{ id: number; createdAt: number }> {
    return this.requestWithAnswer({ op: 'insertVersion', version }) as Promise<{ id: number; createdAt: number }>;
  }

  /** A workshop with its people in one transaction; rejects with JoinCodeTaken, having written nothing. */
  createWorkshop(workshop: WorkshopRecord, people: readonly NewParticipant[]): Promise<void> {
    return this.request({ op: 'createWorkshop', workshop, people });
  }

  deleteWorkshop(workshopId: string): Promise<void> {
    return this.request({ op: 'deleteWorkshop', workshopId });
  }

  drain(): Promise<void> {
    return Promise.allSettled([...this.pending]).then(() => {});
  }

  close(): Promise<void> {
    this.closing ??= this.finish();
    return this.closing;
  }

  private async finish(): Promise<void> {
    await this.drain();
    if (this.dead) return;
    const id = this.nextId++;
    const closed = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    // Kept alive until the thread has closed its connection (a script may have nothing else running).
    this.worker.ref();
    this.worker.postMessage({ id, op: 'close' } satisfies WriterRequest);
    await closed;
  }

  private request(op: Op, transfer: MessagePort[] = []): Promise<void> {
    return this.requestWithAnswer(op, transfer).then(() => {});
  }

  /** A request whose answer carries a value (an import's join code, a version's id). */
  private requestWithAnswer(op: Op, transfer: MessagePort[] = []): Promise<unknown> {
    if (this.dead) return Promise.reject(this.dead);
    if (this.closing) return Promise.reject(new Error('the writer thread is closed'));
    const id = this.nextId++;
    const done = new Promise<unknown>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    // Keeps the process alive while a write is on its way to disk.
    this.worker.ref();
    this.worker.postMessage({ id, ...op } satisfies WriterRequest, transfer);
    const settled = done.catch(() => {});
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
    return done;
  }

  private fail(error: Error): void {
    this.dead ??= error;
    for (const w of this.waiting.values()) w.reject(this.dead);
    this.waiting.clear();
  }
}
