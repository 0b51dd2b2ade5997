import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_USER } from './origins.js';
import { MANDATES_KEY, readMandates, readSignoffs, setMandate, setSignoff, signoffTable } from './signoff.js';

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
});
