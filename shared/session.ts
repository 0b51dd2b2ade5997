import type * as Y from 'yjs';
import { COLUMN_IDS, LANGS, isColumnId, type ColumnId, type Lang } from './columns.js';
import { DEFAULT_AGREEMENT_RULE, isAgreementRule, type AgreementRule } from './agreement.js';
import type { Origin } from './origins.js';
import type { Principal, Stage } from './permissions.js';

/**
 * The session document (`session` room): how the facilitator guides the group. Only the facilitator
 * writes it (enforced by the server, `canWriteDoc`). Participants may write cards only in the
 * columns it opens; the server reverts anything else (see server/sync/ColumnGuard.ts).
 */
export const SESSION_KEY = 'session';

/** separate: one step at a time; short: step 1, then steps 2–5 together; free: any columns, any order. */
export const STEP_MODES = ['separate', 'short', 'free'] as const;
export type StepMode = (typeof STEP_MODES)[number];

/** `together`: new cards go straight to the map. `private`: write alone first, until the reveal. */
export type Phase = 'together' | 'private';

/** Running: `endsAt` (server clock, ms) is set. Paused or not started: `remainingMs` holds the time left. */
export interface TimerState {
  durationMs: number;
  endsAt: number | null;
  remainingMs: number;
}

/** What the projector shows large. */
export type ProjectorFocus = { kind: 'map' } | { kind: 'column'; column: ColumnId } | { kind: 'card'; cardId: string };

/** Round mode (rule 2): everyone gets the turn in this order. */
export interface RoundState {
  order: string[];
  index: number;
}

export interface SessionState {
  /** false until the facilitator starts guiding: then every column is open, as on paper. */
  guided: boolean;
  mode: StepMode;
  direction: 'rtl' | 'ltr';
  /** The column(s) of the current step. */
  active: ColumnId[];
  /** Columns the facilitator opened again for participants, on top of the active ones. */
  reopened: ColumnId[];
  phase: Phase;
  /** Incremented by the facilitator to reveal all private cards at once (the server moves them). */
  revealSeq: number;
  timer: TimerState | null;
  focus: ProjectorFocus;
  /** A facilitator prompt id (FACILITATOR_PROMPTS) shown on the projector, or null. */
  prompt: string | null;
  /** The dialogue rule (1–5) in focus on projector and participant screens, or null. */
  rule: number | null;
  round: RoundState | null;
  /** Partners-first workshops: each partner's own map first (homogeneous), then the mixed session. */
  stage: Stage;
  /** The facilitator's language: the projector shows its texts in it. Null until the console says. */
  lang: Lang | null;
  /** The step (`stepKey`) the timer was set in; null in documents from before it was kept. */
  timerStep: string | null;
  /** Who decides that a card is agreed: the facilitator, or the consensus of the partners present [K1]. */
  agreementRule: AgreementRule;
}

export const DEFAULT_SESSION: SessionState = Object.freeze({
  guided: false,
  mode: 'separate',
  direction: 'rtl',
  active: [...COLUMN_IDS],
  reopened: [],
  phase: 'together',
  revealSeq: 0,
  timer: null,
  focus: { kind: 'map' },
  prompt: null,
  rule: null,
  round: null,
  stage: 'homogeneous',
  lang: null,
  timerStep: null,
  agreementRule: DEFAULT_AGREEMENT_RULE,
}) as SessionState;

function columnList(value: unknown): ColumnId[] {
  return Array.isArray(value) ? value.filter(isColumnId) : [];
}

export function getSessionMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(SESSION_KEY);
}

function readTimer(value: unknown): TimerState | null {
  if (typeof value !== 'object' || value === null) return null;
  const t = value as Record<string, unknown>;
  if (typeof t.durationMs !== 'number' || typeof t.remainingMs !== 'number') return null;
  return {
    durationMs: t.durationMs,
    remainingMs: t.remainingMs,
    endsAt: typeof t.endsAt === 'number' ? t.endsAt : null,
  };
}

function readFocus(value: unknown): ProjectorFocus {
  const f = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (f.kind === 'column' && isColumnId(f.column)) return { kind: 'column', column: f.column };
  if (f.kind === 'card' && typeof f.cardId === 'string') return { kind: 'card', cardId: f.cardId };
  return { kind: 'map' };
}

