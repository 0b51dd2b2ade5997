import type * as Y from 'yjs';
import { COLUMN_IDS, type ColumnId } from '../columns.js';
import type { CardId, ParticipantId, PartnerId } from '../ids.js';

/**
 * THE CARD TABLE: every field a card can hold, in one place ([M12]).
 *
 * A card is a `Y.Map` under its id in the `cards` root map of a map or drafts document. Each row of
 * `CARD_FIELDS` says, for one key of that Y.Map:
 *   storage  how Yjs stores it, and what may be inside (see the contract below);
 *   onCreate whether `createCard` writes it on every card (in the card's first transaction);
 *   default  what readers see when it is absent or invalid (`undefined`: must be given on create);
 *   docs     which document kinds may hold it (`map` for the maps, `drafts` for private drafts);
 *   about    what it means.
 * Who may write a field is not a property of the field: it follows from the document (permissions.ts)
 * and the column (session.ts `writableColumns`), which the server checks for the whole card.
 *
 * Everything else derives from this table: the read model's `CardSnapshot` (readModel.ts), the values
 * `createCard` writes (ops.ts), the server's content check of every connection's change
 * (server/sync/columnGuard.ts through `validateCardChange`), the check of cards a reveal copies from
 * drafts (drafts.ts) and of backups on import (`checkCardsDoc`), and so the exports, which read
 * snapshots.
 *
 * CONTRACT for a pre-apply update validator (machine-readable form: `CARD_FIELDS[name].storage`):
 *   { kind: 'value', value: ValueSpec }
 *       One item whose content is ContentAny holding exactly one JSON value that `matchesValue(spec, v)`
 *       accepts. (Y.Map.set of a string, number, boolean or plain object produces ContentAny.)
 *   { kind: 'xmlFragment' }
 *       One item whose content is ContentType of a YXmlFragment (the rich text; its inside is the
 *       editor's schema, see richText.ts: XmlElement / XmlText children with bold and italic marks).
 *   { kind: 'map', key, value, maxEntries }
 *       One item whose content is ContentType of a YMap; every entry inside is ContentAny with one
 *       value matching `value`, under a key matching `key`; at most `maxEntries` live entries.
 *   { kind: 'array', item, maxLength }
 *       One item whose content is ContentType of a YArray; every element is ContentAny whose values each
 *       match `item`; at most `maxLength` live elements.
 * A key that is not in the table is never valid in a card. Any other content (ContentBinary,
 * ContentDoc, ContentEmbed, ContentFormat, ContentString, ContentJSON, or a type where a value
 * belongs) is invalid everywhere in a card except inside the `xmlFragment` field.
 * The roots a document may hold are listed per document kind in docSchema.ts.
 */

/** A plain JSON value, described so that both a predicate and a pre-apply validator can use it. */
export type ValueSpec =
  | {
      readonly type: 'string';
      readonly max: number;
      readonly min?: number;
      /** When given, only these strings. */
      readonly oneOf?: readonly string[];
      readonly pattern?: RegExp;
    }
  | { readonly type: 'number'; readonly min: number; readonly max: number }
  | { readonly type: 'boolean' }
  /** A plain object with exactly these keys (none extra; none missing but those named `optional`). */
  | {
      readonly type: 'object';
      readonly fields: Readonly<Record<string, ValueSpec>>;
      readonly optional?: readonly string[];
    }
  /** Any one of these shapes (a tagged union: give each option its own `oneOf` tag). */
  | { readonly type: 'anyOf'; readonly options: readonly ValueSpec[] };

export type FieldStorage =
  | { readonly kind: 'value'; readonly value: ValueSpec }
  | { readonly kind: 'xmlFragment' }
  | { readonly kind: 'map'; readonly key: ValueSpec; readonly value: ValueSpec; readonly maxEntries: number }
  | { readonly kind: 'array'; readonly item: ValueSpec; readonly maxLength: number };

export type CardDocKind = 'map' | 'drafts';

export interface CardFieldDef<T> {
  readonly storage: FieldStorage;
  readonly onCreate: boolean;
  readonly default: T | undefined;
  readonly docs: readonly CardDocKind[];
  readonly about: string;
  /** Carries the TypeScript type of the field; never set. */
  readonly __type?: T;
}

/* ---- Limits (one place; the forms use them as maxLength) ---- */

