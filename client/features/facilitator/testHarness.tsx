import { render } from '@testing-library/react';
import { useState } from 'react';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { WorkshopInfo } from '../../../shared/api.js';
import type { WorkshopId } from '../../../shared/ids.js';
import { SERVER } from '../../../shared/origins.js';
import type { DocName } from '../../../shared/protocol.js';
import { upsertParticipant, type ParticipantEntry } from '../../../shared/workshopDoc.js';
import type { Identity } from '../../app/identity.js';
import type { Clock } from '../../app/serverClock.js';
import { MapEnvContext } from '../../collab/hooks.js';
import { createLocalMapEnv, destroyMapEnv, type MapEnv } from '../../collab/mapEnv.js';
import { SessionEnvContext } from '../../collab/sessionEnv.js';
import { ExportToolsContext, browserExportTools, type ExportTools } from '../export/tools.js';
import { makeMe, MeContext, PartnersContext } from '../map/me.js';
import { Console } from './Console.js';
import { ConsoleEnvContext, type ConsoleEnv } from './consoleEnv.js';

export const WORKSHOP_ID = 'c'.repeat(26) as WorkshopId;

export const INFO: WorkshopInfo = {
  id: WORKSHOP_ID,
  title: 'Samen sterk',
  createdAt: 0,
  joinCode: 'K7M2QX',
  flow: 'joint',
  partners: [
    { id: 'gemeente', name: 'Gemeente', color: '#1f5fa8' },
    { id: 'zorg', name: 'Zorg', color: '#a3341f' },
  ] as WorkshopInfo['partners'],
};

export const FACILITATOR: Identity = {
  participantId: 'f1',
  token: 'facilitator-token',
  name: 'Begeleider',
  partner: '',
  role: 'facilitator',
  access: 'facilitator',
};

export function participant(id: string, name: string, partner: string, joinedAt: number, extra: Partial<ParticipantEntry> = {}): ParticipantEntry {
  return { id, name, partner, role: 'professional', access: 'participant', joinedAt, removed: false, ...extra };
}

/** A clock the test moves by hand. */
export function manualClock(start = 1_000_000): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => (now += ms) };
}

/** Somebody else's browser on the map: an awareness state as the provider would deliver it. */
export function showPresent(env: MapEnv, user: { id?: string; name: string; partner: string; role: string }) {
  const other = new Awareness(new Y.Doc());
  other.setLocalState({ user: { ...user, color: '#1f5fa8', partnerName: '' }, editing: null });
  applyAwarenessUpdate(env.awarenessHost.awareness, encodeAwarenessUpdate(other, [other.clientID]), 'remote');
}

/** The console around plain Y.Docs: no provider, no server. Only `fetch` needs stubbing (people, versions). */
export function renderConsole(
  options: {
    participants?: ParticipantEntry[];
    clock?: Clock;
    projectorLink?: string | null;
    info?: WorkshopInfo;
    exportTools?: Partial<ExportTools>;
  } = {},
) {
  const info = options.info ?? INFO;
  const mapDoc = new Y.Doc();
  const sessionDoc = new Y.Doc();
  const workshopDoc = new Y.Doc();
  for (const p of options.participants ?? []) upsertParticipant(workshopDoc, p, SERVER);
  const opened: DocName[] = [];
  const drafts = new Map<string, Y.Doc>();
  const openDoc = (name: DocName) => {
    opened.push(name);
    const doc = drafts.get(name) ?? new Y.Doc();
    return { doc, destroy: () => opened.splice(opened.indexOf(name), 1) };
  };
  const me = makeMe(FACILITATOR, info.partners);
  const env = createLocalMapEnv(mapDoc, me.user);
  const clock = options.clock ?? manualClock();
  const base: Omit<ConsoleEnv, 'projectorLink' | 'onProjectorLink'> = {
    workshopId: WORKSHOP_ID,
    identity: FACILITATOR,
    info,
    sessionDoc,
    workshopDoc,
    clock,
    openDoc,
  };
  const firstLink = options.projectorLink === undefined ? `/w/${WORKSHOP_ID}/projector#proj` : options.projectorLink;
  const partners = new Map(info.partners.map((p) => [p.id as string, p]));
  const tools: ExportTools = { ...browserExportTools, ...options.exportTools };
  // Holds the projector link like ConsolePage does, so a newly made link shows up.
  function WithProjectorLink() {
    const [projectorLink, setProjectorLink] = useState(firstLink);
    return (
      <ConsoleEnvContext.Provider value={{ ...base, projectorLink, onProjectorLink: setProjectorLink }}>
        <Console onRejoin={() => {}} />
      </ConsoleEnvContext.Provider>
    );
  }
  const utils = render(
    <MapEnvContext.Provider value={env}>
      <MeContext.Provider value={me}>
        <PartnersContext.Provider value={partners}>
          <SessionEnvContext.Provider value={{ sessionDoc, workshopDoc, drafts: null, clock }}>
            <ExportToolsContext.Provider value={tools}>
              <WithProjectorLink />
            </ExportToolsContext.Provider>
          </SessionEnvContext.Provider>
        </PartnersContext.Provider>
      </MeContext.Provider>
    </MapEnvContext.Provider>,
  );
  return {
    ...utils,
    mapDoc,
    sessionDoc,
    workshopDoc,
    env,
    clock,
    /** Names of the documents open right now through `openDoc` (private drafts, partner maps). */
    opened,
    /** Documents `openDoc` hands out by name (a participant's drafts, a partner's map). */
    drafts,
    cleanup: () => {
      utils.unmount();
      destroyMapEnv(env);
    },
  };
}
