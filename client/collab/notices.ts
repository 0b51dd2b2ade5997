import type { Notice } from '../../shared/notices.js';

/**
 * Server notices (message type 7, codec in shared/notices.ts) as the UI needs them, plus the one
 * the client raises itself: a write to a document you may only read was refused and the copy refreshed.
 */
export type ClientNotice = Notice | { code: 'write-refused' };

export class NoticeFeed {
  private readonly listeners = new Set<(notice: ClientNotice) => void>();

  subscribe = (listener: (notice: ClientNotice) => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  emit(notice: ClientNotice): void {
    for (const l of this.listeners) l(notice);
  }

  destroy(): void {
    this.listeners.clear();
  }
}
