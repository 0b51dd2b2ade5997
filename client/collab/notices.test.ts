import { describe, expect, it } from 'vitest';
import { parseNotice } from './notices.js';

describe('server notices', () => {
  it('reads every notice the server sends, and nothing else', () => {
    expect(parseNotice(JSON.stringify({ code: 'column-locked', columns: ['values', 'nope'] }))).toEqual({
      code: 'column-locked',
      columns: ['values'],
    });
    expect(parseNotice(JSON.stringify({ code: 'private-phase' }))).toEqual({ code: 'private-phase' });
    expect(parseNotice(JSON.stringify({ code: 'needs-who-what-when', missing: ['who', 'x', 'when'] }))).toEqual({
      code: 'needs-who-what-when',
      missing: ['who', 'when'],
    });
    expect(parseNotice(JSON.stringify({ code: 'something-else' }))).toBeNull();
    expect(parseNotice('not json')).toBeNull();
  });
});
