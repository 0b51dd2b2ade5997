import * as Y from 'yjs';
import type { WorkshopId } from '../../shared/ids.js';
import { MapView } from '../features/map/MapView.js';
import { renderInWorkshop } from './renderInWorkshop.js';
import { testInfo } from './localWorkshop.js';

export const WORKSHOP_ID = 'w'.repeat(26) as WorkshopId;

/** The map view around a plain Y.Doc: a workshop object over in-memory documents, no server. I am Anna. */
export function renderMap(options: { doc?: Y.Doc; access?: 'participant' | 'facilitator' | 'projector' } = {}) {
  const doc = options.doc ?? new Y.Doc();
  const r = renderInWorkshop(<MapView workshopId={WORKSHOP_ID} title="Samen sterk" onRejoin={() => {}} />, {
    info: testInfo({ id: WORKSHOP_ID }),
    who: {
      participantId: 'p1',
      name: 'Anna',
      partner: 'gemeente',
      role: 'professional',
      access: options.access ?? 'participant',
    },
    docs: new Map([['map:joint', doc]]),
  });
  return { ...r, doc, env: r.mapEnv('map:joint')! };
}
