import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readMap } from '../../../shared/readModel.js';
import { createLocalMapEnv, destroyMapEnv } from '../../collab/mapEnv.js';
import { MapEnvContext } from '../../collab/hooks.js';
import { createLocalSessionEnv, makeMe, MapSurface, MeContext, PartnersContext, SessionEnvContext } from './index.js';
import { guidedSession, PARTNERS, workshopWithPeople } from './testing/sessionHarness.js';

let teardown: (() => void) | null = null;
afterEach(() => {
  teardown?.();
  teardown = null;
});

describe('MapSurface (the board for embedding, e.g. in the facilitator console)', () => {
  it('works with envs passed in: the facilitator writes for a participant in a closed step', async () => {
    const doc = new Y.Doc();
    const me = makeMe({ participantId: 'f1', name: 'Begeleider', partner: '', role: 'other', access: 'facilitator' }, PARTNERS);
    const env = createLocalMapEnv(doc, me.user);
    const sessionEnv = createLocalSessionEnv({ session: guidedSession({ active: ['values'] }), workshop: workshopWithPeople() });
    const view = render(
      <MapEnvContext.Provider value={env}>
        <SessionEnvContext.Provider value={sessionEnv}>
          <MeContext.Provider value={me}>
            <PartnersContext.Provider value={new Map(PARTNERS.map((p) => [p.id as string, p]))}>
              <MapSurface />
            </PartnersContext.Provider>
          </MeContext.Provider>
        </SessionEnvContext.Provider>
      </MapEnvContext.Provider>,
    );
    teardown = () => {
      view.unmount();
      destroyMapEnv(env);
    };
    const user = userEvent.setup();
    const surface = screen.getByTestId('map.surface');
    expect(within(surface).getByTestId('column.values.now')).toBeInTheDocument();
    await user.click(within(surface).getByTestId('column.conditions.writeFor'));
    await user.selectOptions(screen.getByTestId('card.writeFor'), 'p2');
    await user.click(screen.getByTestId('card.writeFor.add'));
    expect(readMap(doc).columns.conditions[0]).toMatchObject({ author: 'p2', authorName: 'Bram', writtenBy: 'f1' });
    expect(await screen.findByTestId('card.editor')).toBeInTheDocument();
  });
});
