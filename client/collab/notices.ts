import { COLUMN_IDS, type ColumnId } from '../../shared/columns.js';

/**
 * Server notices (protocol MESSAGE_NOTICE) as the UI needs them: a change the server reverted, and
 * why, so the person who made it hears it in plain words.
 */
export type ClientNotice =
  /** A change in a column that is closed for you. */
  | { code: 'column-locked'; columns: ColumnId[] }
  /** A new card on the map while everyone writes alone first. */
  | { code: 'private-phase' }
  /** A step card set to agreed without who, what and when. */
  | { code: 'needs-who-what-when'; missing: ('who' | 'what' | 'when')[] }
  /** Raised in the client: a write to a document you may only read was refused; the copy was refreshed. */
  | { code: 'write-refused' };

const STEP_FIELDS = ['who', 'what', 'when'] as const;

export function parseNotice(raw: string): ClientNotice | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { code?: unknown; columns?: unknown; missing?: unknown };
  if (v.code === 'private-phase') return { code: 'private-phase' };
  if (v.code === 'needs-who-what-when') {
    const missing = Array.isArray(v.missing)
      ? v.missing.filter((m): m is (typeof STEP_FIELDS)[number] => (STEP_FIELDS as readonly unknown[]).includes(m))
      : [];
    return { code: 'needs-who-what-when', missing };
  }
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
