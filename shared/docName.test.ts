import { describe, expect, it } from 'vitest';
import { formatDocName, holdsCards, isPartnerMap, parseDocName, partnerOfMap, type DocName } from './docName.js';

describe('document names', () => {
  it('[M13] parse into a kind and round-trip through formatDocName', () => {
    const cases: [string, DocName][] = [
      ['workshop', { kind: 'workshop' }],
      ['session', { kind: 'session' }],
      ['map:joint', { kind: 'map', map: 'joint' }],
      ['map:gemeente-zwolle', { kind: 'map', map: 'gemeente-zwolle' as never }],
      ['drafts:abc123', { kind: 'drafts', participant: 'abc123' as never }],
    ];
    for (const [text, parsed] of cases) {
      expect(parseDocName(text)).toEqual(parsed);
      expect(formatDocName(parsed)).toBe(text);
    }
  });

  it('[M13] refuse everything else', () => {
    for (const bad of [
      '',
      'Workshop',
      'sessions',
      'map',
      'map:',
      'map:Joint',
      'map:a_b',
      `map:${'a'.repeat(41)}`,
      'drafts:',
      'drafts:a-b',
      'map:joint/x',
      'cards:x',
      ' session',
      'session\n',
    ]) {
      expect(parseDocName(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('[M13] tell partner maps, the joint map and card documents apart', () => {
    const joint = parseDocName('map:joint')!;
    const partner = parseDocName('map:zorg')!;
    const drafts = parseDocName('drafts:p1')!;
    expect([isPartnerMap(joint), isPartnerMap(partner), isPartnerMap(drafts)]).toEqual([false, true, false]);
    expect([partnerOfMap(joint), partnerOfMap(partner)]).toEqual([null, 'zorg']);
    expect([joint, drafts, parseDocName('session')!].map(holdsCards)).toEqual([true, true, false]);
  });
});
