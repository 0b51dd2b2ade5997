import * as Y from 'yjs';
import type { ColumnId } from '../../shared/columns.js';
import type { WorkshopId } from '../../shared/ids.js';
import type { DocName } from '../../shared/protocol.js';
import { SEED } from '../../shared/origins.js';
import type { Partner } from '../../shared/partners.js';
import type { AccessRole } from '../../shared/roles.js';
import { setActiveColumns, setPhase, setSessionPlan } from '../../shared/session.js';
import { upsertParticipant } from '../../shared/workshopDoc.js';
import { MapView } from '../features/map/MapView.js';
import { TEST_PARTNERS, testInfo } from './localWorkshop.js';
import { renderInWorkshop } from './renderInWorkshop.js';

export const PARTNERS: Partner[] = TEST_PARTNERS;

export const WORKSHOP_ID = 'w'.repeat(26) as WorkshopId;

/** A `session` document as the facilitator's console would write it. */
export function guidedSession(options: { active?: ColumnId[]; phase?: 'together' | 'private' } = {}): Y.Doc {
  const doc = new Y.Doc();
  setSessionPlan(doc, { mode: 'free' }, SEED);
  if (options.active) setActiveColumns(doc, options.active, SEED);
  if (options.phase) setPhase(doc, options.phase, SEED);
  return doc;
}

/** A `workshop` document with Anna (me, Gemeente), Bram (Zorg) and the facilitator, as the server writes it. */
export function workshopWithPeople(): Y.Doc {
  const doc = new Y.Doc();
  const people: [string, string, string, AccessRole][] = [
    ['p1', 'Anna', 'gemeente', 'participant'],
    ['p2', 'Bram', 'zorg', 'participant'],
    ['f1', 'Begeleider', '', 'facilitator'],
  ];
  people.forEach(([id, name, partner, access], i) =>
    upsertParticipant(doc, { id, name, partner, role: 'professional', access, joinedAt: i, removed: false }, SEED),
  );
  return doc;
}

export interface SessionMapOptions {
  doc?: Y.Doc;
  access?: AccessRole;
  session?: Y.Doc;
  workshop?: Y.Doc;
  /** My drafts document (participants). */
  drafts?: Y.Doc;
  clockOffsetMs?: number;
}

/** The map view with a guided session around plain Y.Docs: a workshop object, no server. I am Anna (p1, Gemeente). */
export function renderSessionMap(options: SessionMapOptions = {}) {
  const doc = options.doc ?? new Y.Doc();
  const access = options.access ?? 'participant';
  const facilitator = access === 'facilitator';
  const docs = new Map<DocName, Y.Doc>([['map:joint', doc]]);
  if (options.session) docs.set('session', options.session);
  if (options.workshop) docs.set('workshop', options.workshop);
  if (options.drafts) docs.set('drafts:p1', options.drafts);
  const r = renderInWorkshop(<MapView workshopId={WORKSHOP_ID} title="Samen sterk" onRejoin={() => {}} />, {
    info: testInfo({ id: WORKSHOP_ID }),
    who: {
      participantId: facilitator ? 'f1' : 'p1',
      name: facilitator ? 'Begeleider' : 'Anna',
      partner: facilitator ? '' : 'gemeente',
      role: 'professional',
      access,
    },
    docs,
    clockOffsetMs: options.clockOffsetMs,
  });
  return {
    ...r,
    doc,
    env: r.mapEnv('map:joint')!,
    /** My drafts as the map holds them (participants). */
    drafts: () => r.mapEnv('drafts:p1'),
  };
}

export const cardEl = (id: string) => document.querySelector<HTMLElement>(`[data-testid="card"][data-card-id="${id}"]`);
