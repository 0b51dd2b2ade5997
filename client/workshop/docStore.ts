import type * as Y from 'yjs';

/**
 * A cached read of a Yjs document for useSyncExternalStore: `read` runs after every transaction that
 * changed the document, and subscribers hear only when the result is not equal (by JSON) to the last.
 */
export class DocStore<T> {
  private value: T;
  private json: string;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly read: (doc: Y.Doc) => T,
  ) {
    this.value = read(doc);
    this.json = JSON.stringify(this.value);
    doc.on('afterTransaction', this.onTransaction);
  }

  private onTransaction = (tr: Y.Transaction) => {
    if (tr.changed.size === 0 && tr.deleteSet.clients.size === 0) return;
    const next = this.read(this.doc);
    const json = JSON.stringify(next);
    if (json === this.json) return;
    this.value = next;
    this.json = json;
    for (const l of this.listeners) l();
  };

  getSnapshot = (): T => this.value;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
    this.listeners.clear();
  }
}
