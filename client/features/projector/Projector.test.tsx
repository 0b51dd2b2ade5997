import { act, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setSupport } from '../../../shared/cardDetails.js';
import { createCard } from '../../../shared/ops.js';
import { LOCAL_USER, SERVER } from '../../../shared/origins.js';
import type { DocName } from '../../../shared/protocol.js';
import {
  setFocus,
  setPhase,
  setPromptShown,
  setRound,
  setRuleInFocus,
  setActiveColumns,
  setSessionLang,
  setSessionPlan,
  setTimer,
  startTimer,
} from '../../../shared/session.js';
import { upsertParticipant } from '../../../shared/workshopDoc.js';
import { identityKey, loadIdentity, loadProjectorIdentity, saveIdentity } from '../../lib/identity.js';
import { FACILITATOR, INFO, manualClock, participant, WORKSHOP_ID } from '../../test/consoleHarness.js';
import { fakeApi } from '../../test/fakeApi.js';
import { localConnector } from '../../test/localWorkshop.js';
import { ProjectorPage, ProjectorScreen } from './ProjectorPage.js';

let fetched: string[] = [];
beforeEach(() => {
  fetched = [];
  fakeApi((call) => {
    fetched.push(call.url);
    if (call.url === `/api/workshops/${WORKSHOP_ID}`) return { status: 200, body: INFO };
    if (call.url === `/api/workshops/${WORKSHOP_ID}/me`)
      return call.auth === 'Bearer proj'
        ? {
            status: 200,
            body: { participantId: 'pr1', name: 'Projector', partner: '', role: 'other', access: 'projector' },
          }
        : { status: 401, body: { error: 'unauthorized', message: '' } };
    if (call.url === '/api/time') return { status: 200, body: { now: 1 } };
    return undefined;
  });
});
afterEach(() => {
  history.replaceState(null, '', '/');
});

/** A workshop in the middle of a session: one card on the map, a private draft, participants, activity. */
function workshop() {
  const docs = new Map<DocName, Y.Doc>([
    ['session', new Y.Doc()],
    ['workshop', new Y.Doc()],
    ['map:joint', new Y.Doc()],
    ['drafts:p2', new Y.Doc()],
  ]);
  // Everything the projector ever opened is in `opened` (from the in-memory connector's log).
  const { connect, log: opened } = localConnector(docs);
  const map = docs.get('map:joint')!;
  const session = docs.get('session')!;
  upsertParticipant(docs.get('workshop')!, participant('p1', 'Anna', 'gemeente', 1), SERVER);
  upsertParticipant(docs.get('workshop')!, participant('p2', 'Bram', 'zorg', 2), SERVER);
  const cardId = createCard(
    map,
    { column: 'values', author: 'p1', authorName: 'Anna', partner: 'gemeente', text: 'Iedereen doet mee' } as never,
    LOCAL_USER,
  );
  setSupport(map, cardId, { id: 'p2', name: 'Bram', partner: 'zorg' } as never, true, LOCAL_USER);
  createCard(
    map,
    { column: 'relations', author: 'p1', authorName: 'Anna', partner: 'gemeente', text: 'We delen kennis' } as never,
    LOCAL_USER,
  );
  createCard(
    docs.get('drafts:p2')!,
    { column: 'values', author: 'p2', authorName: 'Bram', partner: 'zorg', text: 'Geheim concept' } as never,
    LOCAL_USER,
  );
  setSessionPlan(session, { mode: 'short' }, LOCAL_USER);
  setPhase(session, 'private', LOCAL_USER);
  return { docs, opened, connect, map, session, cardId };
}

/** The screen is up and subscribed to its documents (they are read in effects after the first paint). */
async function ready() {
  await waitFor(() => {
    expect(screen.getByTestId('projector.step')).toHaveTextContent('Stap 1 · Waarden');
    expect(screen.getByTestId('projector.focus')).toHaveTextContent('Iedereen doet mee');
  });
}

