import { JOINT_MAP_DOC, mapDoc, type DocName, type MapDocName } from './docName.js';
import type { PartnerId } from './ids.js';
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
  /** Whether the facilitator may read private drafts (workshopSettings.ts, [H6]); absent: yes. */
  draftsReadable?: boolean;
}

export const JOINT_FLOW: AccessContext = { flow: 'joint', stage: 'heterogeneous' };

const homogeneous = (ctx: AccessContext) => ctx.flow === 'partners-first' && ctx.stage === 'homogeneous';
const heterogeneous = (ctx: AccessContext) => ctx.flow === 'partners-first' && ctx.stage === 'heterogeneous';

/**
 * The map a participant works in now: their own partner's map in the first stage of a partners-first
 * workshop, the joint map otherwise (and always for someone without a partner). Client and server
 * both ask this one function.
 */
export function workingMap(flow: Flow, stage: Stage, partner: string): MapDocName {
  return flow === 'partners-first' && stage === 'homogeneous' && partner ? mapDoc(partner as PartnerId) : JOINT_MAP_DOC;
}

/**
 * Document-level permissions (content-level rules such as closed columns come on top of these).
 * The server enforces them on every connection and update; the client uses the same functions to
 * show only what a role can do.
 * - A participant works in their own partner's map; in the homogeneous stage of a partners-first
 *   workshop that is all they can open. In the mixed (heterogeneous) stage they read every partner
 *   map, side by side, and write the joint map; the partner maps are then kept as they were.
 * - The facilitator reads and writes everything but others' drafts (read only) and others' private
 *   inputs (never); the projector reads maps and session, never drafts nor private inputs.
 */
export function canReadDoc(who: Principal, doc: DocName, ctx: AccessContext = JOINT_FLOW): boolean {
  switch (doc.kind) {
    case 'workshop':
    case 'session':
      return true;
    case 'drafts':
      if (doc.participant === who.participantId) return true;
      return who.access === 'facilitator' && ctx.draftsReadable !== false;
    // Private inputs (votes, scores) are their owner's alone: not the facilitator, not the projector
    // ([Q1], ADR 0025). Only the server reads them, to aggregate.
    case 'private':
      return doc.participant === who.participantId && who.access === 'participant';
    case 'map':
      if (who.access !== 'participant') return true;
      if (doc.map === 'joint') return !homogeneous(ctx);
      return doc.map === who.partner || heterogeneous(ctx);
  }
}

export function canWriteDoc(who: Principal, doc: DocName, ctx: AccessContext = JOINT_FLOW): boolean {
  if (!canReadDoc(who, doc, ctx)) return false;
  if (who.access === 'projector') return false;
  switch (doc.kind) {
    // Drafts are their author's alone; the facilitator may look, not write.
    case 'drafts':
    case 'private':
      return doc.participant === who.participantId;
    case 'workshop':
    case 'session':
      return who.access === 'facilitator';
    case 'map':
      if (who.access === 'facilitator' || doc.map === 'joint') return true;
      return doc.map === who.partner && !heterogeneous(ctx);
  }
}
