import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SEED } from '../../../../shared/origins.js';
import type { DocName } from '../../../../shared/protocol.js';
import { setStage } from '../../../../shared/session.js';
import { readMandates, readSignoffs } from '../../../../shared/signoff.js';
import { INFO, WORKSHOP_ID } from '../../../test/compareHarness.js';
import { fakeApi } from '../../../test/fakeApi.js';
import { loadEditorBeforeTests, renderMap } from '../../../test/mapHarness.js';
import { renderInWorkshop } from '../../../test/renderInWorkshop.js';
import { PartnersFirstView } from '../PartnersFirstView.js';

loadEditorBeforeTests();

let teardown: (() => void) | null = null;
afterEach(() => {
  teardown?.();
  teardown = null;
});

describe('"Mandaat en akkoord" under the joint map', () => {
  it("[N1] a representative states their own mandate with a date and sets their own partner's sign-off", async () => {
    const m = renderMap();
    teardown = m.cleanup;
    const user = userEvent.setup();
    const bar = await screen.findByTestId('mandate.bar');
    await user.click(within(bar).getByText('Mandaat en akkoord'));
    await user.click(within(bar).getByTestId('mandate.kind.consult'));
    await user.type(within(bar).getByTestId('mandate.date'), '2026-12-14');
    await user.click(within(bar).getByTestId('mandate.save'));
    expect(readMandates(m.doc).p1).toMatchObject({ kind: 'consult', date: '2026-12-14' });
    await waitFor(() =>
      expect(within(bar).getByTestId('mandate.saved')).toHaveTextContent(
        'Ik leg het voor aan de achterban (2026-12-14)',
      ),
    );
    await user.selectOptions(within(bar).getByTestId('mandate.signoff'), 'agreed');
    expect(readSignoffs(m.doc).gemeente).toMatchObject({ status: 'agreed', by: 'p1' });
  });

  it('[N1] the facilitator and the projector have no mandate form on the map', () => {
    const m = renderMap({ access: 'facilitator' });
    teardown = m.cleanup;
    expect(screen.queryByTestId('mandate.bar')).toBeNull();
  });
});

describe('"Mandaat" in the homogeneous stage of partners first', () => {
  it("[N4] a representative states their mandate under their own partner's map; the sign-off waits for the joint map", async () => {
    fakeApi((call) => {
      if (call.url === `/api/workshops/${WORKSHOP_ID}`) return { status: 200, body: INFO };
      if (call.url === '/api/time') return { status: 200, body: { now: 1 } };
      return { status: 200, body: { participants: [], versions: [] } };
    });
    const session = new Y.Doc();
    const view = renderInWorkshop(<PartnersFirstView onRejoin={() => {}} />, {
      info: INFO,
      who: { participantId: 'p2', name: 'Bram', partner: 'zorg', role: 'professional', access: 'participant' },
      docs: new Map<DocName, Y.Doc>([['session', session]]),
    });
    teardown = view.cleanup;
    const user = userEvent.setup();
    const bar = await screen.findByTestId('mandate.bar');
    await user.click(within(bar).getByText('Mandaat en akkoord'));
    expect(within(bar).queryByTestId('mandate.signoff')).toBeNull();
    expect(within(bar).getByTestId('mandate.carried')).toHaveTextContent('gaat mee naar de gezamenlijke kaart');
    await user.click(within(bar).getByTestId('mandate.kind.consult'));
    await user.type(within(bar).getByTestId('mandate.date'), '2026-12-14');
    await user.click(within(bar).getByTestId('mandate.save'));
    expect(readMandates(view.docOf('map:zorg')).p2).toMatchObject({ kind: 'consult', date: '2026-12-14' });
    await waitFor(() => expect(within(bar).getByTestId('mandate.saved')).toHaveTextContent('(2026-12-14)'));

    // The mixed stage: the bar is under the joint map, with the sign-off; partner maps shown beside it have none.
    act(() => setStage(session, 'heterogeneous', SEED));
    await screen.findByTestId('compare');
    await waitFor(() => expect(screen.getByTestId('mandate.signoff')).toBeInTheDocument());
    expect(screen.getAllByTestId('mandate.bar')).toHaveLength(1);
  });
});
