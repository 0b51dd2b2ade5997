import { CloseCode } from '../../shared/protocol.js';
import type { SyncedDoc } from './syncedDoc.js';

/**
 * When the server refuses a write (close code FORBIDDEN) on a document this person may still read,
 * the local copy holds a change that will never be accepted. Yjs cannot take it back, so the copy is
 * thrown away and the document opened afresh: the person ends with exactly what everyone else has,
 * and is told in plain words. A refusal before the first sync means no read access at all: then
 * nothing is reopened (that would only be refused again).
 */
export const MAX_RESETS_PER_MINUTE = 3;

/** DOM event (detail: ClientNotice) for notices about documents that have no screen of their own. */
export const PAGE_NOTICE_EVENT = 'pkl:notice';

export class RecoveringDoc {
  private doc: SyncedDoc;
  private everSynced = false;
  private resets: number[] = [];
  private readonly listeners = new Set<(doc: SyncedDoc) => void>();
  private closed = false;

  constructor(private readonly open: () => SyncedDoc) {
    this.doc = this.attach(open());
  }

  get current(): SyncedDoc {
    return this.doc;
  }

  private attach(doc: SyncedDoc): SyncedDoc {
    this.everSynced = false;
    doc.provider.on('sync', (synced: boolean) => {
      if (synced) this.everSynced = true;
    });
    doc.provider.on('connection-close', (event: CloseEvent | null) => {
      if (this.closed || event?.code !== CloseCode.FORBIDDEN || !this.everSynced) return;
      const now = Date.now();
      this.resets = this.resets.filter((t) => now - t < 60_000);
      if (this.resets.length >= MAX_RESETS_PER_MINUTE) return;
      this.resets.push(now);
      // After the provider's own close handling has run.
      setTimeout(() => void this.reset(), 0);
    });
    return doc;
  }

  private async reset(): Promise<void> {
    if (this.closed) return;
    const old = this.doc;
    // The offline copy holds the refused change too; without clearing it the fresh copy would send it again.
    await old.clearLocalCopy().catch(() => {});
    old.destroy();
    if (this.closed) return;
    this.doc = this.attach(this.open());
    for (const l of this.listeners) l(this.doc);
  }

  /** Called with the fresh document after a reset. */
  onReset(listener: (doc: SyncedDoc) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.closed = true;
    this.listeners.clear();
    this.doc.destroy();
  }
}
