import type * as Y from 'yjs';
import { COLUMN_IDS } from './columns.js';
import { DATE_SPEC, matchesValue, type ValueSpec } from './card/fields.js';
import type { Origin } from './origins.js';
import type { Stage } from './permissions.js';
import { getSessionMap } from './session.js';

/**
 * The trajectory (SPEC J1–J3, docs/decisions/0027): a workshop runs as a series of meetings
 * (bijeenkomsten), each with a date, a goal and the steps it takes, over one map that carries over
 * from meeting to meeting. The facilitator writes it in the session document (which only they may
 * write): the meetings in the `meetings` root (docSchema.ts), the one going on now under the key
 * `meeting` of the session root. When that key changes the server saves a version of every map
 * (server/sync/sessionEffects.ts) [J2]. Partners first fits in as the first meetings: a meeting may
 * name the stage it runs in (homogeneous = each partner's own map) [J3].
 */
export const MEETINGS_KEY = 'meetings';
/** Key in the session root: the id of the meeting going on now. */
export const CURRENT_MEETING_KEY = 'meeting';
export const MEETINGS_MAX = 20;
export const MEETING_GOAL_MAX = 200;

/** What a meeting can hold besides the five columns: the review of earlier actions [J6]. */
export const REVIEW_STEP = 'review';
export const MEETING_STEPS = [REVIEW_STEP, ...COLUMN_IDS] as const;
export type MeetingStep = (typeof MEETING_STEPS)[number];

export interface Meeting {
  id: string;
  /** Its place in the series, 1 = first. */
  n: number;
  /** The day, YYYY-MM-DD. */
  date: string;
  goal: string;
  steps: MeetingStep[];
  /** Partners first: the stage this meeting runs in. */
  stage?: Stage;
}

const stepList = `(${MEETING_STEPS.join('|')})`;
/** One entry of the `meetings` root, keyed by meeting id. Steps are a comma-separated list. */
export const MEETING_ENTRY: ValueSpec = {
  type: 'object',
  fields: {
    n: { type: 'number', min: 1, max: MEETINGS_MAX },
    date: DATE_SPEC,
    goal: { type: 'string', max: MEETING_GOAL_MAX },
    steps: { type: 'string', max: 80, pattern: new RegExp(`^(${stepList}(,${stepList})*)?$`) },
    stage: { type: 'string', max: 13, oneOf: ['homogeneous', 'heterogeneous'] },
  },
  optional: ['stage'],
};

export function getMeetingsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(MEETINGS_KEY);
}

const isStep = (s: string): s is MeetingStep => (MEETING_STEPS as readonly string[]).includes(s);

/** The meetings in their order (number, then date, then id); entries that do not fit are left out. */
export function readMeetings(doc: Y.Doc): Meeting[] {
  const out: Meeting[] = [];
  getMeetingsMap(doc).forEach((raw, id) => {
    if (!matchesValue(MEETING_ENTRY, raw)) return;
    const m = raw as { n: number; date: string; goal: string; steps: string; stage?: Stage };
    out.push({
      id,
      n: m.n,
      date: m.date,
      goal: m.goal,
      steps: m.steps.split(',').filter(isStep),
      ...(m.stage ? { stage: m.stage } : {}),
    });
  });
  return out.sort((a, b) => a.n - b.n || (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
}

/** The id of the meeting going on now, or null. */
export function readCurrentMeetingId(doc: Y.Doc): string | null {
  const v = getSessionMap(doc).get(CURRENT_MEETING_KEY);
  return typeof v === 'string' ? v : null;
}

export interface TrajectoryState {
  meetings: Meeting[];
  current: Meeting | null;
  /** The meeting after the current one, or (none going on) the first one on or after today. */
  next: Meeting | null;
}

/** The trajectory as the console shows it on `today` (YYYY-MM-DD, the reader's own calendar). */
export function trajectoryState(meetings: Meeting[], currentId: string | null, today: string): TrajectoryState {
  const current = meetings.find((m) => m.id === currentId) ?? null;
  const next = current
    ? (meetings.find((m) => m.n > current.n) ?? null)
    : (meetings.find((m) => m.date >= today) ?? null);
  return { meetings, current, next };
}

function entryOf(m: Omit<Meeting, 'id'>): Record<string, unknown> {
  return {
    n: m.n,
    date: m.date,
    goal: m.goal,
    steps: m.steps.join(','),
    ...(m.stage ? { stage: m.stage } : {}),
  };
}

/** Add or replace a meeting. Returns false when it does not fit (date, goal length, too many). */
export function putMeeting(doc: Y.Doc, meeting: Meeting, origin: Origin): boolean {
  const entry = entryOf(meeting);
  const map = getMeetingsMap(doc);
  if (!matchesValue(MEETING_ENTRY, entry)) return false;
  if (!map.has(meeting.id) && map.size >= MEETINGS_MAX) return false;
  doc.transact(() => map.set(meeting.id, entry), origin);
  return true;
}

/** Remove a meeting and number the others 1… again. */
export function removeMeeting(doc: Y.Doc, id: string, origin: Origin): void {
  doc.transact(() => {
    const map = getMeetingsMap(doc);
    map.delete(id);
    readMeetings(doc).forEach((m, i) => {
      if (m.n !== i + 1) map.set(m.id, entryOf({ ...m, n: i + 1 }));
    });
    if (readCurrentMeetingId(doc) === id) getSessionMap(doc).delete(CURRENT_MEETING_KEY);
  }, origin);
}

/**
 * Start a meeting (or none: null). For a meeting that names a stage the session's stage follows,
 * so partners first runs as the first meetings [J3].
 */
export function startMeeting(doc: Y.Doc, id: string | null, origin: Origin): void {
  const meeting = id ? readMeetings(doc).find((m) => m.id === id) : undefined;
  doc.transact(() => {
    const session = getSessionMap(doc);
    if (id === null) session.delete(CURRENT_MEETING_KEY);
    else session.set(CURRENT_MEETING_KEY, id);
    if (meeting?.stage && session.get('stage') !== meeting.stage) session.set('stage', meeting.stage);
  }, origin);
}

/** A date `days` after a YYYY-MM-DD date (calendar days, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Today on the reader's own calendar, YYYY-MM-DD. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A first plan the facilitator can change: partners first gets its own-map meeting and the mixed
 * meeting, then a meeting that reviews the actions; a joint workshop gets the map, then the review.
 * One week apart from `firstDate`. Goals are left empty: the screens show a default per meeting.
 */
export function suggestedMeetings(flow: 'joint' | 'partners-first', firstDate: string, newId: () => string): Meeting[] {
  const all: Omit<Meeting, 'id' | 'n' | 'date'>[] =
    flow === 'partners-first'
      ? [
          { goal: '', steps: [...COLUMN_IDS], stage: 'homogeneous' },
          { goal: '', steps: [...COLUMN_IDS], stage: 'heterogeneous' },
          { goal: '', steps: [REVIEW_STEP, 'steps'], stage: 'heterogeneous' },
        ]
      : [
          { goal: '', steps: [...COLUMN_IDS] },
          { goal: '', steps: [REVIEW_STEP, 'steps'] },
        ];
  return all.map((m, i) => ({ ...m, id: newId(), n: i + 1, date: addDays(firstDate, 7 * i) }));
}
