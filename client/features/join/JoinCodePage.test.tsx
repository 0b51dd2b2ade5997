import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JoinCodePage } from './JoinCodePage.js';
import { fakeApi } from '../../test/fakeApi.js';

const ID = 'abcdefghij0123456789abcdef';
let api: ReturnType<typeof fakeApi>;
const requested = () => api.calls.map((c) => c.url);

beforeEach(() => {
  history.replaceState(null, '', '/join');
  api = fakeApi((call) =>
    call.url === '/api/join/K7M2QX'
      ? { status: 200, body: { id: ID } }
      : call.url.startsWith('/api/join/')
        ? undefined
        : { status: 500 },
  );
});
afterEach(() => {
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
    expect(requested()).toEqual(['/api/join/K7M2QX']);
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
    expect(requested()).toEqual([]);
  });

  it('/c/<code> comes prefilled and looks the code up at once', async () => {
    history.replaceState(null, '', '/c/k7m2qx');
    render(<JoinCodePage initialCode="k7m2qx" />);
    await waitFor(() => expect(location.pathname).toBe(`/w/${ID}`));
    expect(requested()).toEqual(['/api/join/K7M2QX']);
  });

  it('a prefilled unknown code shows the message in the form', async () => {
    render(<JoinCodePage initialCode="ZZZZZZ" />);
    expect(screen.getByTestId('joincode.input')).toHaveValue('ZZZZZZ');
    await waitFor(() =>
      expect(screen.getByTestId('joincode.input')).toHaveAccessibleDescription(
        expect.stringContaining('kennen we niet'),
      ),
    );
  });
});
