import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { WorkshopInfo } from '../../shared/api.js';
import type { WorkshopId } from '../../shared/ids.js';
import { SERVER } from '../../shared/origins.js';
import { upsertParticipant, type ParticipantEntry } from '../../shared/workshopDoc.js';
import * as Y from 'yjs';
import type { DocName } from '../../shared/protocol.js';
import { rememberProjectorLink, type Identity } from '../lib/identity.js';
import { browserExportTools, ExportToolsContext, type ExportTools } from '../features/export/tools.js';
import { ConsoleWhenOpen } from '../features/facilitator/ConsolePage.js';
import type { MapEnv } from '../workshop/mapEnv.js';
import type { Clock } from '../workshop/Workshop.js';
import { manualClock } from './localWorkshop.js';
import { renderInWorkshop } from './renderInWorkshop.js';

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

export function participant(
  id: string,
  name: string,
  partner: string,
  joinedAt: number,
  extra: Partial<ParticipantEntry> = {},
): ParticipantEntry {
  return { id, name, partner, role: 'professional', access: 'participant', joinedAt, removed: false, ...extra };
}

export { manualClock };

/** Somebody else's browser on the map: an awareness state as the provider would deliver it. */
export function showPresent(env: MapEnv, user: { id?: string; name: string; partner: string; role: string }) {
  const other = new Awareness(new Y.Doc());
  other.setLocalState({ user: { ...user, color: '#1f5fa8', partnerName: '' }, editing: null });
  applyAwarenessUpdate(env.awarenessHost.awareness, encodeAwarenessUpdate(other, [other.clientID]), 'remote');
}

const PAGE_DOCS: readonly string[] = ['session', 'workshop', 'map:joint'];

/** The console around plain Y.Docs: a workshop object over in-memory documents, no server. Only `fetch` needs a fake (people, versions). */
export function renderConsole(
  options: {
    participants?: ParticipantEntry[];
    clock?: Clock;
    projectorLink?: string | null;
    info?: WorkshopInfo;
    exportTools?: Partial<ExportTools>;
    /** More documents by name, there from the start (a partner's map, a participant's drafts). */
    docs?: [DocName, Y.Doc][];
  } = {},
) {
  const info = options.info ?? INFO;
  const mapDoc = new Y.Doc();
  const sessionDoc = new Y.Doc();
  const workshopDoc = new Y.Doc();
  for (const p of options.participants ?? []) upsertParticipant(workshopDoc, p, SERVER);
  const firstLink = options.projectorLink === undefined ? `/w/${info.id}/projector#proj` : options.projectorLink;
  if (firstLink) rememberProjectorLink(info.id, firstLink);
  const clock = options.clock ?? manualClock();
  const tools: ExportTools = { ...browserExportTools, ...options.exportTools };
  const docs = new Map<DocName, Y.Doc>([
    ['map:joint', mapDoc],
    ['session', sessionDoc],
    ['workshop', workshopDoc],
    ...(options.docs ?? []),
  ]);
  const r = renderInWorkshop(
    <ExportToolsContext.Provider value={tools}>
      <ConsoleWhenOpen onRejoin={() => {}} />
    </ExportToolsContext.Provider>,
    { info, who: FACILITATOR, docs, clock },
  );
  return {
    ...r,
    mapDoc,
    sessionDoc,
    workshopDoc,
    env: r.mapEnv('map:joint') as MapEnv,
    clock,
    /** Names of the documents open right now besides the console's own (private drafts, partner maps). */
    get opened() {
      return r.open.filter((n) => !PAGE_DOCS.includes(n));
    },
    /** Documents handed out by name (a participant's drafts, a partner's map). */
    drafts: docs,
  };
}
