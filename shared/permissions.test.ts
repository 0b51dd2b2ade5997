import { describe, expect, it } from 'vitest';
import { canReadDoc, canWriteDoc, workingMap, type AccessContext, type Principal } from './permissions.js';
import { formatDocName, parseDocName, type DocNameString } from './docName.js';

const anna: Principal = { access: 'participant', participantId: 'anna', partner: 'zorg' };
const fac: Principal = { access: 'facilitator', participantId: 'f', partner: '' };
const proj: Principal = { access: 'projector', participantId: 'x', partner: '' };
const joint: AccessContext = { flow: 'joint', stage: 'heterogeneous' };
const homo: AccessContext = { flow: 'partners-first', stage: 'homogeneous' };
const hetero: AccessContext = { flow: 'partners-first', stage: 'heterogeneous' };

const docs: DocNameString[] = ['workshop', 'session', 'map:joint', 'map:zorg', 'map:gemeente', 'drafts:anna', 'drafts:bram'];
const table = (who: Principal, ctx: AccessContext) =>
  Object.fromEntries(docs.map((d) => [d, `${canReadDoc(who, parseDocName(d)!, ctx) ? 'r' : '-'}${canWriteDoc(who, parseDocName(d)!, ctx) ? 'w' : '-'}`]));

describe('document permissions', () => {
  it('[S10] joint flow: own partner map and the joint map; session and workshop read-only', () => {
    expect(table(anna, joint)).toEqual({
      workshop: 'r-', session: 'r-', 'map:joint': 'rw', 'map:zorg': 'rw', 'map:gemeente': '--', 'drafts:anna': 'rw', 'drafts:bram': '--',
    });
  });

  it('[F1] partners first, homogeneous: a participant sees and edits only their own partner map', () => {
    expect(table(anna, homo)).toEqual({
      workshop: 'r-', session: 'r-', 'map:joint': '--', 'map:zorg': 'rw', 'map:gemeente': '--', 'drafts:anna': 'rw', 'drafts:bram': '--',
    });
  });

  it('[F2] partners first, mixed session: every partner map readable side by side, none writable; the joint map is built', () => {
    expect(table(anna, hetero)).toEqual({
      workshop: 'r-', session: 'r-', 'map:joint': 'rw', 'map:zorg': 'r-', 'map:gemeente': 'r-', 'drafts:anna': 'rw', 'drafts:bram': '--',
    });
  });

  it('[R4] the facilitator reads and writes everything (drafts: read only); the projector reads maps and session only', () => {
    for (const ctx of [joint, homo, hetero]) {
      expect(table(fac, ctx)).toEqual({
        workshop: 'rw', session: 'rw', 'map:joint': 'rw', 'map:zorg': 'rw', 'map:gemeente': 'rw', 'drafts:anna': 'r-', 'drafts:bram': 'r-',
      });
      expect(table(proj, ctx)).toEqual({
        workshop: 'r-', session: 'r-', 'map:joint': 'r-', 'map:zorg': 'r-', 'map:gemeente': 'r-', 'drafts:anna': '--', 'drafts:bram': '--',
      });
    }
  });
});

describe('the working map', () => {
  it('[F1] a participant works in their own partner map in the first stage of partners first, in the joint map otherwise', () => {
    expect(formatDocName(workingMap('partners-first', 'homogeneous', 'zorg'))).toBe('map:zorg');
    expect(formatDocName(workingMap('partners-first', 'heterogeneous', 'zorg'))).toBe('map:joint');
    expect(formatDocName(workingMap('joint', 'homogeneous', 'zorg'))).toBe('map:joint');
    // Someone without a partner (the facilitator) works in the joint map.
    expect(formatDocName(workingMap('partners-first', 'homogeneous', ''))).toBe('map:joint');
    // The working map is always one the person may write.
    for (const ctx of [joint, homo, hetero]) expect(canWriteDoc(anna, workingMap(ctx.flow, ctx.stage, anna.partner), ctx)).toBe(true);
  });
});
