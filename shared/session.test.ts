import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLUMN_IDS } from './columns.js';
import { LOCAL_USER } from './origins.js';
import type { Principal } from './permissions.js';
import {
  addTimerMinute,
  canWriteColumn,
  columnOfStep,
  mayCreateCards,
  previousStep,
  DEFAULT_SESSION,
  nextStep,
  pauseTimer,
  readSession,
  requestReveal,
  setActiveColumns,
  setPhase,
  setReopened,
  setSessionPlan,
  setTimer,
  startTimer,
  stepSequence,
  timerRemaining,
  writableColumns,
} from './session.js';

const participant: Principal = { access: 'participant', participantId: 'p1', partner: 'gemeente' };
const facilitator: Principal = { access: 'facilitator', participantId: 'f', partner: '' };
const projector: Principal = { access: 'projector', participantId: 'x', partner: '' };

describe('session', () => {
  it('[G1] before guiding every column is open to participants; the projector never writes', () => {
    const doc = new Y.Doc();
    expect(readSession(doc)).toEqual(DEFAULT_SESSION);
    expect([...writableColumns(readSession(doc), participant)]).toEqual([...COLUMN_IDS]);
    expect(writableColumns(readSession(doc), projector).size).toBe(0);
  });

  it('[G1] guiding right to left opens step 1 only; reopening adds a column; the facilitator writes all', () => {
    const doc = new Y.Doc();
    setSessionPlan(doc, { mode: 'separate' }, LOCAL_USER);
    const s = readSession(doc);
    expect(s.active).toEqual(['values']);
    expect(canWriteColumn(s, participant, 'values')).toBe(true);
    expect(canWriteColumn(s, participant, 'relations')).toBe(false);
    expect(canWriteColumn(s, facilitator, 'steps')).toBe(true);
    setReopened(doc, ['steps'], LOCAL_USER);
    expect([...writableColumns(readSession(doc), participant)].sort()).toEqual(['steps', 'values']);
  });

  it('[G6] step plans: separate walks 1→5, short does 1 then 2–5, left to right starts at Acties, free has no next', () => {
    const doc = new Y.Doc();
    setSessionPlan(doc, { mode: 'separate' }, LOCAL_USER);
    expect(stepSequence(readSession(doc))).toEqual(COLUMN_IDS.map((c) => [c]));
    expect(nextStep(readSession(doc))).toEqual(['relations']);
    setActiveColumns(doc, ['steps'], LOCAL_USER);
    expect(nextStep(readSession(doc))).toBeNull();

    setSessionPlan(doc, { mode: 'short' }, LOCAL_USER);
    expect(nextStep(readSession(doc))).toEqual(['relations', 'actions', 'conditions', 'steps']);

    setSessionPlan(doc, { mode: 'separate', direction: 'ltr' }, LOCAL_USER);
    expect(readSession(doc).active).toEqual(['steps']);
    expect(nextStep(readSession(doc))).toEqual(['conditions']);

    setSessionPlan(doc, { mode: 'free', active: ['actions', 'values'] }, LOCAL_USER);
    expect(readSession(doc).active).toEqual(['actions', 'values']);
    expect(nextStep(readSession(doc))).toBeNull();
  });

  it('[G6] the previous step is the one before the active step in the plan; none at the start, in free mode or off the plan', () => {
    const doc = new Y.Doc();
    setSessionPlan(doc, { mode: 'separate' }, LOCAL_USER);
    expect(previousStep(readSession(doc))).toBeNull();
    setActiveColumns(doc, ['actions'], LOCAL_USER);
    expect(previousStep(readSession(doc))).toEqual(['relations']);
    setSessionPlan(doc, { mode: 'short' }, LOCAL_USER);
    setActiveColumns(doc, ['steps', 'conditions', 'actions', 'relations'], LOCAL_USER);
    expect(previousStep(readSession(doc))).toEqual(['values']);
    expect(nextStep(readSession(doc))).toBeNull();
    setSessionPlan(doc, { mode: 'separate', direction: 'ltr' }, LOCAL_USER);
    setActiveColumns(doc, ['conditions'], LOCAL_USER);
    expect(previousStep(readSession(doc))).toEqual(['steps']);
    setActiveColumns(doc, ['values', 'steps'], LOCAL_USER);
    expect(previousStep(readSession(doc))).toBeNull();
    setSessionPlan(doc, { mode: 'free', active: ['relations'] }, LOCAL_USER);
    expect(previousStep(readSession(doc))).toBeNull();
  });

  it('[G4] new cards on a map: not from a participant while everyone writes alone first; always the facilitator; never the projector', () => {
    const doc = new Y.Doc();
    const projector: Principal = { access: 'projector', participantId: 'x', partner: '' };
    expect([participant, facilitator, projector].map((p) => mayCreateCards(readSession(doc), p))).toEqual([
      true,
      true,
      false,
    ]);
    setSessionPlan(doc, { mode: 'separate' }, LOCAL_USER);
    setPhase(doc, 'private', LOCAL_USER);
    expect([participant, facilitator, projector].map((p) => mayCreateCards(readSession(doc), p))).toEqual([
      false,
      true,
      false,
    ]);
    requestReveal(doc, LOCAL_USER);
    expect(mayCreateCards(readSession(doc), participant)).toBe(true);
  });

  it('[G7] the timer counts on the server clock: set, start, pause, add a minute; zero is the floor', () => {
    const doc = new Y.Doc();
    setTimer(doc, 5 * 60_000, LOCAL_USER);
    expect(timerRemaining(readSession(doc).timer!, 1_000)).toBe(300_000);
    startTimer(doc, 10_000, LOCAL_USER);
    expect(readSession(doc).timer!.endsAt).toBe(310_000);
    expect(timerRemaining(readSession(doc).timer!, 70_000)).toBe(240_000);
    pauseTimer(doc, 70_000, LOCAL_USER);
    expect(readSession(doc).timer).toMatchObject({ endsAt: null, remainingMs: 240_000 });
    addTimerMinute(doc, 80_000, LOCAL_USER);
    expect(readSession(doc).timer!.remainingMs).toBe(300_000);
    startTimer(doc, 100_000, LOCAL_USER);
    addTimerMinute(doc, 150_000, LOCAL_USER);
    expect(timerRemaining(readSession(doc).timer!, 150_000)).toBe(310_000);
    expect(timerRemaining(readSession(doc).timer!, 10_000_000)).toBe(0);
  });

  it('[G4] reveal raises the counter and ends the private phase; the private phase needs guiding', () => {
    const doc = new Y.Doc();
    setPhase(doc, 'private', LOCAL_USER);
    expect(readSession(doc).phase).toBe('together');
    setSessionPlan(doc, { mode: 'separate' }, LOCAL_USER);
    setPhase(doc, 'private', LOCAL_USER);
    expect(readSession(doc).phase).toBe('private');
    requestReveal(doc, LOCAL_USER);
    expect(readSession(doc)).toMatchObject({ phase: 'together', revealSeq: 1 });
  });

  it('odd values in the session document read as safe defaults', () => {
    const doc = new Y.Doc();
    const m = doc.getMap('session');
    m.set('guided', true);
    m.set('mode', 'chaos');
    m.set('active', ['values', 'nonsense', 3]);
    m.set('timer', { durationMs: 'long' });
    m.set('focus', { kind: 'column', column: 'nope' });
    m.set('rule', 9);
    const s = readSession(doc);
    expect(s).toMatchObject({ mode: 'separate', active: ['values'], timer: null, focus: { kind: 'map' }, rule: null });
  });

  it("[U10] a phone shows the first active column of the step in the plan's direction; none when nobody guides", () => {
    const doc = new Y.Doc();
    expect(columnOfStep(readSession(doc))).toBeNull();
    setSessionPlan(doc, { mode: 'short' }, LOCAL_USER);
    expect(columnOfStep(readSession(doc))).toBe('values');
    setActiveColumns(doc, ['relations', 'actions', 'conditions', 'steps'], LOCAL_USER);
    expect(columnOfStep(readSession(doc))).toBe('relations');
    setSessionPlan(doc, { mode: 'separate', direction: 'ltr' }, LOCAL_USER);
    setActiveColumns(doc, ['conditions', 'steps'], LOCAL_USER);
    expect(columnOfStep(readSession(doc))).toBe('steps');
    setActiveColumns(doc, [], LOCAL_USER);
    expect(columnOfStep(readSession(doc))).toBeNull();
  });
});
