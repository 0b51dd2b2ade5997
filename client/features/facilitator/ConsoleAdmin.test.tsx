import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_USER } from '../../../shared/origins.js';
import { setRuleInFocus, setSessionPlan, setTimer } from '../../../shared/session.js';
import { identityKey, projectorIdentityKey, projectorLinkKey } from '../../lib/identity.js';
import { takeFlash } from '../../lib/flash.js';
import { participant, renderConsole, showPresent, WORKSHOP_ID } from '../../test/consoleHarness.js';
import { fakeApi, type ApiCall, type ApiReply } from '../../test/fakeApi.js';

let calls: ApiCall[] = [];
let reply: (call: ApiCall) => ApiReply = () => ({ status: 404 });

beforeEach(() => {
  reply = () => ({ status: 404, body: { error: 'not_found', message: '' } });
  calls = fakeApi((call) => reply(call)).calls;
});
afterEach(() => {
  history.replaceState(null, '', '/');
});

const writes = () => calls.filter((c) => c.method !== 'GET');

describe('console: a new projector link', () => {
  it('is offered when this browser does not know the link; it asks the server and shows the new link', async () => {
    reply = (call) =>
      call.method === 'POST' && call.url === `/api/workshops/${WORKSHOP_ID}/projector`
        ? { status: 201, body: { projectorPath: `/w/${WORKSHOP_ID}/projector#new-token` } }
        : { status: 404 };
    const c = renderConsole({ projectorLink: null });
    const user = userEvent.setup();
    await user.click(screen.getByTestId('console.tab.people'));
    const unknown = screen.getByTestId('console.projectorLink.unknown');
    expect(unknown).toHaveTextContent('De oude link voor het projectorscherm werkt dan niet meer.');
    await user.click(within(unknown).getByRole('button', { name: 'Nieuwe projectorlink maken' }));

    await waitFor(() =>
      expect(screen.getByTestId('console.projectorLink')).toHaveValue(
        `${location.origin}/w/${WORKSHOP_ID}/projector#new-token`,
      ),
    );
    expect(writes()).toEqual([
      { url: `/api/workshops/${WORKSHOP_ID}/projector`, method: 'POST', auth: 'Bearer facilitator-token', body: null },
    ]);
    expect(screen.getByTestId('console.projectorLink')).toHaveFocus();
    expect(screen.queryByTestId('console.projectorLink.unknown')).toBeNull();
    // The screen tab can now open the projector too.
    expect(screen.getByTestId('console.projector.open')).toHaveAttribute(
      'href',
      `/w/${WORKSHOP_ID}/projector#new-token`,
    );
    c.cleanup();
  });

  it('says so when the server does not make one', async () => {
    reply = () => ({ status: 500, body: { error: 'server_error', message: '' } });
    const c = renderConsole({ projectorLink: null });
    const user = userEvent.setup();
    await user.click(screen.getByTestId('console.tab.screen'));
    await user.click(screen.getByTestId('console.focus.projectorUnknown.make'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Een nieuwe link maken lukte niet.');
    c.cleanup();
  });

  it('is not offered when the link is known', async () => {
    const c = renderConsole();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('console.tab.people'));
    expect(screen.getByTestId('console.projectorLink')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Nieuwe projectorlink maken' })).toBeNull();
    c.cleanup();
  });
});

describe('console: delete the workshop', () => {
  it('needs the title typed before it deletes; then forgets the workshop here and goes to the start page', async () => {
    reply = (call) => (call.method === 'DELETE' ? { status: 204 } : { status: 404 });
    const keys = [identityKey(WORKSHOP_ID), projectorIdentityKey(WORKSHOP_ID), projectorLinkKey(WORKSHOP_ID)];
    for (const key of keys) localStorage.setItem(key, 'x');
    localStorage.setItem(identityKey('d'.repeat(26) as never), 'another workshop');
    history.replaceState(null, '', `/w/${WORKSHOP_ID}/console`);
    const c = renderConsole();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('console.tab.export'));
    await user.click(screen.getByTestId('console.delete.start'));
    const question = screen.getByTestId('console.delete.question');
    expect(question).toHaveTextContent('„Samen sterk”');
    expect(within(question).getByText(/helemaal wilt verwijderen/)).toHaveFocus();

    // Nothing happens without the title.
    await user.click(screen.getByTestId('console.delete.confirm'));
    await user.type(screen.getByTestId('console.delete.input'), 'Samen');
    await user.click(screen.getByTestId('console.delete.confirm'));
    expect(writes()).toEqual([]);
    expect(screen.getByTestId('console.delete.input')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('console.delete.input')).toHaveAccessibleDescription(
      'Deze naam klopt niet. Typ de naam precies zoals hierboven.',
    );

    await user.clear(screen.getByTestId('console.delete.input'));
    await user.type(screen.getByTestId('console.delete.input'), ' samen  STERK ');
    await user.click(screen.getByTestId('console.delete.confirm'));
    await waitFor(() => expect(location.pathname).toBe('/'));
    expect(writes()).toEqual([
      { url: `/api/workshops/${WORKSHOP_ID}`, method: 'DELETE', auth: 'Bearer facilitator-token', body: null },
    ]);
    expect(keys.map((k) => localStorage.getItem(k))).toEqual([null, null, null]);
    expect(localStorage.getItem(identityKey('d'.repeat(26) as never))).toBe('another workshop');
    expect(takeFlash()).toEqual({ key: 'deleted', values: { title: 'Samen sterk' } });
    c.cleanup();
  });

  it('Escape or "Nee, toch niet" asks nothing of the server and puts focus back', async () => {
    const c = renderConsole();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('console.tab.export'));
    await user.click(screen.getByTestId('console.delete.start'));
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('console.delete.question')).toBeNull();
    expect(screen.getByTestId('console.delete.start')).toHaveFocus();
    await user.click(screen.getByTestId('console.delete.start'));
    await user.click(screen.getByTestId('console.delete.cancel'));
    expect(screen.getByTestId('console.delete.start')).toHaveFocus();
    expect(writes()).toEqual([]);
    c.cleanup();
  });

  it('stays on the page with a message when deleting fails', async () => {
    reply = () => ({ status: 500, body: { error: 'server_error', message: '' } });
    const c = renderConsole();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('console.tab.export'));
    await user.click(screen.getByTestId('console.delete.start'));
    await user.type(screen.getByTestId('console.delete.input'), 'Samen sterk{Enter}');
    expect(await screen.findByTestId('console.delete.error')).toHaveTextContent('Verwijderen lukte niet.');
    expect(screen.getByTestId('console.delete.question')).toBeInTheDocument();
    c.cleanup();
  });
});

