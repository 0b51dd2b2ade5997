import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { AGREEMENT_RULES, DEFAULT_AGREEMENT_RULE, type AgreementRule } from './agreement.js';
import { COLUMN_IDS, type ColumnId } from './columns.js';
import { PRIVATE_REFUSALS, type PrivateRefusal } from './rounds/refusals.js';

/**
 * The notice codec, the one definition of message type 7 for server and client ([M16]).
 * A notice tells the sender of a change why the server reverted it. On the wire: varUint
 * MESSAGE_NOTICE, then a varString holding the notice as JSON. The upstream y-websocket provider
 * ignores unknown message types; our client registers `readNotice` as the handler of type 7.
 */
export const MESSAGE_NOTICE = 7;

export const STEP_FIELDS = ['who', 'what', 'when'] as const;
export type StepField = (typeof STEP_FIELDS)[number];

export type Notice =
  /** A change in a column that is closed for you was reverted. */
  | { code: 'column-locked'; columns: ColumnId[] }
  /** A new card on the map while everyone writes alone first was reverted (it belongs in your drafts). */
  | { code: 'private-phase' }
  /** A step card was set to agreed without who, what and when; reverted. */
  | { code: 'needs-who-what-when'; missing: StepField[] }
  /** A card field broke the card table (unknown field, wrong type, too long, too many); reverted. */
  | { code: 'invalid-card'; fields: string[] }
  /** A change to a part of the document only the server writes (a map's schema version); reverted. */
  | { code: 'server-only'; roots: string[] }
  /** A participant wrote a card's status; only the facilitator (or, by consensus, the server) does [K1]. */
  | { code: 'status-by-facilitator'; rule: AgreementRule }
  /** "Eens namens" for another partner than one's own, or in someone else's name; reverted [K1]. */
  | { code: 'agreement-own-partner' }
  /** Not a refusal: these agreed cards changed and are open again; the facilitator can re-agree [K3]. */
  | { code: 'agreement-reopened'; cards: string[] }
  /** Confirming or clearing a group tag (or changing a confirmed one) is the facilitator's; reverted [K5]. */
  | { code: 'tag-by-facilitator' }
  /** A new card under someone else's name, or a change to who a card is by; reverted ([H1], [H2]). */
  | { code: 'authorship'; fields: string[] }
  /** The card text went over the workshop's limit; reverted ([H4]). */
  | { code: 'text-too-long'; max: number }
  /** Removing someone else's card was reverted and became a proposal for the facilitator ([H3]). */
  | { code: 'removal-proposed' }
  /** A "Hoort bij…" link that does not fit: to a card not on this map, to itself, to a column it may not serve, or in someone else's name; reverted [L2]. */
  | { code: 'link-refused'; reason: LinkRefusal }
  /** A mandate other than one's own, or another partner's sign-off; reverted [N2]. */
  | { code: 'signoff-own' }
  /** A vote or score was reverted: the round is closed, over budget, own card… ([Q2], [Y2]). */
  | { code: 'private-refused'; reason: PrivateRefusal }
  /**
   * Follow-up of an action refused ([J4], [J5]): on a card that is no agreed step card, or by someone
   * who is not its owner (or an owner writing more than status and note); reverted.
   */
  | { code: 'follow-up'; reason: 'not-agreed' | 'not-owner' };

export const LINK_REFUSALS = ['missing', 'self', 'column', 'by'] as const;
export type LinkRefusal = (typeof LINK_REFUSALS)[number];

/** The whole frame, ready to send. */
export function encodeNotice(notice: Notice): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_NOTICE);
  encoding.writeVarString(e, JSON.stringify(notice));
  return encoding.toUint8Array(e);
}

const strings = (v: unknown, max = 50): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length <= 100).slice(0, max) : [];
const only = <T extends string>(allowed: readonly T[], v: unknown): T[] =>
  strings(v).filter((x): x is T => (allowed as readonly string[]).includes(x));

/** The notice in a JSON text, or null when it is not one this version knows (newer codes are ignored). */
export function parseNotice(json: string): Notice | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  switch (v.code) {
    case 'column-locked':
      return { code: 'column-locked', columns: only(COLUMN_IDS, v.columns) };
    case 'private-phase':
      return { code: 'private-phase' };
    case 'needs-who-what-when':
      return { code: 'needs-who-what-when', missing: only(STEP_FIELDS, v.missing) };
    case 'invalid-card':
      return { code: 'invalid-card', fields: strings(v.fields) };
    case 'server-only':
      return { code: 'server-only', roots: strings(v.roots) };
    case 'status-by-facilitator':
      return {
        code: 'status-by-facilitator',
        rule: only(AGREEMENT_RULES, [v.rule])[0] ?? DEFAULT_AGREEMENT_RULE,
      };
    case 'agreement-own-partner':
      return { code: 'agreement-own-partner' };
    case 'agreement-reopened':
      return { code: 'agreement-reopened', cards: strings(v.cards) };
    case 'tag-by-facilitator':
      return { code: 'tag-by-facilitator' };
    case 'authorship':
      return { code: 'authorship', fields: strings(v.fields) };
    case 'text-too-long':
      return typeof v.max === 'number' && Number.isInteger(v.max) && v.max >= 0
        ? { code: 'text-too-long', max: v.max }
        : null;
    case 'removal-proposed':
      return { code: 'removal-proposed' };
    case 'link-refused': {
      const reason = only(LINK_REFUSALS, [v.reason])[0];
      return reason ? { code: 'link-refused', reason } : null;
    }
    case 'signoff-own':
      return { code: 'signoff-own' };
    case 'private-refused': {
      const reason = only(PRIVATE_REFUSALS, [v.reason])[0];
      return reason ? { code: 'private-refused', reason } : null;
    }
    case 'follow-up':
      return v.reason === 'not-agreed' || v.reason === 'not-owner' ? { code: 'follow-up', reason: v.reason } : null;
    default:
      return null;
  }
}

/** Read the notice after the message type (the shape of a y-websocket message handler's decoder). */
export function readNotice(decoder: decoding.Decoder): Notice | null {
  return parseNotice(decoding.readVarString(decoder));
}

/** Decode a whole frame; null when it is not a notice or not one this version knows. */
export function decodeNotice(frame: Uint8Array): Notice | null {
  try {
    const d = decoding.createDecoder(frame);
    if (decoding.readVarUint(d) !== MESSAGE_NOTICE) return null;
    return readNotice(d);
  } catch {
    return null;
  }
}
