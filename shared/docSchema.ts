import type * as Y from 'yjs';
import { CARDS_KEY } from './cardSchema.js';
import { GROUP_TAG_VALUES, type ValueSpec } from './card/fields.js';
import { GROUP_MEMBERS_KEY, GROUP_MEMBERS_MAX, GROUPS_KEY } from './compare/groupTags.js';
import { PAIR_DECISION_VALUES, PAIR_DECISIONS_KEY } from './compare/pairDecisions.js';
import type { DocKind } from './docName.js';
import { META_KEY, SCHEMA_VERSION_KEY } from './mapMeta.js';
import { PROJECTOR_SHOWS_KEY, PROJECTOR_SHOWS_SPEC, RETIRED_SHOWS_KEYS } from './projectorShows.js';
import { SESSION_KEY } from './session.js';
import { MANDATE_SPEC, MANDATES_KEY, SIGNOFF_SPEC, SIGNOFFS_KEY } from './signoff.js';
import { MEETING_ENTRY, MEETINGS_KEY } from './trajectory.js';
import { PARTICIPANTS_KEY } from './workshopDoc.js';
import { ROUND_REQUEST_SPEC, ROUND_REQUESTS_KEY, ROUNDS_KEY } from './rounds/rounds.js';
import { PARTNER_SPENT_KEY, SCORE_SPEC, SCORES_KEY, VOTE_COUNT_SPEC, VOTES_KEY } from './rounds/privateInputs.js';

/**
 * The root types each kind of document may hold ([M14]). Every root is a Y.Map; what its entries may
 * be is given per root:
 *   { entries: 'cards' }          each entry a card Y.Map, checked against the card table (card/fields.ts)
 *   { entries: ValueSpec }        each entry a plain value (ContentAny) matching the spec
 *   { entries: 'json' }           each entry a plain JSON value (ContentAny); its shape is read leniently
 *                                 by the document's reader (session.ts `readSession`); `checked` names
 *                                 entries that must match a spec, or that are 'retired' (only removed)
 *   { keys: Record<key, ValueSpec> } only these keys, each a plain value matching its spec
 * `writers` says who may change the root: 'writers' = whoever may write the document
 * (permissions.ts `canWriteDoc`, plus the card rules for `cards`); 'server' = nobody over the wire.
 * A root that is not listed for a document's kind is never valid in it.
 */
export type RootSpec = { readonly writers: 'writers' | 'server' } & (
  | { readonly entries: 'cards' | ValueSpec }
  | { readonly entries: 'json'; readonly checked?: Readonly<Record<string, ValueSpec | 'retired'>> }
  | { readonly keys: Readonly<Record<string, ValueSpec>> }
);

const GROUP_ENTRY: ValueSpec = {
  type: 'object',
  fields: {
    tag: { type: 'string', max: 13, oneOf: GROUP_TAG_VALUES },
    proposedBy: { type: 'string', max: 80 },
    confirmed: { type: 'boolean' },
  },
};

const PARTICIPANT_ENTRY: ValueSpec = {
  type: 'object',
  fields: {
    id: { type: 'string', min: 1, max: 64 },
    name: { type: 'string', max: 80 },
    partner: { type: 'string', max: 64 },
    role: { type: 'string', max: 40 },
    access: { type: 'string', max: 12, oneOf: ['facilitator', 'participant', 'projector'] },
    joinedAt: { type: 'number', min: 0, max: 8.64e15 },
    removed: { type: 'boolean' },
    noDevice: { type: 'boolean' },
  },
  optional: ['noDevice'],
};

export const DOC_ROOTS: Readonly<Record<DocKind, Readonly<Record<string, RootSpec>>>> = {
  map: {
    [CARDS_KEY]: { writers: 'writers', entries: 'cards' },
    [GROUPS_KEY]: { writers: 'writers', entries: GROUP_ENTRY },
    [GROUP_MEMBERS_KEY]: { writers: 'writers', entries: { type: 'string', max: GROUP_MEMBERS_MAX } },
    [META_KEY]: { writers: 'server', keys: { [SCHEMA_VERSION_KEY]: { type: 'number', min: 1, max: 1_000_000 } } },
    // Mandate and sign-off per partner ([N1]–[N3]); only in the joint map, who writes what: signoffRule.ts.
    [MANDATES_KEY]: { writers: 'writers', entries: MANDATE_SPEC },
    [SIGNOFFS_KEY]: { writers: 'writers', entries: SIGNOFF_SPEC },
  },
  drafts: {
    [CARDS_KEY]: { writers: 'writers', entries: 'cards' },
  },
  workshop: {
    [PARTICIPANTS_KEY]: { writers: 'server', entries: PARTICIPANT_ENTRY },
  },
  session: {
    [SESSION_KEY]: {
      writers: 'writers',
      entries: 'json',
      // What the projector shows in the map's place: one entry, checked; the entries it replaced are
      // only read from older documents ([Y9], docs/decisions/0034).
      checked: {
        [PROJECTOR_SHOWS_KEY]: PROJECTOR_SHOWS_SPEC,
        ...Object.fromEntries(RETIRED_SHOWS_KEYS.map((key) => [key, 'retired' as const])),
      },
    },
    [PAIR_DECISIONS_KEY]: { writers: 'writers', entries: { type: 'string', max: 5, oneOf: PAIR_DECISION_VALUES } },
    // Rounds of private input (ADR 0025): the facilitator asks, the server records and aggregates.
    [ROUND_REQUESTS_KEY]: { writers: 'writers', entries: ROUND_REQUEST_SPEC },
    [ROUNDS_KEY]: { writers: 'server', entries: 'json' },
    /** The meetings of the trajectory [J1] (trajectory.ts). */
    [MEETINGS_KEY]: { writers: 'writers', entries: MEETING_ENTRY },
  },
  private: {
    [VOTES_KEY]: { writers: 'writers', entries: VOTE_COUNT_SPEC },
    [SCORES_KEY]: { writers: 'writers', entries: SCORE_SPEC },
    // What the partner's other people spent in a per-partner round ([Q8]): counted by the server only.
    [PARTNER_SPENT_KEY]: { writers: 'server', entries: { type: 'number', min: 0, max: 1_000_000 } },
  },
};

/** Roots of `doc` that its kind may not hold (after an update was applied to a copy, e.g. on import). */
export function unknownRoots(doc: Y.Doc, kind: DocKind): string[] {
  return [...doc.share.keys()].filter((name) => !Object.hasOwn(DOC_ROOTS[kind], name));
}
