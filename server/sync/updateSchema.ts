import * as Y from 'yjs';
import {
  CARD_FIELDS,
  isCardFieldName,
  matchesValue,
  type CardFieldDef,
  type ValueSpec,
} from '../../shared/card/fields.js';
import type { DocKind } from '../../shared/docName.js';
import { DOC_ROOTS, type RootSpec } from '../../shared/docSchema.js';
import { CloseCode } from '../../shared/protocol.js';
import { hasUnsafeText } from '../../shared/cleanText.js';
import type { LandingItem, ParentRef, Refusal } from './updateValidation.js';

/**
 * The schema check of an update, before it is applied (T6, docs/decisions/0012): every item the update
 * integrates must land where the document's layout (shared/docSchema.ts roots, shared/card/fields.ts
 * card table) allows it, with the content kind and value the table gives. Junk root types, a plain
 * string in `cards`, unknown card fields, wrong value types or over-long values are refused with 4400,
 * so nothing of such an update is ever applied, stored or served. Rules that depend on the state after
 * the change (closed columns, a complete card, who/what/when) stay with the column guard.
 */

/** Deepest nesting inside a card's rich text (paragraph, list, list item, … text). */
const MAX_TEXT_DEPTH = 12;

type Place =
  /** A root map. */
  | { at: 'root'; name: string; spec: RootSpec }
  /** A card Y.Map (an entry of a `cards` root). */
  | { at: 'card'; cardId: string }
  /** The value type of a card field (map, array or the text fragment). */
  | { at: 'field'; field: string; def: CardFieldDef<unknown>; type: Y.AbstractType<unknown> | null }
  /** Somewhere inside a card's rich text, `depth` levels below the fragment. */
  | { at: 'text'; depth: number };

const CARD_ID_SPEC = (CARD_FIELDS.id.storage as { value: ValueSpec }).value;

const malformed = (reason: string): Refusal => ({ code: CloseCode.MALFORMED, reason });

/** The single plain value of a ContentAny, or undefined when it is not exactly one plain value. */
function singleValue(content: unknown): { ok: true; value: unknown } | { ok: false } {
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return { ok: false };
  return { ok: true, value: content.arr[0] };
}

const typeOf = (content: unknown): Y.AbstractType<unknown> | null =>
  content instanceof Y.ContentType ? (content.type as Y.AbstractType<unknown>) : null;

function unsafeValue(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return hasUnsafeText(v);
  if (depth > 8 || typeof v !== 'object' || v === null) return false;
  return Object.entries(v).some(([k, x]) => hasUnsafeText(k) || unsafeValue(x, depth + 1));
}

/** Text no one types (T10): C0 controls but tab and newline, and bidi overrides, in any value or text run. */
function containsUnsafeText(content: unknown): boolean {
  if (content instanceof Y.ContentString) return hasUnsafeText(content.str);
  if (content instanceof Y.ContentAny) return content.arr.some((v) => unsafeValue(v));
  return false;
}

export class SchemaCheck {
  private readonly places = new Map<object, Place | Refusal>();
  private readonly roots: Readonly<Record<string, RootSpec>>;
  /** New entries per keyed field type / elements per array field in this update (for the count limits). */
  private readonly added = new Map<object, Set<string> | number>();

  constructor(
    private readonly kind: DocKind,
    private readonly landingOf: ReadonlyMap<Y.Item, LandingItem>,
  ) {
    this.roots = DOC_ROOTS[kind];
  }

  /** Null when every item fits the layout; otherwise why not. */
  check(landing: readonly LandingItem[]): Refusal | null {
    for (const l of landing) {
      const refusal = this.checkItem(l);
      if (refusal) return refusal;
    }
    return null;
  }

  private rootPlace(name: string): Place | Refusal {
    const spec = Object.hasOwn(this.roots, name) ? this.roots[name] : undefined;
    if (!spec) return malformed(`unknown root type "${name.slice(0, 40)}" in a ${this.kind} document`);
    if (spec.writers === 'server')
      return { code: CloseCode.FORBIDDEN, reason: `"${name}" is written by the server only` };
    return { at: 'root', name, spec };
  }

