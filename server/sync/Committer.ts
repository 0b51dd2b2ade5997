import type { ClientOwner, DocWriter, StoredUpdate } from '../store/Store.js';

export interface CommitListener {
  /** Called after the first `rows` updates it queued (and not yet reported) are durable; now they may be broadcast. */
  onCommitted(rows: number, bytes: number): void;
  /** Called when the commit failed: nothing queued by this listener was stored or sent. */
  onCommitFailed(error: unknown): void;
}

/**
 * Group commit: every update queued while the previous batch was being written (or during one turn of
 * the event loop, when nothing was) goes to the store in one transaction, then each room is told to
 * broadcast. One fsync per batch instead of one per update is what makes persist-before-broadcast
 * cheap (measured ~75,000 updates/s batched vs ~4,300/s single). The writes run in the writer thread
 * (docs/decisions/0022): one batch in flight at a time keeps them in order, and the next batch
 * simply grows while the disk works.
 */
export class Committer {
  private queue: StoredUpdate[] = [];
  private owners: ClientOwner[] = [];
  private readonly listeners = new Map<CommitListener, { rows: number; bytes: number }>();
  private scheduled = false;
  private inFlight: Promise<void> | null = null;

  constructor(private readonly writer: DocWriter) {}

  enqueue(listener: CommitListener, update: StoredUpdate): void {
    this.queue.push(update);
    const stat = this.listeners.get(listener) ?? { rows: 0, bytes: 0 };
    stat.rows++;
    stat.bytes += update.data.byteLength;
    this.listeners.set(listener, stat);
    if (!this.scheduled && !this.inFlight) {
      this.scheduled = true;
      setImmediate(this.flush);
    }
  }

  /** Client-id bindings, stored in the same transaction as the updates queued with them. */
  enqueueOwners(owners: readonly ClientOwner[]): void {
    this.owners.push(...owners);
  }

  /** Start writing what is queued now, unless a batch is already being written (it follows that one). */
  flush = (): void => {
    this.scheduled = false;
    if (this.inFlight || this.queue.length === 0) return;
    const batch = this.queue;
    const owners = this.owners;
    const listeners = [...this.listeners];
    this.queue = [];
    this.owners = [];
    this.listeners.clear();
    this.inFlight = this.writer.appendUpdates(batch, owners).then(
      () => {
        this.inFlight = null;
        for (const [l, stat] of listeners) l.onCommitted(stat.rows, stat.bytes);
        this.flush();
      },
      (error: unknown) => {
        this.inFlight = null;
        for (const [l] of listeners) l.onCommitFailed(error);
        this.flush();
      },
    );
  };

  /** Resolves when everything queued so far has been written (or has failed); used before deleting and on shutdown. */
  async drain(): Promise<void> {
    this.flush();
    while (this.inFlight) {
      await this.inFlight;
      this.flush();
    }
    await this.writer.drain();
  }
}