describe('console: presence by participant id', () => {
  it('matches presence that carries an id to exactly that person, even with a namesake', async () => {
    const twins = [participant('p1', 'Sam', 'zorg', 1), participant('p2', 'Sam', 'zorg', 2)];
    const c = renderConsole({ participants: twins });
    act(() => showPresent(c.env, { id: 'p2', name: 'Sam', partner: 'zorg', role: 'professional' }));
    const user = userEvent.setup();
    await user.click(screen.getByTestId('console.tab.people'));
    const [first, second] = screen.getAllByTestId('console.person');
    expect(within(first).getByTestId('console.person.present')).toHaveTextContent('niet aanwezig');
    expect(within(second).getByTestId('console.person.present')).toHaveTextContent(/^aanwezig$/);
    expect(screen.getByTestId('console.people')).toHaveTextContent('2 aangemeld, 1 nu aanwezig');
    c.cleanup();
  });
});

describe('console: the map under the console follows the session', () => {
  it('shows the timer and the rule on screen, keeps closed steps open for the facilitator and offers writing for someone else', async () => {
    const c = renderConsole({ participants: [participant('p1', 'Anna', 'gemeente', 1)] });
    act(() => {
      setSessionPlan(c.sessionDoc, { mode: 'separate', direction: 'rtl' }, LOCAL_USER);
      setTimer(c.sessionDoc, 5 * 60_000, LOCAL_USER);
      setRuleInFocus(c.sessionDoc, 3, LOCAL_USER);
    });
    const map = within(screen.getByTestId('map'));
    expect(map.getByTestId('session.timer')).toBeInTheDocument();
    expect(map.getByTestId('session.rule')).toHaveTextContent('3');
    // Step 1 is the active step; step 2 is closed for participants, not for the facilitator.
    expect(map.getByTestId('column.relations.add')).toBeInTheDocument();
    expect(map.getByTestId('column.values.writeFor')).toBeInTheDocument();
    c.cleanup();
  });
});
