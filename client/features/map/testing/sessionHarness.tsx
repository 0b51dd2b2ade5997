import { render } from '@testing-library/react';
import * as Y from 'yjs';
import type { ColumnId } from '../../../../shared/columns.js';
import type { WorkshopId } from '../../../../shared/ids.js';
import { SEED } from '../../../../shared/origins.js';
import type { Partner } from '../../../../shared/partners.js';
import type { AccessRole } from '../../../../shared/roles.js';
import { setActiveColumns, setPhase, setSessionPlan } from '../../../../shared/session.js';
import { upsertParticipant } from '../../../../shared/workshopDoc.js';
import { MapEnvContext } from '../../../collab/hooks.js';
import { createLocalMapEnv, destroyMapEnv, type MapEnv } from '../../../collab/mapEnv.js';
import { createLocalSessionEnv, SessionEnvContext, type SessionEnv } from '../../../collab/sessionEnv.js';
import { makeMe, MeContext, PartnersContext } from '../me.js';
import { MapView } from '../MapView.js';

export const PARTNERS: Partner[] = [
  { id: 'gemeente', name: 'Gemeente', color: '#1f5fa8' },
  { id: 'zorg', name: 'Zorg', color: '#a3341f' },
] as Partner[];

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

/** The map view with a guided session around plain Y.Docs: no provider, no server. I am Anna (p1, Gemeente). */
export function renderSessionMap(options: SessionMapOptions = {}) {
  const doc = options.doc ?? new Y.Doc();
  const access = options.access ?? 'participant';
  const me = makeMe(
    {
      participantId: access === 'facilitator' ? 'f1' : 'p1',
      name: access === 'facilitator' ? 'Begeleider' : 'Anna',
      partner: access === 'facilitator' ? '' : 'gemeente',
      role: 'professional',
      access,
    },
    PARTNERS,
  );
  const env: MapEnv = createLocalMapEnv(doc, me.user);
  const sessionEnv: SessionEnv = createLocalSessionEnv({
    session: options.session,
    workshop: options.workshop,
    drafts: options.drafts,
    draftsUser: me.user,
    clockOffsetMs: options.clockOffsetMs,
  });
  const partners = new Map(PARTNERS.map((p) => [p.id as string, p]));
  const utils = render(
    <MapEnvContext.Provider value={env}>
      <SessionEnvContext.Provider value={sessionEnv}>
        <MeContext.Provider value={me}>
          <PartnersContext.Provider value={partners}>
            <MapView workshopId={WORKSHOP_ID} title="Samen sterk" onRejoin={() => {}} />
          </PartnersContext.Provider>
        </MeContext.Provider>
      </SessionEnvContext.Provider>
    </MapEnvContext.Provider>,
  );
  return {
    ...utils,
    doc,
    env,
    me,
    sessionEnv,
    cleanup: () => {
      utils.unmount();
      if (sessionEnv.drafts) destroyMapEnv(sessionEnv.drafts);
      destroyMapEnv(env);
    },
  };
}

export const cardEl = (id: string) => document.querySelector<HTMLElement>(`[data-testid="card"][data-card-id="${id}"]`);
