import type * as Y from 'yjs';
import { validCardTextLimit } from './cardLength.js';
import type { Origin } from './origins.js';
import { getSessionMap } from './session.js';

/**
 * Workshop settings the facilitator chooses for authorship and private writing ([H4], [H6]). They are
 * entries of the `session` document, which only the facilitator writes ([G3]), so the server reads the
 * same values it enforces; readers are lenient like `readSession`.
 */
export interface WorkshopSettings {
  /** The card text limit of this workshop; null: the server's default (`PKL_CARD_TEXT_MAX`). */
  cardTextMax: number | null;
  /** Whether the facilitator may read private drafts before the reveal; otherwise only counts. */
  draftsReadable: boolean;
}

const CARD_TEXT_MAX_KEY = 'cardTextMax';
const DRAFTS_READABLE_KEY = 'draftsReadable';

export function readWorkshopSettings(sessionDoc: Y.Doc): WorkshopSettings {
  const m = getSessionMap(sessionDoc);
  return {
    cardTextMax: validCardTextLimit(m.get(CARD_TEXT_MAX_KEY)),
    // Reading drafts was promised before this setting existed: it stays on until the facilitator turns it off.
    draftsReadable: m.get(DRAFTS_READABLE_KEY) !== false,
  };
}

/** The limit that holds: the workshop's own, else the server's default. */
export function cardTextLimit(settings: WorkshopSettings, serverDefault: number): number {
  return settings.cardTextMax ?? serverDefault;
}

export function setCardTextMax(sessionDoc: Y.Doc, limit: number | null, origin: Origin): void {
  const valid = limit === null ? null : validCardTextLimit(limit);
  sessionDoc.transact(() => {
    if (valid === null) getSessionMap(sessionDoc).delete(CARD_TEXT_MAX_KEY);
    else getSessionMap(sessionDoc).set(CARD_TEXT_MAX_KEY, valid);
  }, origin);
}

export function setDraftsReadable(sessionDoc: Y.Doc, readable: boolean, origin: Origin): void {
  sessionDoc.transact(() => getSessionMap(sessionDoc).set(DRAFTS_READABLE_KEY, readable), origin);
}