describe('projector', () => {
  it('shows the step, the live cards, how to join; never drafts, participation or controls', async () => {
    const w = workshop();
    const clock = manualClock(5_000_000);
    const { container } = render(
      <ProjectorScreen workshopId={WORKSHOP_ID} token="proj" connect={w.connect} clock={clock} />,
    );
    const screenEl = await screen.findByTestId('projector');
    await ready();
    expect([...w.opened].sort()).toEqual(['map:joint', 'session', 'workshop']);

    expect(screen.getByTestId('projector.step')).toHaveTextContent('Stap 1 · Waarden');
    const values = screen.getByTestId('projector.column.values');
    expect(values).toHaveAttribute('data-active');
    expect(values).toHaveTextContent('Wanneer is onze samenwerking geslaagd?');
    expect(values).toHaveTextContent('Iedereen doet mee');
    expect(values).toHaveTextContent('1 steunt dit');
    expect(screen.getByTestId('projector.column.relations')).toHaveAttribute('data-dimmed');
    expect(screen.getByTestId('projector.private')).toHaveTextContent('eerst alleen');

    expect(screen.getByTestId('projector.joinCode')).toHaveTextContent('K7M2QX');
    expect(screen.getByTestId('projector.qr').tagName.toLowerCase()).toBe('svg');
    expect(screen.getByTestId('projector.qr')).toHaveAccessibleName(expect.stringContaining(`/w/${WORKSHOP_ID}`));

    // Private cards and participation never reach the big screen.
    expect(screenEl).not.toHaveTextContent('Geheim concept');
    expect(screenEl).not.toHaveTextContent(/bijgedragen|Kaarten|Bewerkt/);
    expect(screen.queryByTestId('console.participation')).toBeNull();
    expect(screen.queryByTestId('console.notContributed')).toBeNull();
    expect(screenEl).not.toHaveTextContent('Bram');
    // Nothing to edit or click.
    expect(container.querySelectorAll('button, input, select, textarea, [contenteditable], a')).toHaveLength(0);

    // Still never, after the facilitator reveals and after changes.
    act(() => {
      setPhase(w.session, 'together', LOCAL_USER);
    });
    expect(screen.queryByTestId('projector.private')).toBeNull();
    expect(w.opened.some((n) => n.startsWith('drafts:'))).toBe(false);
  });

  it('follows the focus: one column large, one card large, back to the whole map', async () => {
    const w = workshop();
    render(<ProjectorScreen workshopId={WORKSHOP_ID} token="proj" connect={w.connect} clock={manualClock()} />);
    const focus = await screen.findByTestId('projector.focus');
    await ready();
    expect(focus).toHaveAttribute('data-kind', 'map');
    expect(within(focus).getAllByRole('region')).toHaveLength(5);

    act(() => setFocus(w.session, { kind: 'column', column: 'relations' }, LOCAL_USER));
    expect(focus).toHaveAttribute('data-kind', 'column');
    expect(within(focus).getByRole('heading', { level: 2 })).toHaveTextContent('Relaties');
    expect(focus).toHaveTextContent('We delen kennis');
    expect(focus).not.toHaveTextContent('Iedereen doet mee');

    act(() => setFocus(w.session, { kind: 'card', cardId: w.cardId }, LOCAL_USER));
    expect(focus).toHaveAttribute('data-kind', 'card');
    expect(within(focus).getAllByTestId('snapshot.card')).toHaveLength(1);
    expect(focus).toHaveTextContent('Iedereen doet mee');
    expect(focus).not.toHaveTextContent('We delen kennis');

    // A card that no longer exists: the whole map again, not an empty screen.
    act(() => setFocus(w.session, { kind: 'card', cardId: 'gone' }, LOCAL_USER));
    expect(focus).toHaveAttribute('data-kind', 'map');

    act(() => setFocus(w.session, { kind: 'map' }, LOCAL_USER));
    expect(within(focus).getAllByTestId('snapshot.card')).toHaveLength(2);
  });

  it('shows the timer in server time, the rule, the prompt and whose turn it is', async () => {
    const w = workshop();
    const clock = manualClock(5_000_000);
    render(<ProjectorScreen workshopId={WORKSHOP_ID} token="proj" connect={w.connect} clock={clock} />);
    await ready();
    expect(screen.queryByTestId('projector.timer')).toBeNull();
    act(() => {
      setTimer(w.session, 120_000, LOCAL_USER);
      setRuleInFocus(w.session, 4, LOCAL_USER);
      setPromptShown(w.session, 'when-success', LOCAL_USER);
      setRound(w.session, { order: ['p2', 'p1'], index: 0 }, LOCAL_USER);
    });
    expect(screen.getByTestId('projector.timer')).toHaveTextContent('2:00');
    expect(screen.getByTestId('projector.rule')).toHaveTextContent('Regel 4');
    expect(screen.getByTestId('projector.rule')).toHaveTextContent('Anderen kunnen betere argumenten hebben.');
    expect(screen.getByTestId('projector.prompt')).toHaveTextContent('Wanneer noem je dit geslaagd?');
    expect(screen.getByTestId('projector.turn')).toHaveTextContent('Bram · Zorg');

    // Started 30 s ago by server time: the projector counts from the server clock, not its own.
    act(() => startTimer(w.session, clock.now() - 30_000, LOCAL_USER));
    expect(screen.getByTestId('projector.timer')).toHaveTextContent('1:30');
    act(() => startTimer(w.session, 0, LOCAL_USER)); // already running: no change
    act(() => setTimer(w.session, 0, LOCAL_USER));
    expect(screen.getByTestId('projector.timer')).toHaveTextContent('0:00');
    expect(screen.getByTestId('projector.timer')).toHaveTextContent('De tijd is om');
  });

  it('[G8] an expired timer leaves with its step', async () => {
    const w = workshop();
    render(
      <ProjectorScreen workshopId={WORKSHOP_ID} token="proj" connect={w.connect} clock={manualClock(5_000_000)} />,
    );
    await ready();
    act(() => setTimer(w.session, 0, LOCAL_USER));
    expect(screen.getByTestId('projector.timer')).toHaveTextContent('De tijd is om');
    act(() => setActiveColumns(w.session, ['relations', 'actions', 'conditions', 'steps'], LOCAL_USER));
    expect(screen.queryByTestId('projector.timer')).toBeNull();
  });

  it('[U7] speaks the language the facilitator chose', async () => {
    const w = workshop();
    render(<ProjectorScreen workshopId={WORKSHOP_ID} token="proj" connect={w.connect} clock={manualClock()} />);
    await ready();
    act(() => setSessionLang(w.session, 'en', LOCAL_USER));
    await waitFor(() => expect(screen.getByTestId('projector.step')).toHaveTextContent('Step 1 · Values'));
    expect(document.documentElement.lang).toBe('en');
  });

  it('[U6] a long card is cut on the map and whole in focus', async () => {
    const w = workshop();
    const long = 'Lang verhaal over samenwerken in de wijk. '.repeat(15);
    const id = createCard(
      w.map,
      { column: 'values', author: 'p1', authorName: 'Anna', partner: 'gemeente', text: long } as never,
      LOCAL_USER,
    );
    render(<ProjectorScreen workshopId={WORKSHOP_ID} token="proj" connect={w.connect} clock={manualClock()} />);
    await ready();
    const onMap = within(screen.getByTestId('projector.column.values'))
      .getAllByTestId('snapshot.card')
      .find((c) => c.getAttribute('data-card-id') === id)!;
    expect(onMap).toHaveAttribute('data-shortened');
    act(() => setFocus(w.session, { kind: 'card', cardId: id }, LOCAL_USER));
    const focused = within(screen.getByTestId('projector.focus')).getByTestId('snapshot.card');
    expect(focused).not.toHaveAttribute('data-shortened');
    expect(focused).toHaveTextContent(long.trim());
  });
});

