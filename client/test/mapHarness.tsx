import { render } from '@testing-library/react';
import * as Y from 'yjs';
import type { WorkshopId } from '../../shared/ids.js';
import type { Partner } from '../../shared/partners.js';
import { MapEnvContext } from '../collab/hooks.js';
import { createLocalMapEnv, destroyMapEnv, type MapEnv } from '../collab/mapEnv.js';
import { makeMe, MeContext, PartnersContext } from '../features/map/me.js';
import { MapView } from '../features/map/MapView.js';

export const PARTNERS: Partner[] = [
  { id: 'gemeente', name: 'Gemeente', color: '#1f5fa8' },
  { id: 'zorg', name: 'Zorg', color: '#a3341f' },
] as Partner[];

export const WORKSHOP_ID = 'w'.repeat(26) as WorkshopId;

/** The map view around a plain Y.Doc: no provider, no server. */
export function renderMap(options: { doc?: Y.Doc; access?: 'participant' | 'facilitator' | 'projector' } = {}) {
  const doc = options.doc ?? new Y.Doc();
  const me = makeMe(
    { participantId: 'p1', name: 'Anna', partner: 'gemeente', role: 'professional', access: options.access ?? 'participant' },
    PARTNERS,
  );
  const env: MapEnv = createLocalMapEnv(doc, me.user);
  const partners = new Map(PARTNERS.map((p) => [p.id as string, p]));
  const utils = render(
    <MapEnvContext.Provider value={env}>
      <MeContext.Provider value={me}>
        <PartnersContext.Provider value={partners}>
          <MapView workshopId={WORKSHOP_ID} title="Samen sterk" onRejoin={() => {}} />
        </PartnersContext.Provider>
      </MeContext.Provider>
    </MapEnvContext.Provider>,
  );
  return {
    ...utils,
    doc,
    env,
    me,
    cleanup: () => {
      utils.unmount();
      destroyMapEnv(env);
    },
  };
}
