import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JoinCodePage } from './JoinCodePage.js';

const ID = 'abcdefghij0123456789abcdef';
let requested: string[] = [];

beforeEach(() => {
  requested = [];
  history.replaceState(null, '', '/join');
  vi.stubGlobal('fetch', async (url: string) => {
    requested.push(url);
    if (url === '/api/join/K7M2QX') return new Response(JSON.stringify({ id: ID }), { status: 200 });
    if (url.startsWith('/api/join/')) return new Response(JSON.stringify({ error: 'not_found', message: '' }), { status: 404 });
    return new Response('{}', { status: 500 });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
});

describe('join with a code', () => {
  it('forgives lower case, spaces and dashes, and goes to the join page of the workshop', async () => {
    render(<JoinCodePage />);
    const user = userEvent.setup();
    const input = screen.getByLabelText('Code');
    expect(input).toBe(screen.getByTestId('joincode.input'));
    await user.type(input, ' k7m-2qx ');
    await user.click(screen.getByTestId('joincode.submit'));
    await waitFor(() => expect(location.pathname).toBe(`/w/${ID}`));
    expect(requested).toEqual(['/api/join/K7M2QX']);
  });

  it('says so plainly when the code is unknown, and keeps what was typed', async () => {
    render(<JoinCodePage />);
    const user = userEvent.setup();
    const input = screen.getByTestId('joincode.input');
    await user.type(input, 'ABCDEF{Enter}');
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Deze code kennen we niet'));
    expect(input).toHaveValue('ABCDEF');
    expect(input).toHaveFocus();
    expect(location.pathname).toBe('/join');
  });

  it('checks the length and the characters before asking the server', async () => {
    render(<JoinCodePage />);
    const user = userEvent.setup();
    const input = screen.getByTestId('joincode.input');
    await user.type(input, 'K7M2');
    await user.click(screen.getByTestId('joincode.submit'));
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Een code heeft 6 tekens'));
    await user.clear(input);
    await user.type(input, 'K7M2Q0');
    await user.click(screen.getByTestId('joincode.submit'));
    expect(input).toHaveAccessibleDescription(expect.stringContaining('geen 0, O, 1, I of L'));
    expect(requested).toEqual([]);
  });

  it('/c/<code> comes prefilled and looks the code up at once', async () => {
    history.replaceState(null, '', '/c/k7m2qx');
    render(<JoinCodePage initialCode="k7m2qx" />);
    await waitFor(() => expect(location.pathname).toBe(`/w/${ID}`));
    expect(requested).toEqual(['/api/join/K7M2QX']);
  });

  it('a prefilled unknown code shows the message in the form', async () => {
    render(<JoinCodePage initialCode="ZZZZZZ" />);
    expect(screen.getByTestId('joincode.input')).toHaveValue('ZZZZZZ');
    await waitFor(() => expect(screen.getByTestId('joincode.input')).toHaveAccessibleDescription(expect.stringContaining('kennen we niet')));
  });
});