  /** The place of the type `parent` (a type that exists, or one this update creates). */
  private placeOf(parent: ParentRef): Place | Refusal {
    if (parent.kind === 'root') return this.rootPlace(parent.name);
    const key: object = parent.kind === 'live' ? parent.type : parent.item;
    let place = this.places.get(key);
    if (place) return place;
    place = parent.kind === 'live' ? this.livePlace(parent.type) : this.newPlace(parent.item);
    this.places.set(key, place);
    return place;
  }

  /** Place of an existing type: from its own item's parent and key. */
  private livePlace(type: Y.AbstractType<unknown>): Place | Refusal {
    const item = type._item;
    if (!item) {
      const name = Y.findRootTypeKey(type);
      return this.rootPlace(name);
    }
    const parent = item.parent as Y.AbstractType<unknown> | null;
    if (!parent) return malformed('position inside a removed type');
    return this.childPlace(this.placeOf({ kind: 'live', type: parent }), item.parentSub, type);
  }

  /** Place of a type created by this update. */
  private newPlace(item: Y.Item): Place | Refusal {
    const landing = this.landingOf.get(item);
    if (!landing) return malformed('position inside a removed type');
    return this.childPlace(this.placeOf(landing.parent), landing.key, typeOf(item.content));
  }

  /** The place of a child type under `key` (or in sequence) of a parent place. */
  private childPlace(
    parent: Place | Refusal,
    key: string | null,
    type: Y.AbstractType<unknown> | null,
  ): Place | Refusal {
    if ('code' in parent) return parent;
    switch (parent.at) {
      case 'root':
        if (
          parent.spec.writers === 'writers' &&
          'entries' in parent.spec &&
          parent.spec.entries === 'cards' &&
          key !== null
        ) {
          return { at: 'card', cardId: key };
        }
        return malformed(`no types inside "${parent.name}"`);
      case 'card':
        if (key === null || !isCardFieldName(key)) return malformed('unknown card field');
        return { at: 'field', field: key, def: CARD_FIELDS[key] as CardFieldDef<unknown>, type };
      case 'field':
        if (parent.def.storage.kind !== 'xmlFragment')
          return malformed(`no types inside the card field "${parent.field}"`);
        return { at: 'text', depth: 1 };
      case 'text':
        if (parent.depth >= MAX_TEXT_DEPTH) return malformed('card text nested too deep');
        return { at: 'text', depth: parent.depth + 1 };
    }
  }

