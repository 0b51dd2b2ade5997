import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { readMandates, readSignoffs } from '../../../../shared/signoff.js';
import { renderMap } from '../../../test/mapHarness.js';

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
