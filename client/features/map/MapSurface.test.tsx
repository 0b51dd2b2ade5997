import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readMap } from '../../../shared/readModel.js';
import { renderInWorkshop } from '../../test/renderInWorkshop.js';
import { guidedSession, workshopWithPeople } from '../../test/sessionHarness.js';
import { MapSurface } from './MapView.js';
import { loadEditorBeforeTests } from '../../test/mapHarness.js';

loadEditorBeforeTests();

let teardown: (() => void) | null = null;
afterEach(() => {
  teardown?.();
  teardown = null;
});

describe('MapSurface (the board for embedding, e.g. in the facilitator console)', () => {
  it('works inside any workshop object: the facilitator writes for a participant in a closed step', async () => {
    const doc = new Y.Doc();
    const view = renderInWorkshop(<MapSurface />, {
      who: { participantId: 'f1', name: 'Begeleider', partner: '', role: 'other', access: 'facilitator' },
      docs: new Map([
        ['map:joint', doc],
        ['session', guidedSession({ active: ['values'] })],
        ['workshop', workshopWithPeople()],
      ]),
    });
    teardown = view.cleanup;
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
