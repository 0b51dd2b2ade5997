import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkshopId } from '../../shared/ids.js';
import { FacilitatorEntry } from '../features/facilitator/index.js';
import { App } from './App.js';
import { loadIdentity, saveIdentity } from '../lib/identity.js';
import { fakeApi, type ApiCall } from '../test/fakeApi.js';

const ID = 'abcdefghij0123456789abcdef' as WorkshopId;
let requests: ApiCall[] = [];

beforeEach(() => {
  const api = fakeApi((call) =>
    call.url === `/api/workshops/${ID}/me`
      ? call.auth === 'Bearer s3cret'
        ? {
            status: 200,
            body: { participantId: 'f1', name: 'Begeleider', partner: '', role: 'facilitator', access: 'facilitator' },
          }
        : { status: 401, body: { error: 'unauthorized', message: '' } }
      : undefined,
  );
  requests = api.calls;
});
afterEach(() => {
  history.replaceState(null, '', '/');
});

describe('app routes', () => {
  it('an impossible workshop id shows "not found" without asking the server', () => {
    history.replaceState(null, '', '/w/nope');
    render(<App />);
    expect(screen.getByTestId('notfound')).toHaveTextContent('Deze workshop bestaat niet');
    expect(requests).toEqual([]);
  });

  it('an unknown workshop shows "not found", never a blank page', async () => {
    history.replaceState(null, '', `/w/${ID}`);
    render(<App />);
    expect(await screen.findByTestId('notfound')).toBeInTheDocument();
  });

  it('the map without an identity sends the person to the join page', async () => {
    history.replaceState(null, '', `/w/${ID}/map`);
    render(<App />);
    await waitFor(() => expect(location.pathname).toBe(`/w/${ID}`));
  });

  it('the facilitator link trades the token in the fragment for a stored identity, drops it from the URL and opens the console', async () => {
    history.replaceState(null, '', `/w/${ID}/facilitator#s3cret`);
    render(<FacilitatorEntry workshopId={ID} />);
    await waitFor(() => expect(location.pathname).toBe(`/w/${ID}/console`));
    expect(location.hash).toBe('');
    expect(loadIdentity(ID)).toEqual({
      participantId: 'f1',
      token: 's3cret',
      name: 'Begeleider',
      partner: '',
      role: 'facilitator',
      access: 'facilitator',
    });
  });

  it('the facilitator link without its secret part continues to the console for a known facilitator', async () => {
    saveIdentity(ID, {
      participantId: 'f1',
      token: 's3cret',
      name: 'Begeleider',
      partner: '',
      role: 'facilitator',
      access: 'facilitator',
    });
    history.replaceState(null, '', `/w/${ID}/facilitator`);
    render(<FacilitatorEntry workshopId={ID} />);
    await waitFor(() => expect(location.pathname).toBe(`/w/${ID}/console`));
  });

  it('the console refuses a browser without the facilitator identity, without opening anything', async () => {
    saveIdentity(ID, {
      participantId: 'p1',
      token: 't',
      name: 'Sam',
      partner: 'zorg',
      role: 'citizen',
      access: 'participant',
    });
    history.replaceState(null, '', `/w/${ID}/console`);
    render(<App />);
    expect(await screen.findByTestId('console.noAccess')).toHaveTextContent('alleen voor de begeleider');
    expect(screen.getByRole('link', { name: 'Naar de kaart' })).toHaveAttribute('href', `/w/${ID}/map`);
  });

  it('/join shows the join-code form', () => {
    history.replaceState(null, '', '/join');
    render(<App />);
    expect(screen.getByTestId('joincode.input')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Meedoen met een code');
  });

  it('a wrong facilitator token says so in plain words', async () => {
    history.replaceState(null, '', `/w/${ID}/facilitator#wrong`);
    render(<FacilitatorEntry workshopId={ID} />);
    expect(await screen.findByTestId('facilitator.error')).toHaveTextContent('werkt niet');
    expect(loadIdentity(ID)).toBeNull();
  });
});
