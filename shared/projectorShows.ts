import type * as Y from 'yjs';
import type { ValueSpec } from './card/fields.js';
import type { Origin } from './origins.js';
import { getSessionMap } from './session.js';

/**
 * [Y9] What the projector shows in the map's place: the map itself, a closed round's result ([Q5],
 * [Y4]), the review "terugblik" ([J6], also on the phones) or the line of scores ([Y7]). ONE entry of
 * the session root holds it, so the facilitator's last command is what the room sees without any
 * caller having to clear the others (docs/decisions/0034). The header with the join code stays in
 * sight whatever is shown (ROOM.md).
 */
export type ProjectorShows =
  | { kind: 'map' }
  | { kind: 'round'; roundId: string }
  | { kind: 'review' }
  | { kind: 'scoreLine' };

/** Entry of the `session` root (only the facilitator writes the session document, [G3]). */
export const PROJECTOR_SHOWS_KEY = 'projectorShows';

export const SHOWS_MAP: ProjectorShows = Object.freeze({ kind: 'map' });

const tag = (kind: ProjectorShows['kind']): ValueSpec => ({ type: 'string', max: 9, oneOf: [kind] });

/** What the server accepts under PROJECTOR_SHOWS_KEY (shared/docSchema.ts); anything else is refused (4400). */
export const PROJECTOR_SHOWS_SPEC: ValueSpec = {
  type: 'anyOf',
  options: [
    { type: 'object', fields: { kind: tag('map') } },
    { type: 'object', fields: { kind: tag('round'), roundId: { type: 'string', min: 1, max: 64 } } },
    { type: 'object', fields: { kind: tag('review') } },
    { type: 'object', fields: { kind: tag('scoreLine') } },
  ],
};

/**
 * The three booleans/ids that said the same before [Y9]: a closed round shown, the review shown, the
 * line shown. Documents stored (or backed up) before then still hold them; they are read, never
 * written again (the server refuses a write of them), and the setter removes them.
 */
export const RETIRED_SHOWS_KEYS = ['shownRound', 'review', 'scoreLine'] as const;

/**
 * [Y9] The one reader. A document from before [Y9] has no `projectorShows` yet: its old entries are read
 * with the priority the projector gave them then (a shown round over the review over the line).
 */
export function readProjectorShows(doc: Y.Doc): ProjectorShows {
  const session = getSessionMap(doc);
  if (session.has(PROJECTOR_SHOWS_KEY)) return readShows(session.get(PROJECTOR_SHOWS_KEY));
  const [round, review, line] = RETIRED_SHOWS_KEYS.map((key) => session.get(key));
  if (typeof round === 'string' && round) return { kind: 'round', roundId: round };
  if (review === true) return { kind: 'review' };
  if (line === true) return { kind: 'scoreLine' };
  return SHOWS_MAP;
}

function readShows(value: unknown): ProjectorShows {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (v.kind === 'round' && typeof v.roundId === 'string' && v.roundId) return { kind: 'round', roundId: v.roundId };
  if (v.kind === 'review' || v.kind === 'scoreLine') return { kind: v.kind };
  return SHOWS_MAP;
}

/** [Y9] The one setter: put this on the projector in the map's place (`SHOWS_MAP`: the map again). */
export function setProjectorShows(doc: Y.Doc, shows: ProjectorShows, origin: Origin): void {
  doc.transact(() => {
    const session = getSessionMap(doc);
    session.set(
      PROJECTOR_SHOWS_KEY,
      shows.kind === 'round' ? { kind: 'round', roundId: shows.roundId } : { kind: shows.kind },
    );
    for (const key of RETIRED_SHOWS_KEYS) if (session.has(key)) session.delete(key);
  }, origin);
}
