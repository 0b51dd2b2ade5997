import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { matchesValue } from './card/fields.js';
import { LOCAL_USER } from './origins.js';
import {
  PROJECTOR_SHOWS_SPEC,
  readProjectorShows,
  RETIRED_SHOWS_KEYS,
  setProjectorShows,
  SHOWS_MAP,
  type ProjectorShows,
} from './projectorShows.js';
import { getSessionMap } from './session.js';

const oldDoc = (entries: Record<string, unknown>) => {
  const doc = new Y.Doc();
  for (const [k, v] of Object.entries(entries)) getSessionMap(doc).set(k, v);
  return doc;
};

describe('what the projector shows in the map’s place', () => {
  it('[Y9] one setter, one reader: the last command is what is shown', () => {
    const doc = new Y.Doc();
    expect(readProjectorShows(doc)).toEqual(SHOWS_MAP);
    const commands: ProjectorShows[] = [{ kind: 'round', roundId: 'r1' }, { kind: 'review' }, { kind: 'scoreLine' }];
    for (const shows of commands) {
      setProjectorShows(doc, shows, LOCAL_USER);
      expect(readProjectorShows(doc)).toEqual(shows);
      expect(matchesValue(PROJECTOR_SHOWS_SPEC, getSessionMap(doc).get('projectorShows'))).toBe(true);
    }
    setProjectorShows(doc, SHOWS_MAP, LOCAL_USER);
    expect(readProjectorShows(doc)).toEqual({ kind: 'map' });
  });

  it('[Y9] a document from before reads its old entries with the old priority; the setter removes them', () => {
    expect(readProjectorShows(oldDoc({ shownRound: 'r1', review: true, scoreLine: true }))).toEqual({
      kind: 'round',
      roundId: 'r1',
    });
    expect(readProjectorShows(oldDoc({ shownRound: null, review: true, scoreLine: true }))).toEqual({ kind: 'review' });
    expect(readProjectorShows(oldDoc({ shownRound: null, review: false, scoreLine: true }))).toEqual({
      kind: 'scoreLine',
    });
    expect(readProjectorShows(oldDoc({ review: false, scoreLine: false }))).toEqual(SHOWS_MAP);
    const doc = oldDoc({ shownRound: 'r1', review: true });
    setProjectorShows(doc, SHOWS_MAP, LOCAL_USER);
    expect(readProjectorShows(doc)).toEqual(SHOWS_MAP);
    for (const key of RETIRED_SHOWS_KEYS) expect(getSessionMap(doc).has(key)).toBe(false);
  });

  it('[Y9] the spec the server checks takes the four shapes and nothing else', () => {
    const junk = [
      null,
      'map',
      {},
      { kind: 'round' },
      { kind: 'round', roundId: '' },
      { kind: 'map', roundId: 'r1' },
      { kind: 'scoreLine', partner: 'p1' },
      { kind: 'round', roundId: 'x'.repeat(65) },
    ];
    for (const v of junk) expect(matchesValue(PROJECTOR_SHOWS_SPEC, v)).toBe(false);
    // A value the reader does not know shows the map, never an error.
    expect(readProjectorShows(oldDoc({ projectorShows: { kind: 'everything' }, review: true }))).toEqual(SHOWS_MAP);
  });
});
