import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_USER } from './origins.js';
import { readSession } from './session.js';
import {
  addDays,
  localDate,
  putMeeting,
  readCurrentMeetingId,
  readMeetings,
  removeMeeting,
  startMeeting,
  suggestedMeetings,
  trajectoryState,
} from './trajectory.js';

let n = 0;
const newId = () => `m${++n}`;

describe('the trajectory of meetings', () => {
  it('[J1] meetings are kept in order; entries that do not fit are refused and never read', () => {
    const doc = new Y.Doc();
    expect(
      putMeeting(doc, { id: 'b', n: 2, date: '2026-12-07', goal: 'Terugblik', steps: ['review', 'steps'] }, LOCAL_USER),
    ).toBe(true);
    expect(putMeeting(doc, { id: 'a', n: 1, date: '2026-11-30', goal: '', steps: ['values'] }, LOCAL_USER)).toBe(true);
    expect(putMeeting(doc, { id: 'c', n: 3, date: '30-11-2026', goal: '', steps: [] }, LOCAL_USER)).toBe(false);
    expect(putMeeting(doc, { id: 'c', n: 3, date: '2026-12-14', goal: 'x'.repeat(201), steps: [] }, LOCAL_USER)).toBe(
      false,
    );
    doc.getMap('meetings').set('junk', { n: 1, date: 'nope', goal: '', steps: '' });
    expect(readMeetings(doc).map((m) => [m.id, m.steps])).toEqual([
      ['a', ['values']],
      ['b', ['review', 'steps']],
    ]);
    removeMeeting(doc, 'a', LOCAL_USER);
    expect(readMeetings(doc)).toEqual([
      { id: 'b', n: 1, date: '2026-12-07', goal: 'Terugblik', steps: ['review', 'steps'] },
    ]);
  });

  it('[J3] the current meeting, and the next date: after the current one, or the first from today', () => {
    const doc = new Y.Doc();
    for (const m of suggestedMeetings('joint', '2026-11-30', newId)) putMeeting(doc, m, LOCAL_USER);
    const meetings = readMeetings(doc);
    expect(meetings.map((m) => m.date)).toEqual(['2026-11-30', '2026-12-07']);
    expect(trajectoryState(meetings, null, '2026-12-01').next?.date).toBe('2026-12-07');
    expect(trajectoryState(meetings, null, '2026-12-08').next).toBeNull();
    startMeeting(doc, meetings[0].id, LOCAL_USER);
    expect(readCurrentMeetingId(doc)).toBe(meetings[0].id);
    const state = trajectoryState(meetings, readCurrentMeetingId(doc), '2026-11-30');
    expect([state.current?.n, state.next?.n]).toEqual([1, 2]);
    startMeeting(doc, null, LOCAL_USER);
    expect(readCurrentMeetingId(doc)).toBeNull();
  });

  it('[J3] partners first: the first meetings are the stages; starting one sets the stage', () => {
    const doc = new Y.Doc();
    const planned = suggestedMeetings('partners-first', '2026-11-30', newId);
    expect(planned.map((m) => [m.n, m.stage, m.date])).toEqual([
      [1, 'homogeneous', '2026-11-30'],
      [2, 'heterogeneous', '2026-12-07'],
      [3, 'heterogeneous', '2026-12-14'],
    ]);
    for (const m of planned) putMeeting(doc, m, LOCAL_USER);
    startMeeting(doc, planned[1].id, LOCAL_USER);
    expect(readSession(doc).stage).toBe('heterogeneous');
    startMeeting(doc, planned[0].id, LOCAL_USER);
    expect(readSession(doc).stage).toBe('homogeneous');
  });

  it('[J3] calendar days without time zones', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