describe('projector link', () => {
  it('stores a projector identity apart from the facilitator identity and drops the token from the address', async () => {
    saveIdentity(WORKSHOP_ID, FACILITATOR);
    history.replaceState(null, '', `/w/${WORKSHOP_ID}/projector#proj`);
    const w = workshop();
    render(<ProjectorPage workshopId={WORKSHOP_ID} connect={w.connect} />);
    await screen.findByTestId('projector');
    expect(location.pathname).toBe(`/w/${WORKSHOP_ID}/projector`);
    expect(location.hash).toBe('');
    expect(loadProjectorIdentity(WORKSHOP_ID)).toMatchObject({ token: 'proj', access: 'projector' });
    expect(loadIdentity(WORKSHOP_ID)).toEqual(FACILITATOR);
    expect(localStorage.getItem(identityKey(WORKSHOP_ID))).toContain('facilitator-token');
  });

  it('a wrong projector link says so in plain words', async () => {
    history.replaceState(null, '', `/w/${WORKSHOP_ID}/projector#wrong`);
    render(<ProjectorPage workshopId={WORKSHOP_ID} connect={workshop().connect} />);
    expect(await screen.findByTestId('projector.error')).toHaveTextContent('werkt niet');
    expect(loadProjectorIdentity(WORKSHOP_ID)).toBeNull();
  });

  it('without a token and without a stored projector, asks for the whole link', async () => {
    history.replaceState(null, '', `/w/${WORKSHOP_ID}/projector`);
    render(<ProjectorPage workshopId={WORKSHOP_ID} connect={workshop().connect} />);
    await waitFor(() => expect(screen.getByTestId('projector.error')).toHaveTextContent('niet compleet'));
  });
});