function readRound(value: unknown): RoundState | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  if (!Array.isArray(r.order) || typeof r.index !== 'number') return null;
  return { order: r.order.filter((x): x is string => typeof x === 'string'), index: r.index };
}

export function readSession(doc: Y.Doc): SessionState {
  const m = getSessionMap(doc);
  const mode = m.get('mode');
  const revealSeq = m.get('revealSeq');
  const prompt = m.get('prompt');
  const rule = m.get('rule');
  const guided = m.get('guided') === true;
  return {
    guided,
    mode: (STEP_MODES as readonly unknown[]).includes(mode) ? (mode as StepMode) : 'separate',
    direction: m.get('direction') === 'ltr' ? 'ltr' : 'rtl',
    active: guided ? columnList(m.get('active')) : [...COLUMN_IDS],
    reopened: columnList(m.get('reopened')),
    phase: guided && m.get('phase') === 'private' ? 'private' : 'together',
    revealSeq: typeof revealSeq === 'number' ? revealSeq : 0,
    timer: readTimer(m.get('timer')),
    focus: readFocus(m.get('focus')),
    prompt: typeof prompt === 'string' ? prompt : null,
    rule: typeof rule === 'number' && rule >= 1 && rule <= 5 ? rule : null,
    round: readRound(m.get('round')),
    stage: m.get('stage') === 'heterogeneous' ? 'heterogeneous' : 'homogeneous',
    lang: (LANGS as readonly unknown[]).includes(m.get('lang')) ? (m.get('lang') as Lang) : null,
    timerStep: typeof m.get('timerStep') === 'string' ? (m.get('timerStep') as string) : null,
    agreementRule: isAgreementRule(m.get('agreementRule'))
      ? (m.get('agreementRule') as AgreementRule)
      : DEFAULT_AGREEMENT_RULE,
  };
}

/** The remaining time of a timer at `now` (server clock). */
export function timerRemaining(timer: TimerState, now: number): number {
  return timer.endsAt === null ? timer.remainingMs : Math.max(0, timer.endsAt - now);
}

/** The columns a principal may add to or edit cards in right now. */
export function writableColumns(session: SessionState, who: Principal): ReadonlySet<ColumnId> {
  if (who.access === 'facilitator') return new Set(COLUMN_IDS);
  if (who.access === 'projector') return new Set();
  if (!session.guided) return new Set(COLUMN_IDS);
  return new Set([...session.active, ...session.reopened]);
}

/**
 * Whether a principal may add cards to a map now: not while everyone writes alone first (their new
 * cards go to their drafts), except the facilitator; never the projector.
 */