  private checkItem(l: LandingItem): Refusal | null {
    const place = this.placeOf(l.parent);
    if ('code' in place) return place;
    const content = l.item.content;
    if (containsUnsafeText(content)) return malformed('control or direction-override characters in text');
    // A deleted item carries no content; only where it stands matters (its root or key is checked above and below).
    const deleted = content instanceof Y.ContentDeleted;
    switch (place.at) {
      case 'root': {
        if (l.key === null) return malformed(`"${place.name}" is a map; sequence content refused`);
        if (deleted) return null;
        const spec = place.spec;
        if ('keys' in spec) {
          const valueSpec = Object.hasOwn(spec.keys, l.key) ? spec.keys[l.key] : undefined;
          return valueSpec && this.valueFits(content, valueSpec) ? null : malformed(`invalid entry in "${place.name}"`);
        }
        if (spec.entries === 'cards') {
          if (!matchesValue(CARD_ID_SPEC, l.key)) return malformed('invalid card id');
          return typeOf(content) instanceof Y.Map ? null : malformed('a card must be a map');
        }
        if (spec.entries === 'json') {
          const checked = spec.checked && Object.hasOwn(spec.checked, l.key) ? spec.checked[l.key] : undefined;
          if (checked === 'retired') return malformed(`"${l.key}" in "${place.name}" is no longer written`);
          if (checked)
            return this.valueFits(content, checked) ? null : malformed(`invalid "${l.key}" in "${place.name}"`);
          return singleValue(content).ok ? null : malformed(`invalid entry in "${place.name}"`);
        }
        return this.valueFits(content, spec.entries) ? null : malformed(`invalid entry in "${place.name}"`);
      }
      case 'card': {
        if (l.key === null || !isCardFieldName(l.key)) return malformed('unknown card field');
        const def = CARD_FIELDS[l.key] as CardFieldDef<unknown>;
        if (!def.docs.includes(this.kind as 'map' | 'drafts'))
          return malformed(`the field "${l.key}" does not belong in this document`);
        if (deleted) return null;
        const storage = def.storage;
        switch (storage.kind) {
          case 'value':
            if (!this.valueFits(content, storage.value)) return malformed(`invalid value for "${l.key}"`);
            if (l.key === 'id' && singleValue(content).ok && (content as Y.ContentAny).arr[0] !== place.cardId)
              return malformed('card id differs from its key');
            return null;
          case 'xmlFragment': {
            const t = typeOf(content);
            return t instanceof Y.XmlFragment && !(t instanceof Y.XmlElement)
              ? null
              : malformed(`"${l.key}" must be rich text`);
          }
          case 'map':
            return typeOf(content) instanceof Y.Map ? null : malformed(`"${l.key}" must be a map`);
          case 'array':
            return typeOf(content) instanceof Y.Array ? null : malformed(`"${l.key}" must be a list`);
        }
        return null;
      }
      case 'field': {
        const storage = place.def.storage;
        if (storage.kind === 'map') {
          if (l.key === null || !matchesValue(storage.key, l.key)) return malformed(`invalid key in "${place.field}"`);
          if (deleted) return null;
          if (!this.valueFits(content, storage.value)) return malformed(`invalid entry in "${place.field}"`);
          return this.countEntry(l, place, storage.maxEntries);
        }
        if (storage.kind === 'array') {
          if (l.key !== null) return malformed(`"${place.field}" is a list`);
          if (deleted) return null;
          if (!(content instanceof Y.ContentAny) || !content.arr.every((v) => matchesValue(storage.item, v))) {
            return malformed(`invalid element in "${place.field}"`);
          }
          return this.countEntry(l, place, storage.maxLength);
        }
        if (storage.kind === 'xmlFragment') {
          // Children of the fragment: paragraphs and other block nodes.
          if (l.key !== null) return malformed('rich text holds no keys at the top');
          return deleted || typeOf(content) instanceof Y.XmlElement || typeOf(content) instanceof Y.XmlText
            ? null
            : malformed('invalid rich text');
        }
        return malformed(`no content inside "${place.field}"`);
      }
      case 'text': {
        if (deleted) return null;
        // Element attributes are keyed plain values; text runs are strings with formatting marks.
        if (l.key !== null)
          return content instanceof Y.ContentAny || content instanceof Y.ContentFormat
            ? null
            : malformed('invalid rich text attribute');
        const t = typeOf(content);
        if (t) return t instanceof Y.XmlElement || t instanceof Y.XmlText ? null : malformed('invalid rich text node');
        return content instanceof Y.ContentString || content instanceof Y.ContentFormat
          ? null
          : malformed('invalid rich text content');
      }
    }
  }

  private valueFits(content: unknown, spec: ValueSpec): boolean {
    const v = singleValue(content);
    return v.ok && matchesValue(spec, v.value);
  }

  /** Count limits of map and list fields: what exists plus what this update adds. */
  private countEntry(l: LandingItem, place: Extract<Place, { at: 'field' }>, max: number): Refusal | null {
    const key: object = l.parent.kind === 'live' ? l.parent.type : l.parent.kind === 'new' ? l.parent.item : place;
    // A type this update creates is not in the document yet: it holds nothing (and Yjs warns on reading it).
    const live = place.type?.doc != null;
    const existing = !live
      ? 0
      : place.type instanceof Y.Map
        ? place.type.size
        : place.type instanceof Y.Array
          ? place.type.length
          : 0;
    if (l.key !== null) {
      const seen = (this.added.get(key) as Set<string> | undefined) ?? new Set<string>();
      if (!(live && place.type instanceof Y.Map && place.type.has(l.key))) seen.add(l.key);
      this.added.set(key, seen);
      return existing + seen.size > max ? malformed(`too many entries in "${place.field}"`) : null;
    }
    const n = ((this.added.get(key) as number | undefined) ?? 0) + l.item.length;
    this.added.set(key, n);
    return existing + n > max ? malformed(`too many entries in "${place.field}"`) : null;
  }
}
