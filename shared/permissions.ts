import type { DocName } from './protocol.js';
import type { AccessRole } from './roles.js';

/** Who is asking: derived from the token on the server, from the stored identity in the client. */
export interface Principal {
  access: AccessRole;
  participantId: string;
  partner: string;
}

/**
 * How the workshop runs. `joint`: one mixed group fills the joint map. `partners-first`: each
 * partner first fills its own map (stage `homogeneous`), then the mixed group compares the maps and
 * builds the joint map (stage `heterogeneous`).
 */
export const FLOWS = ['joint', 'partners-first'] as const;
export type Flow = (typeof FLOWS)[number];
export type Stage = 'homogeneous' | 'heterogeneous';

export function isFlow(value: unknown): value is Flow {
  return typeof value === 'string' && (FLOWS as readonly string[]).includes(value);
}

export interface AccessContext {
  flow: Flow;
  stage: Stage;
}

export const JOINT_FLOW: AccessContext = { flow: 'joint', stage: 'heterogeneous' };

const isPartnerMap = (doc: DocName) => doc.startsWith('map:') && doc !== 'map:joint';
const homogeneous = (ctx: AccessContext) => ctx.flow === 'partners-first' && ctx.stage === 'homogeneous';

/**
 * Document-level permissions (content-level rules such as closed columns come on top of these).
 * The server enforces them on every connection and update; the client uses the same functions to
 * show only what a role can do.
 * - A participant works in their own partner's map; in the homogeneous stage of a partners-first
 *   workshop that is all they can open. In the mixed (heterogeneous) stage they read every partner
 *   map, side by side, and write the joint map; the partner maps are then kept as they were.
 * - The facilitator reads and writes everything but others' drafts (read only); the projector reads
 *   maps and session, never drafts.
 */
export function canReadDoc(who: Principal, doc: DocName, ctx: AccessContext = JOINT_FLOW): boolean {
  if (doc === 'workshop' || doc === 'session') return true;
  if (doc.startsWith('drafts:')) return who.access === 'facilitator' || doc === `drafts:${who.participantId}`;
  if (who.access !== 'participant') return doc.startsWith('map:');
  if (doc === 'map:joint') return !homogeneous(ctx);
  if (isPartnerMap(doc)) return doc === `map:${who.partner}` || (ctx.flow === 'partners-first' && ctx.stage === 'heterogeneous');
  return false;
}

export function canWriteDoc(who: Principal, doc: DocName, ctx: AccessContext = JOINT_FLOW): boolean {
  if (!canReadDoc(who, doc, ctx)) return false;
  if (who.access === 'projector') return false;
  // Drafts are their author's alone; the facilitator may look, not write.
  if (doc.startsWith('drafts:')) return doc === `drafts:${who.participantId}`;
  if (who.access === 'facilitator') return true;
  if (doc === 'workshop' || doc === 'session') return false;
  if (isPartnerMap(doc)) return doc === `map:${who.partner}` && !(ctx.flow === 'partners-first' && ctx.stage === 'heterogeneous');
  return true;
}
