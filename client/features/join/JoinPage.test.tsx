import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { WorkshopId } from '../../../shared/ids.js';
import { identityKey, saveIdentity } from '../../lib/identity.js';
import { JoinPage } from './JoinPage.js';
import { fakeApi } from '../../test/fakeApi.js';

const ID = 'abcdefghij0123456789abcdef' as WorkshopId;
const INFO = {
  id: ID,
  title: 'Samen sterk',
  createdAt: 0,
  partners: [
    { id: 'gemeente', name: 'Gemeente', color: '#1f5fa8' },
    { id: 'zorg', name: 'Zorg', color: '#a3341f' },
  ],
};
let posted: unknown[] = [];
let workshopStatus = 200;

beforeEach(() => {
  posted = [];
  workshopStatus = 200;
  history.replaceState(null, '', `/w/${ID}`);
  fakeApi((call) => {
    if (call.method === 'POST') {
      posted.push(call.body);
      return { status: 201, body: { participantId: 'p9', token: 'tok' } };
    }
    if (call.url === `/api/workshops/${ID}`) return workshopStatus === 200 ? { status: 200, body: INFO } : undefined;
    return { status: 500 };
  });
});

describe('join page', () => {
  it('shows the title, the partners and the five roles', async () => {
    render(<JoinPage workshopId={ID} />);
    expect(await screen.findByTestId('join.title')).toHaveTextContent('Samen sterk');
    const partner = screen.getByLabelText('Namens welke partner doe je mee?');
    expect([...partner.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Maak een keuze',
      'Gemeente',
      'Zorg',
    ]);
    const roles = [...screen.getByLabelText('Wat is je rol?').querySelectorAll('option')].map((o) => o.textContent);
    expect(roles).toEqual([
      'Maak een keuze',
      'Professional',
      'Vrijwilliger of mantelzorger',
      'Inwoner',
      'Manager of bestuurder',
      'Anders',
    ]);
  });

  it('asks for the missing fields before sending anything', async () => {
    render(<JoinPage workshopId={ID} />);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('join.submit'));
    for (const testId of ['join.name', 'join.partner', 'join.role']) {
      expect(screen.getByTestId(testId)).toHaveAttribute('aria-invalid', 'true');
    }
    expect(posted).toEqual([]);
  });

  it('joins, stores the identity for this workshop and goes to the map', async () => {
    render(<JoinPage workshopId={ID} />);
    const user = userEvent.setup();
    await user.type(await screen.findByTestId('join.name'), '  Sam ');
    await user.selectOptions(screen.getByTestId('join.partner'), 'Zorg');
    await user.selectOptions(screen.getByTestId('join.role'), 'volunteer');
    await user.click(screen.getByTestId('join.submit'));
    await waitFor(() => expect(location.pathname).toBe(`/w/${ID}/map`));
    expect(posted).toEqual([{ name: 'Sam', partner: 'zorg', role: 'volunteer' }]);
    expect(JSON.parse(localStorage.getItem(identityKey(ID))!)).toEqual({
      participantId: 'p9',
      token: 'tok',
      name: 'Sam',
      partner: 'zorg',
      role: 'volunteer',
      access: 'participant',
    });
  });

  it('offers "continue as" when this browser already joined', async () => {
    saveIdentity(ID, {
      participantId: 'p1',
      token: 't',
      name: 'Anna',
      partner: 'gemeente',
      role: 'manager',
      access: 'participant',
    });
    render(<JoinPage workshopId={ID} />);
    const link = await screen.findByTestId('join.continue');
    expect(link).toHaveTextContent('Ga verder als Anna');
    expect(link).toHaveAttribute('href', `/w/${ID}/map`);
  });

  it('shows a not-found page for an unknown workshop', async () => {
    workshopStatus = 404;
    render(<JoinPage workshopId={ID} />);
    expect(await screen.findByTestId('notfound')).toHaveTextContent('Deze workshop bestaat niet');
  });
});
