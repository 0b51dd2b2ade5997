import * as Y from 'yjs';
import { COLUMN_IDS, isColumnId, type ColumnId } from './columns.js';
import type { Origin } from './origins.js';
import type { Principal } from './permissions.js';

/**
 * The session document (`session` room): how the facilitator guides the group. Only the facilitator
 * writes it (enforced by the server, `canWriteDoc`). Participants may write cards only in the
 * columns it opens; the server reverts anything else (see server/sync/ColumnGuard.ts).
 */
export const SESSION_KEY = 'session';

/** separate: one step at a time; short: step 1, then steps 2–5 together; free: any columns, any order. */
export const STEP_MODES = ['separate', 'short', 'free'] as const;
export type StepMode = (typeof STEP_MODES)[number];

export interface SessionState {
  /** false until the facilitator starts guiding: then every column is open, as on paper. */
  guided: boolean;
  mode: StepMode;
  direction: 'rtl' | 'ltr';
  /** The column(s) of the current step. */
  active: ColumnId[];
  /** Columns the facilitator opened again for participants, on top of the active ones. */
  reopened: ColumnId[];
}

export const DEFAULT_SESSION: SessionState = Object.freeze({
  guided: false,
  mode: 'separate',
  direction: 'rtl',
  active: [...COLUMN_IDS],
  reopened: [],
}) as SessionState;

function columnList(value: unknown): ColumnId[] {
  return Array.isArray(value) ? value.filter(isColumnId) : [];
}

export function getSessionMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(SESSION_KEY);
}

export function readSession(doc: Y.Doc): SessionState {
  const m = getSessionMap(doc);
  if (m.get('guided') !== true) return DEFAULT_SESSION;
  const mode = m.get('mode');
  return {
    guided: true,
    mode: (STEP_MODES as readonly unknown[]).includes(mode) ? (mode as StepMode) : 'separate',
    direction: m.get('direction') === 'ltr' ? 'ltr' : 'rtl',
    active: columnList(m.get('active')),
    reopened: columnList(m.get('reopened')),
  };
}

/** The columns a principal may add to or edit cards in right now. */
export function writableColumns(session: SessionState, who: Principal): ReadonlySet<ColumnId> {
  if (who.access === 'facilitator') return new Set(COLUMN_IDS);
  if (who.access === 'projector') return new Set();
  if (!session.guided) return new Set(COLUMN_IDS);
  return new Set([...session.active, ...session.reopened]);
}

export function canWriteColumn(session: SessionState, who: Principal, column: ColumnId): boolean {
  return writableColumns(session, who).has(column);
}

/** Start guiding (or change the plan); `active` defaults to the first step of the direction. */
export function setSessionPlan(
  doc: Y.Doc,
  plan: { mode: StepMode; direction?: 'rtl' | 'ltr'; active?: ColumnId[] },
  origin: Origin,
): void {
  const direction = plan.direction ?? 'rtl';
  const first: ColumnId = direction === 'rtl' ? 'values' : 'steps';
  doc.transact(() => {
    const m = getSessionMap(doc);
    m.set('guided', true);
    m.set('mode', plan.mode);
    m.set('direction', direction);
    m.set('active', plan.active ?? [first]);
    m.set('reopened', []);
  }, origin);
}

export function setActiveColumns(doc: Y.Doc, active: ColumnId[], origin: Origin): void {
  doc.transact(() => getSessionMap(doc).set('active', [...new Set(active)]), origin);
}

export function setReopened(doc: Y.Doc, reopened: ColumnId[], origin: Origin): void {
  doc.transact(() => getSessionMap(doc).set('reopened', [...new Set(reopened)]), origin);
}

export function stopGuiding(doc: Y.Doc, origin: Origin): void {
  doc.transact(() => getSessionMap(doc).set('guided', false), origin);
}
