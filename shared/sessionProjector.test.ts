import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_USER } from './origins.js';
import {
  readSession,
  setActiveColumns,
  setSessionLang,
  setSessionPlan,
  setTimer,
  shownTimer,
  startTimer,
} from './session.js';

describe('session for the projector', () => {
  it('[G8] a timer that ran out is not shown after a step change; a new timer is', () => {
    const doc = new Y.Doc();
    setSessionPlan(doc, { mode: 'separate' }, LOCAL_USER);
    setTimer(doc, 60_000, LOCAL_USER);
    startTimer(doc, 1_000, LOCAL_USER);
    // Running, then run out, in the step it was set in: shown ("0:00 De tijd is om").
    expect(shownTimer(readSession(doc), 30_000)).not.toBeNull();
    expect(shownTimer(readSession(doc), 70_000)).not.toBeNull();
    setActiveColumns(doc, ['relations'], LOCAL_USER);
    expect(shownTimer(readSession(doc), 70_000)).toBeNull();
    // Still running at the step change: it stays until it runs out.
    setTimer(doc, 60_000, LOCAL_USER);
    startTimer(doc, 100_000, LOCAL_USER);
    setActiveColumns(doc, ['actions'], LOCAL_USER);
    expect(shownTimer(readSession(doc), 120_000)).not.toBeNull();
    // Going back to the step it was set in shows it again: it belongs to that step.
    setTimer(doc, 0, LOCAL_USER);
    expect(shownTimer(readSession(doc), 200_000)).not.toBeNull();
    setActiveColumns(doc, ['conditions'], LOCAL_USER);
    expect(shownTimer(readSession(doc), 200_000)).toBeNull();
    setActiveColumns(doc, ['actions'], LOCAL_USER);
    expect(shownTimer(readSession(doc), 200_000)).not.toBeNull();
  });

  it('[G8] a timer from a document without its step keeps showing, as before', () => {
    const doc = new Y.Doc();
    doc.getMap('session').set('timer', { durationMs: 1000, endsAt: null, remainingMs: 0 });
    setActiveColumns(doc, ['steps'], LOCAL_USER);
    expect(shownTimer(readSession(doc), 0)).toMatchObject({ remainingMs: 0 });
  });

  it('[U7] the facilitator language is kept in the session; only real changes are written', () => {
    const doc = new Y.Doc();
    expect(readSession(doc).lang).toBeNull();
    let updates = 0;
    doc.on('update', () => updates++);
    setSessionLang(doc, 'en', LOCAL_USER);
    setSessionLang(doc, 'en', LOCAL_USER);
    expect(updates).toBe(1);
    expect(readSession(doc).lang).toBe('en');
    doc.getMap('session').set('lang', 'fr');
    expect(readSession(doc).lang).toBeNull();
  });
});
