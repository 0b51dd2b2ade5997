import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { decodeNotice, encodeNotice, MESSAGE_NOTICE, parseNotice, readNotice, type Notice } from './notices.js';

describe('the notice codec', () => {
  it('[M16] every notice round-trips through one frame: type 7, then the notice as a JSON string', () => {
    const all: Notice[] = [
      { code: 'column-locked', columns: ['relations', 'steps'] },
      { code: 'private-phase' },
      { code: 'needs-who-what-when', missing: ['who', 'when'] },
      { code: 'invalid-card', fields: ['order'] },
      { code: 'server-only', roots: ['meta'] },
      { code: 'status-by-facilitator', rule: 'consensus' },
      { code: 'agreement-own-partner' },
      { code: 'agreement-reopened', cards: ['c1'] },
      { code: 'tag-by-facilitator' },
      { code: 'authorship', fields: ['author', 'authorName'] },
      { code: 'text-too-long', max: 600 },
      { code: 'removal-proposed' },
      { code: 'link-refused', reason: 'column' },
      { code: 'signoff-own' },
      { code: 'follow-up', reason: 'not-owner' },
      { code: 'follow-up', reason: 'not-agreed' },
    ];
    for (const notice of all) {
      const frame = encodeNotice(notice);
      expect(decodeNotice(frame)).toEqual(notice);
      // The wire format the client reads today: varUint 7, varString JSON.
      const d = decoding.createDecoder(frame);
      expect(decoding.readVarUint(d)).toBe(MESSAGE_NOTICE);
      expect(JSON.parse(decoding.readVarString(d))).toEqual(notice);
      const again = decoding.createDecoder(frame);
      decoding.readVarUint(again);
      expect(readNotice(again)).toEqual(notice);
    }
  });

  it('[M16] unknown codes, other message types and broken frames decode to null; foreign values are dropped', () => {
    expect(parseNotice('{"code":"from-the-future"}')).toBeNull();
    expect(parseNotice('not json')).toBeNull();
    expect(parseNotice('null')).toBeNull();
    expect(parseNotice('{"code":"column-locked","columns":["values","nope",3]}')).toEqual({
      code: 'column-locked',
      columns: ['values'],
    });
    expect(parseNotice('{"code":"needs-who-what-when","missing":["who","why"]}')).toEqual({
      code: 'needs-who-what-when',
      missing: ['who'],
    });
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, '{"code":"private-phase"}');
    expect(decodeNotice(encoding.toUint8Array(e))).toBeNull();
    expect(decodeNotice(new Uint8Array([7, 200]))).toBeNull();
  });
});
