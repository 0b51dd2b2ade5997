import { COLUMN_IDS, type ColumnId } from '../../shared/columns.js';

/**
 * Server notices (protocol MESSAGE_NOTICE) as the UI needs them. Today there is one: a change in a
 * closed column was reverted by the server, and the person who made it should hear why.
 */
export type ClientNotice = { code: 'column-locked'; columns: ColumnId[] };

export function parseNotice(raw: string): ClientNotice | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { code?: unknown; columns?: unknown };
  if (v.code !== 'column-locked') return null;
  const columns = Array.isArray(v.columns)
    ? v.columns.filter((c): c is ColumnId => (COLUMN_IDS as readonly unknown[]).includes(c))
    : [];
  return { code: 'column-locked', columns };
}

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
