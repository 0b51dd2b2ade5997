import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setLanguage } from '../../i18n/index.js';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../../shared/validation.js';
import { StartPage } from './StartPage.js';

type Handler = (url: string, init?: RequestInit) => { status: number; body: unknown };
let handler: Handler;
const calls: { url: string; init?: RequestInit }[] = [];

beforeEach(() => {
  calls.length = 0;
  handler = (url) => (url === '/api/demo' ? { status: 200, body: { available: false } } : { status: 500, body: {} });
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const { status, body } = handler(url, init);
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
});

const posts = () => calls.filter((c) => c.init?.method === 'POST');
const partnerInputs = () => screen.getAllByTestId(/^start\.partner\.\d+$/) as HTMLInputElement[];

describe('start page: create a workshop', () => {
  it('starts with three partner rows; rows can be added and removed, never below one', async () => {
    render(<StartPage />);
    const user = userEvent.setup();
    expect(partnerInputs()).toHaveLength(3);
    await user.click(screen.getByTestId('start.addPartner'));
    expect(partnerInputs()).toHaveLength(4);
    await waitFor(() => expect(document.activeElement).toBe(partnerInputs()[3]));
    expect(screen.getByLabelText('Partner 4')).toBe(partnerInputs()[3]);

    await user.type(partnerInputs()[1], 'Wijkteam');
    await user.click(screen.getByTestId('start.removePartner.0'));
    expect(partnerInputs().map((i) => i.value)).toEqual(['Wijkteam', '', '']);
    await user.click(screen.getByTestId('start.removePartner.0'));
    await user.click(screen.getByTestId('start.removePartner.0'));
    expect(partnerInputs()).toHaveLength(1);
    expect(screen.getByTestId('start.removePartner.0')).toBeDisabled();
  });

  it('mirrors the limits as maxLength', () => {
    render(<StartPage />);
    expect(screen.getByTestId('start.title')).toHaveAttribute('maxLength', String(LIMITS.titleMax));
    expect(partnerInputs()[0]).toHaveAttribute('maxLength', String(LIMITS.partnerNameMax));
  });

  it('checks in the browser first: no title and no partners gives two messages and no request', async () => {
    render(<StartPage />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('start.submit'));
    const title = screen.getByTestId('start.title');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription(expect.stringContaining('Vul dit veld in.'));
    expect(screen.getByText('Vul minstens één partner in.')).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(posts()).toHaveLength(0);
  });

  it('flags a duplicate partner name next to its row', async () => {
    render(<StartPage />);
    const user = userEvent.setup();
    await user.type(screen.getByTestId('start.title'), 'Wijk');
    await user.type(partnerInputs()[0], 'Gemeente');
    await user.type(partnerInputs()[1], 'gemeente');
    await user.click(screen.getByTestId('start.submit'));
    expect(partnerInputs()[1]).toHaveAccessibleDescription('Deze naam staat er al.');
    expect(partnerInputs()[0]).not.toHaveAttribute('aria-invalid');
    expect(posts()).toHaveLength(0);
  });

  it("shows the server's field errors next to the fields", async () => {
    handler = (_url, init) =>
      init?.method === 'POST'
        ? {
            status: 400,
            body: { error: 'invalid', message: 'invalid', fields: [{ field: 'partners.2', code: 'tooLong' }] },
          }
        : { status: 200, body: { available: false } };
    render(<StartPage />);
    const user = userEvent.setup();
    await user.type(screen.getByTestId('start.title'), 'Wijk');
    await user.type(partnerInputs()[0], 'Gemeente');
    await user.type(partnerInputs()[2], 'Zorg');
    await user.click(screen.getByTestId('start.submit'));
    await waitFor(() =>
      expect(partnerInputs()[2]).toHaveAccessibleDescription(
        `Dit is te lang. Gebruik maximaal ${LIMITS.partnerNameMax} tekens.`,
      ),
    );
    expect(JSON.parse(String(posts()[0].init?.body))).toEqual({ title: 'Wijk', partners: ['Gemeente', '', 'Zorg'] });
  });

  it('on success shows the full participant link and the secret facilitator link with a warning', async () => {
    const id = 'abcdefghij0123456789abcdef';
    handler = (_url, init) =>
      init?.method === 'POST'
        ? {
            status: 201,
            body: {
              id,
              participantPath: `/w/${id}`,
              facilitatorPath: `/w/${id}/facilitator#secret`,
              facilitatorToken: 'secret',
              projectorPath: `/w/${id}/projector#proj`,
              joinCode: 'K7M2QX',
            },
          }
        : { status: 200, body: { available: false } };
    render(<StartPage />);
    const user = userEvent.setup();
    await user.type(screen.getByTestId('start.title'), 'Wijk');
    await user.type(partnerInputs()[0], 'Gemeente');
    await user.click(screen.getByTestId('start.submit'));

    const created = await screen.findByTestId('start.created');
    expect(within(created).getByTestId('start.participantLink')).toHaveValue(`${location.origin}/w/${id}`);
    const secret = within(created).getByTestId('start.facilitatorLink');
    expect(secret).toHaveValue(`${location.origin}/w/${id}/facilitator#secret`);
    expect(secret).toHaveAccessibleDescription(expect.stringContaining('Houd deze link geheim'));
    expect(within(created).getByTestId('start.joinCode')).toHaveTextContent('K7M2QX');
    const qr = within(created).getByTestId('start.qr');
    expect(qr.tagName.toLowerCase()).toBe('svg');
    expect(qr).toHaveAccessibleName(`QR-code met de link om mee te doen: ${location.origin}/w/${id}`);
    expect(within(created).getByTestId('start.projectorLink')).toHaveValue(`${location.origin}/w/${id}/projector#proj`);
    // The console in this browser can offer the projector link later.
    expect(localStorage.getItem(`pkl.projectorLink.${id}`)).toBe(`/w/${id}/projector#proj`);

    await user.click(within(created).getByTestId('start.openAsFacilitator'));
    expect(location.pathname).toBe(`/w/${id}/facilitator`);
    expect(location.hash).toBe('#secret');
  });

  it('offers the demo only when the server has one', async () => {
    handler = (url) => (url === '/api/demo' ? { status: 200, body: { available: true } } : { status: 500, body: {} });
    render(<StartPage />);
    expect(await screen.findByTestId('start.demo')).toHaveTextContent('Open voorbeeldworkshop');
  });

  it('makes the demo in the language just chosen, even before its texts have arrived', async () => {
    handler = (url) =>
      url === '/api/demo'
        ? { status: 200, body: { available: true } }
        : { status: 201, body: { id: 'w1', facilitatorPath: '/w/w1/facilitator#s', projectorPath: null } };
    render(<StartPage />);
    const demo = await screen.findByTestId('start.demo');
    // No await in between: English is still being fetched when the button is pressed.
    fireEvent.change(screen.getByTestId('lang.select'), { target: { value: 'en' } });
    expect(screen.getByTestId('lang.select')).toHaveValue('en');
    fireEvent.click(demo);
    await waitFor(() => expect(posts().map((c) => c.url)).toEqual(['/api/demo?lang=en']));
    await setLanguage('nl');
  });

  it('has an intro and a warning about personal data', () => {
    render(<StartPage />);
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.getByText(/Schrijf geen namen of andere gegevens van cliënten/)).toBeInTheDocument();
  });
});
