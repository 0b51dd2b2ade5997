import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_USER } from './origins.js';
import { SERVER } from './origins.js';
import {
  carryMandates,
  MANDATES_KEY,
  readMandates,
  readSignoffs,
  setMandate,
  setSignoff,
  signoffTable,
} from './signoff.js';

describe('mandate and sign-off', () => {
  it('[N1] a mandate to decide keeps no date; one to consult keeps its date; entries that do not fit are not read', () => {
    const doc = new Y.Doc();
    setMandate(doc, 'p1', 'decide', '2026-12-01', LOCAL_USER);
    setMandate(doc, 'p2', 'consult', '2026-12-14', LOCAL_USER);
    doc.getMap(MANDATES_KEY).set('p3', { kind: 'maybe', date: '', at: 1 });
    const mandates = readMandates(doc);
    expect(Object.keys(mandates).sort()).toEqual(['p1', 'p2']);
    expect(mandates.p1).toMatchObject({ kind: 'decide', date: '' });
    expect(mandates.p2).toMatchObject({ kind: 'consult', date: '2026-12-14' });
  });

  it('[N3] the table: every partner with its representatives and their mandate; no entry means concept', () => {
    const doc = new Y.Doc();
    setMandate(doc, 'p1', 'consult', '2026-12-14', LOCAL_USER);
    setSignoff(doc, 'zorg', 'discussed', 'p1', LOCAL_USER);
    const rows = signoffTable(
      [
        { id: 'zorg', name: 'Zorg' },
        { id: 'gemeente', name: 'Gemeente' },
      ],
      [
        { id: 'p1', name: 'Pia', partner: 'zorg' },
        { id: 'p2', name: 'Otto', partner: 'gemeente' },
      ],
      readMandates(doc),
      readSignoffs(doc),
    );
    expect(rows.map((r) => [r.partner.name, r.status, r.people.map((p) => [p.name, p.mandate?.kind ?? null])])).toEqual(
      [
        ['Zorg', 'discussed', [['Pia', 'consult']]],
        ['Gemeente', 'concept', [['Otto', null]]],
      ],
    );
  });

  it('[N4] carried from a partner map to the joint map: only what is new or newer, never an older statement', () => {
    const partner = new Y.Doc();
    const joint = new Y.Doc();
    partner.getMap(MANDATES_KEY).set('p1', { kind: 'consult', date: '2026-12-14', at: 100 });
    partner.getMap(MANDATES_KEY).set('p2', { kind: 'decide', date: '', at: 100 });
    joint.getMap(MANDATES_KEY).set('p2', { kind: 'consult', date: '2027-01-10', at: 200 });
    expect(carryMandates(partner, joint, SERVER)).toBe(1);
    expect(readMandates(joint)).toEqual({
      p1: { kind: 'consult', date: '2026-12-14', at: 100 },
      p2: { kind: 'consult', date: '2027-01-10', at: 200 },
    });
    // Again: nothing new, nothing written.
    let writes = 0;
    joint.on('update', () => writes++);
    expect(carryMandates(partner, joint, SERVER)).toBe(0);
    expect(writes).toBe(0);
    partner.getMap(MANDATES_KEY).set('p2', { kind: 'decide', date: '', at: 300 });
    expect(carryMandates(partner, joint, SERVER)).toBe(1);
    expect(readMandates(joint).p2).toEqual({ kind: 'decide', date: '', at: 300 });
  });
});
