import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SERVER } from '../../../shared/origins.js';
import { readSignoffs, setMandate, setSignoff } from '../../../shared/signoff.js';
import { participant, renderConsole } from '../../test/consoleHarness.js';

describe('console: values and sign-off', () => {
  it('[N3] the sign-off table lists each partner with its representatives and their mandate; the facilitator sets a status', async () => {
    const c = renderConsole({
      participants: [participant('p1', 'Anna', 'gemeente', 1), participant('p2', 'Bram', 'zorg', 2)],
    });
    const user = userEvent.setup();
    act(() => {
      setMandate(c.mapDoc, 'p1', 'consult', '2026-12-14', SERVER);
      setSignoff(c.mapDoc, 'gemeente', 'discussed', 'p1', SERVER);
    });
    await user.click(screen.getByTestId('console.tab.links'));
    const table = screen.getByTestId('console.signoff');
    const gemeente = table.querySelector<HTMLElement>('tr[data-partner="gemeente"]')!;
    expect(gemeente).toHaveTextContent('Anna: Ik leg het voor aan de achterban (2026-12-14)');
    expect(within(gemeente).getByRole('combobox')).toHaveValue('discussed');
    const zorg = table.querySelector<HTMLElement>('tr[data-partner="zorg"]')!;
    expect(zorg).toHaveTextContent('Bram: Nog niet gezegd');
    await user.selectOptions(within(zorg).getByRole('combobox', { name: 'Stand voor Zorg' }), 'agreed');
    expect(readSignoffs(c.mapDoc).zorg?.status).toBe('agreed');
  });
});