/** An order key is at most this long; the server refuses longer ones ([M3], [M15]). */
export const ORDER_KEY_MAX = 200;
export const ARGUMENT_MAX = 280;
export const STEP_FIELD_MAX = 120;
/** Earlier texts kept per card; the oldest go first. */
export const HISTORY_MAX = 50;
/** Length of a text kept in history or origins (a card's text has no other limit than the frame). */
export const CARD_TEXT_MAX = 10_000;
/** Names shown on a card (author, supporter, typist): the join form's limit plus room for older data. */
export const NAME_MAX = 80;
/** Ids of cards, participants, partners and arguments. */
export const ID_MAX = 64;
export const SUPPORTERS_MAX = 500;
export const ARGUMENTS_MAX = 200;
export const AGREEMENTS_MAX = 50;
export const ORIGINS_MAX = 100;
/** Cards one card can be linked to ("Hoort bij…", issue 14). */
export const LINKS_MAX = 20;
/** The short note on an action's progress ([J5]). */
export const ACTION_NOTE_MAX = 200;

export const CARD_STATUSES = ['open', 'agreed', 'parked'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];
/** Where an agreed action stands ([J4]): gepland, bezig, gedaan, vastgelopen, vervallen. */
export const ACTION_STATUSES = ['planned', 'doing', 'done', 'stuck', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const GROUP_TAG_VALUES = ['shared', 'complementary', 'tension'] as const;
export type GroupTag = (typeof GROUP_TAG_VALUES)[number];

/* ---- Value types of the nested fields ---- */

export interface Supporter {
  name: string;
  partner: string;
  at: number;
}

export type ArgumentSide = 'for' | 'against';

export interface CardArgument {
  id: string;
  side: ArgumentSide;
  text: string;
  author: string;
  authorName: string;
  partner: string;
  at: number;
}

export interface Agreement {
  by: string;
  name: string;
  at: number;
}

/** A participant's proposal to remove someone else's card ([H3]); written only by the server. */
export interface RemovalProposal {
  by: string;
  name: string;
  at: number;
}

export interface HistoryEntry {
  text: string;
  by: string;
  name: string;
  at: number;
}

/** A card as it was agreed (written by the server only, [K3]). */
export interface AgreedVersion {
  text: string;
  who: string;
  what: string;
  when: string;
  at: number;
}

/** A link from a card to a card it serves ("Hoort bij…"): who made it, when. */
export interface CardLink {
  by: string;
  at: number;
}

/** Who carries an agreed action ([J4]): one person, or a partner (anyone of it may update it). */
export interface ActionOwner {
  kind: 'person' | 'partner';
  id: string;
}

/** Where a joint card came from (see compare/merge.ts). */
export interface CardOrigin {
  map: string;
  cardId: string;
  partner: string;
  text: string;
}

/* ---- Value specs ---- */

const id: ValueSpec = { type: 'string', max: ID_MAX };
const nonEmptyId: ValueSpec = { type: 'string', min: 1, max: ID_MAX };
const name: ValueSpec = { type: 'string', max: NAME_MAX };
const time: ValueSpec = { type: 'number', min: 0, max: 8.64e15 };
const stepField: ValueSpec = { type: 'string', max: STEP_FIELD_MAX };
const cardText: ValueSpec = { type: 'string', max: CARD_TEXT_MAX };

const STATUS_SPEC: ValueSpec = { type: 'string', max: 6, oneOf: CARD_STATUSES };
/** Base-62 digits, not ending in the smallest digit '0' (so there is room below every key). */
export const ORDER_KEY_SPEC: ValueSpec = {
  type: 'string',
  min: 1,
  max: ORDER_KEY_MAX,
  pattern: /^[0-9A-Za-z]*[1-9A-Za-z]$/,
};

const SUPPORTER: ValueSpec = { type: 'object', fields: { name, partner: id, at: time } };
const ARGUMENT: ValueSpec = {
  type: 'object',
  fields: {
    id: nonEmptyId,
    side: { type: 'string', max: 7, oneOf: ['for', 'against'] },
    text: { type: 'string', min: 1, max: ARGUMENT_MAX },
    author: id,
    authorName: name,
    partner: id,
    at: time,
  },
};
const AGREEMENT: ValueSpec = { type: 'object', fields: { by: id, name, at: time } };
const REMOVAL: ValueSpec = { type: 'object', fields: { by: id, name, at: time } };
const LINK: ValueSpec = { type: 'object', fields: { by: id, at: time } };
const HISTORY_ENTRY: ValueSpec = { type: 'object', fields: { text: cardText, by: id, name, at: time } };
const AGREED_VERSION: ValueSpec = {
  type: 'object',
  fields: { text: cardText, who: stepField, what: stepField, when: stepField, at: time },
};
const ACTION_OWNER: ValueSpec = {
  type: 'object',
  fields: { kind: { type: 'string', max: 7, oneOf: ['person', 'partner'] }, id: nonEmptyId },
};
/** A calendar date, YYYY-MM-DD (a day, not a moment: no time zone to get wrong). */
export const DATE_SPEC: ValueSpec = {
  type: 'string',
  min: 10,
  max: 10,
  pattern: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
};
const ORIGIN: ValueSpec = {
  type: 'object',
  fields: { map: { type: 'string', max: 48 }, cardId: id, partner: id, text: cardText },
};

const value = (spec: ValueSpec): FieldStorage => ({ kind: 'value', value: spec });
const field = <T>(def: Omit<CardFieldDef<T>, '__type'>): CardFieldDef<T> => def;
const both: readonly CardDocKind[] = ['map', 'drafts'];

export const CARD_FIELDS = {
  id: field<CardId>({
    storage: value(nonEmptyId),
    onCreate: true,
    default: undefined,
    docs: both,
    about: 'The card id; equals its key in `cards`.',
  }),
  column: field<ColumnId>({
    storage: value({ type: 'string', max: 20, oneOf: COLUMN_IDS }),
    onCreate: true,
    default: undefined,
    docs: both,
    about: 'The column (step) it stands in; a card without a valid column is left out by every reader [M4].',
  }),
  order: field<string>({
    storage: value(ORDER_KEY_SPEC),
    onCreate: true,
    default: '',
    docs: both,
    about: 'Order key within the column [M3].',
  }),
  author: field<ParticipantId | ''>({
    storage: value(id),
    onCreate: true,
    default: '',
    docs: both,
    about: 'Participant who the card is by.',
  }),
  authorName: field<string>({
    storage: value(name),
    onCreate: true,
    default: '',
    docs: both,
    about: 'Their display name when it was written.',
  }),
  partner: field<PartnerId | ''>({
    storage: value(id),
    onCreate: true,
    default: '',
    docs: both,
    about: 'Partner of the author; empty for a joint card of several partners.',
  }),
  createdAt: field<number>({
    storage: value(time),
    onCreate: true,
    default: 0,
    docs: both,
    about: 'Epoch ms of creation.',
  }),
  status: field<CardStatus>({
    storage: value(STATUS_SPEC),
    onCreate: true,
    default: 'open',
    docs: both,
    about: 'open, agreed or parked; a step card is agreed only with who, what and when.',
  }),
  text: field<Y.XmlFragment>({
    storage: { kind: 'xmlFragment' },
    onCreate: true,
    default: undefined,
    docs: both,
    about: 'The rich text, created with the card [M2].',
  }),
  buildsOn: field<CardId | ''>({
    storage: value(id),
    onCreate: false,
    default: '',
    docs: both,
    about: '"Build on this": the card it extends.',
  }),
  map: field<string>({
    storage: value({ type: 'string', max: 48, pattern: /^map:[a-z0-9-]{1,40}$/ }),
    onCreate: false,
    default: '',
    docs: ['drafts'],
    about: 'Drafts only: the map the draft is meant for (removed when it is revealed).',
  }),
  writtenBy: field<ParticipantId | ''>({
    storage: value(id),
    onCreate: false,
    default: '',
    docs: both,
    about: 'The typist when the card was written for someone else.',
  }),
  writtenByName: field<string>({
    storage: value(name),
    onCreate: false,
    default: '',
    docs: both,
    about: 'Their display name.',
  }),
  supporters: field<Record<string, Supporter>>({
    storage: { kind: 'map', key: nonEmptyId, value: SUPPORTER, maxEntries: SUPPORTERS_MAX },
    onCreate: false,
    default: {},
    docs: both,
    about: 'Support (+1) by participant id; withdrawing deletes the key.',
  }),
  arguments: field<Record<string, CardArgument>>({
    storage: { kind: 'map', key: nonEmptyId, value: ARGUMENT, maxEntries: ARGUMENTS_MAX },
    onCreate: false,
    default: {},
    docs: both,
    about: 'Short arguments for and against, by argument id.',
  }),
  agreedBy: field<Record<string, Agreement>>({
    storage: { kind: 'map', key: nonEmptyId, value: AGREEMENT, maxEntries: AGREEMENTS_MAX },
    onCreate: false,
    default: {},
    docs: both,
    about: 'Agreement recorded per partner id.',
  }),
  agreedVersion: field<AgreedVersion | null>({
    storage: value(AGREED_VERSION),
    onCreate: false,
    default: null,
    docs: ['map'],
    about:
      'Written by the server only: the text and who/what/when as they were when the card became agreed [K3]; the convenant prints this.',
  }),
  history: field<HistoryEntry[]>({
    storage: { kind: 'array', item: HISTORY_ENTRY, maxLength: HISTORY_MAX },
    onCreate: false,
    default: [],
    docs: both,
    about: 'Earlier texts, appended when an edit ends.',
  }),
  who: field<string>({
    storage: value(stepField),
    onCreate: false,
    default: '',
    docs: both,
    about: 'Step cards: who does it.',
  }),
  what: field<string>({
    storage: value(stepField),
    onCreate: false,
    default: '',
    docs: both,
    about: 'Step cards: what is done.',
  }),
  when: field<string>({
    storage: value(stepField),
    onCreate: false,
    default: '',
    docs: both,
    about: 'Step cards: by when.',
  }),
  actionOwner: field<ActionOwner | null>({
    storage: value(ACTION_OWNER),
    onCreate: false,
    default: null,
    docs: ['map'],
    about:
      'Agreed step cards only ([J4]): the person or partner who carries the action; set by the facilitator (followUp.ts).',
  }),
  actionDue: field<string>({
    storage: value(DATE_SPEC),
    onCreate: false,
    default: '',
    docs: ['map'],
    about: 'Agreed step cards only ([J4]): the due date, YYYY-MM-DD; set by the facilitator.',
  }),
  actionStatus: field<ActionStatus>({
    storage: value({ type: 'string', max: 7, oneOf: ACTION_STATUSES }),
    onCreate: false,
    default: 'planned',
    docs: ['map'],
    about:
      'Agreed step cards only ([J4]): gepland, bezig, gedaan, vastgelopen or vervallen; the facilitator or the owner, also in a locked column ([J5]).',
  }),
  actionNote: field<string>({
    storage: value({ type: 'string', max: ACTION_NOTE_MAX }),
    onCreate: false,
    default: '',
    docs: ['map'],
    about: 'Agreed step cards only ([J4]): a short note on the progress; written like actionStatus ([J5]).',
  }),
  origins: field<CardOrigin[]>({
    storage: { kind: 'array', item: ORIGIN, maxLength: ORIGINS_MAX },
    onCreate: false,
    default: [],
    docs: ['map'],
    about: 'Joint cards built from partner maps: the partner-map cards they came from.',
  }),
  removal: field<RemovalProposal | null>({
    storage: value(REMOVAL),
    onCreate: false,
    default: null,
    docs: ['map'],
    about:
      "Someone proposed removing this card ([H3]): set by the server when it reverted a removal of another person's card; the facilitator removes the card or deletes this field.",
  }),
  links: field<Record<string, CardLink>>({
    storage: { kind: 'map', key: nonEmptyId, value: LINK, maxEntries: LINKS_MAX },
    onCreate: false,
    default: {},
    docs: ['map'],
    about:
      '"Hoort bij…": the cards this card serves, by card id (an action to conditions, roles or relations; any card to the values); removing a link deletes the key.',
  }),
  tag: field<GroupTag | ''>({
    storage: value({ type: 'string', max: 13, oneOf: ['', ...GROUP_TAG_VALUES] }),
    onCreate: false,
    default: '',
    docs: ['map'],
    about: 'The group tag it was taken with: shared, complementary or tension.',
  }),
} as const;

export type CardFieldName = keyof typeof CARD_FIELDS;
type FieldType<D> = D extends CardFieldDef<infer T> ? T : never;
/** The TypeScript type of every field, as readers see it (text: the fragment, or undefined). */
export type CardValues = { [K in CardFieldName]: FieldType<(typeof CARD_FIELDS)[K]> };

export const CARD_FIELD_NAMES = Object.keys(CARD_FIELDS) as CardFieldName[];

export function isCardFieldName(key: string): key is CardFieldName {
  return Object.hasOwn(CARD_FIELDS, key);
}

/** Whether a plain value matches its spec: the one predicate behind every check and reader. */
export function matchesValue(spec: ValueSpec, v: unknown): boolean {
  switch (spec.type) {
    case 'string':
      return (
        typeof v === 'string' &&
        v.length <= spec.max &&
        v.length >= (spec.min ?? 0) &&
        (!spec.oneOf || spec.oneOf.includes(v)) &&
        (!spec.pattern || spec.pattern.test(v))
      );
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && v >= spec.min && v <= spec.max;
    case 'boolean':
      return typeof v === 'boolean';
    case 'object': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      const required = Object.keys(spec.fields).filter((k) => !spec.optional?.includes(k));
      if (!required.every((k) => Object.hasOwn(o, k))) return false;
      return keys.every((k) => Object.hasOwn(spec.fields, k) && matchesValue(spec.fields[k], o[k]));
    }
    case 'anyOf':
      return spec.options.some((option) => matchesValue(option, v));
  }
}

export function isCardStatus(value: unknown): value is CardStatus {
  return matchesValue(STATUS_SPEC, value);
}