export function mayCreateCards(session: SessionState, who: Principal): boolean {
  if (who.access === 'projector') return false;
  return who.access === 'facilitator' || session.phase !== 'private';
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

function setField(doc: Y.Doc, key: string, value: unknown, origin: Origin): void {
  doc.transact(() => getSessionMap(doc).set(key, value), origin);
}

export function setPhase(doc: Y.Doc, phase: Phase, origin: Origin): void {
  setField(doc, 'phase', phase, origin);
}

/** Reveal every private card at once: the server moves them into the map when this number grows. */
export function requestReveal(doc: Y.Doc, origin: Origin): void {
  doc.transact(() => {
    const m = getSessionMap(doc);
    m.set('revealSeq', readSession(doc).revealSeq + 1);
    m.set('phase', 'together');
  }, origin);
}

/** The key of a step: its columns, sorted. */
export function stepKey(active: readonly ColumnId[]): string {
  return [...active].sort().join(',');
}

export function setTimer(doc: Y.Doc, durationMs: number, origin: Origin): void {
  doc.transact(() => {
    const m = getSessionMap(doc);
    m.set('timer', { durationMs, endsAt: null, remainingMs: durationMs } satisfies TimerState);
    m.set('timerStep', stepKey(readSession(doc).active));
  }, origin);
}

export function startTimer(doc: Y.Doc, now: number, origin: Origin): void {
  const t = readSession(doc).timer;
  if (!t || t.endsAt !== null) return;
  setField(doc, 'timer', { ...t, endsAt: now + t.remainingMs }, origin);
}

export function pauseTimer(doc: Y.Doc, now: number, origin: Origin): void {
  const t = readSession(doc).timer;
  if (!t || t.endsAt === null) return;
  setField(doc, 'timer', { ...t, endsAt: null, remainingMs: timerRemaining(t, now) }, origin);
}

export function addTimerMinute(doc: Y.Doc, now: number, origin: Origin): void {
  const t = readSession(doc).timer;
  if (!t) return;
  const extra = 60_000;
  const next: TimerState =
    t.endsAt === null
      ? { ...t, durationMs: t.durationMs + extra, remainingMs: t.remainingMs + extra }
      : { ...t, durationMs: t.durationMs + extra, endsAt: Math.max(t.endsAt, now) + extra };
  setField(doc, 'timer', next, origin);
}

export function clearTimer(doc: Y.Doc, origin: Origin): void {
  setField(doc, 'timer', null, origin);
}

export function setFocus(doc: Y.Doc, focus: ProjectorFocus, origin: Origin): void {
  setField(doc, 'focus', focus, origin);
}

export function setPromptShown(doc: Y.Doc, prompt: string | null, origin: Origin): void {
  setField(doc, 'prompt', prompt, origin);
}

export function setRuleInFocus(doc: Y.Doc, rule: number | null, origin: Origin): void {
  setField(doc, 'rule', rule, origin);
}

export function setRound(doc: Y.Doc, round: RoundState | null, origin: Origin): void {
  setField(doc, 'round', round, origin);
}

/** The steps in the order of the plan: right to left (1→5) or left to right (5→1). */
export function stepSequence(session: SessionState): ColumnId[][] {
  const order = session.direction === 'rtl' ? [...COLUMN_IDS] : [...COLUMN_IDS].reverse();
  if (session.mode === 'short') return [[order[0]], order.slice(1)];
  return order.map((c) => [c]);
}

/** Where the active columns stand in the plan's step sequence (-1: not a step of the plan, or free mode). */
function activeStepIndex(session: SessionState): number {
  if (session.mode === 'free') return -1;
  const key = [...new Set(session.active)].sort().join(',');
  return stepSequence(session).findIndex((s) => [...s].sort().join(',') === key);
}

/** The next step after the active one in the plan, or null at the end (free mode has no next step). */
export function nextStep(session: SessionState): ColumnId[] | null {
  const steps = stepSequence(session);
  const i = activeStepIndex(session);
  return i >= 0 && i < steps.length - 1 ? steps[i + 1] : null;
}

/** The step before the active one in the plan, or null at the first step, in free mode or off the plan. */
export function previousStep(session: SessionState): ColumnId[] | null {
  const i = activeStepIndex(session);
  return i > 0 ? stepSequence(session)[i - 1] : null;
}

/** Open the mixed session (or go back to the partners' own maps); the server adjusts who may open what. */
export function setStage(doc: Y.Doc, stage: Stage, origin: Origin): void {
  setField(doc, 'stage', stage, origin);
}

/** Who decides agreement from now on [K1]; cards keep the status they have. */
export function setAgreementRule(doc: Y.Doc, rule: AgreementRule, origin: Origin): void {
  if (readSession(doc).agreementRule !== rule) setField(doc, 'agreementRule', rule, origin);
}

/** The facilitator's language, for the projector (only the facilitator writes the session, G3). */
export function setSessionLang(doc: Y.Doc, lang: Lang, origin: Origin): void {
  if (getSessionMap(doc).get('lang') !== lang) setField(doc, 'lang', lang, origin);
}

/**
 * The timer to show at `now`: none once it ran out in an earlier step. An expired "time is up" belongs
 * to the step it was set in; after a step change it would only confuse (G8).
 */
export function shownTimer(session: SessionState, now: number): TimerState | null {
  const t = session.timer;
  if (!t) return null;
  if (timerRemaining(t, now) === 0 && session.timerStep !== null && session.timerStep !== stepKey(session.active))
    return null;
  return t;
}

/**
 * The column a one-column screen (a phone) shows for the step now: the first active column in the
 * plan's direction. Null when nobody guides (every column is open, the person chooses) or no step is
 * active. Phones open on it and move to it on every step change (U10).
 */
export function columnOfStep(session: SessionState): ColumnId | null {
  if (!session.guided || session.active.length === 0) return null;
  const order = session.direction === 'rtl' ? COLUMN_IDS : [...COLUMN_IDS].reverse();
  return order.find((c) => session.active.includes(c)) ?? null;
}
