import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setSupport } from '../../../shared/cardDetails.js';
import type { ColumnId } from '../../../shared/columns.js';
import type { CardId, ParticipantId, PartnerId } from '../../../shared/ids.js';
import { createCard } from '../../../shared/ops.js';
import { SEED } from '../../../shared/origins.js';
import { readMap } from '../../../shared/readModel.js';
import { setActiveColumns, setSessionPlan } from '../../../shared/session.js';
import { guidedSession, renderSessionMap } from '../../test/sessionHarness.js';
import { useViewPrefs } from './viewPrefs.js';
import { loadEditorBeforeTests } from '../../test/mapHarness.js';

loadEditorBeforeTests();

let teardown: (() => void) | null = null;
afterEach(() => {
  teardown?.();
  teardown = null;
  localStorage.clear();
  useViewPrefs.setState({ density: 'auto' });
});

function seed(doc: Y.Doc, column: ColumnId, text: string): CardId {
  return createCard(doc, { column, author: '', authorName: 'Bram', partner: '', text }, SEED);
}

const shownColumn = () => document.querySelector('[data-testid^="column."][data-active]')?.id;

describe('a phone follows the step', () => {
  it('[U10] opens on the step now, not on the closed step 1, and moves along when the facilitator changes it', () => {
    const session = guidedSession({ active: ['actions'] });
    const m = renderSessionMap({ session });
    teardown = m.cleanup;
    expect(shownColumn()).toBe('column-actions');
    expect(screen.getByTestId('map.directionHint')).toHaveTextContent('Nu aan de beurt: Stap 3 · Handelen');
    expect(screen.getByTestId('map.directionHint')).not.toHaveTextContent('Begin');

    act(() => setActiveColumns(session, ['steps'], SEED));
    expect(shownColumn()).toBe('column-steps');
    expect(screen.getByTestId('map.directionHint')).toHaveTextContent('Stap 5 · Acties');
  });

  it('[U11] someone looking at another step gets one tap back, and is brought along by the next step change', async () => {
    const user = userEvent.setup();
    const session = guidedSession({ active: ['relations'] });
    const m = renderSessionMap({ session });
    teardown = m.cleanup;
    expect(screen.queryByTestId('map.backToStep')).toBeNull();
    await user.click(screen.getByTestId('map.step.values'));
    expect(shownColumn()).toBe('column-values');
    const back = screen.getByTestId('map.backToStep');
    expect(back).toHaveTextContent('Terug naar stap 2 Relaties');
    await user.click(back);
    expect(shownColumn()).toBe('column-relations');
    expect(screen.queryByTestId('map.backToStep')).toBeNull();

    await user.click(screen.getByTestId('map.step.values'));
    act(() => setActiveColumns(session, ['conditions'], SEED));
    expect(shownColumn()).toBe('column-conditions');
  });

  it('[U10] without guiding every step is open: the phone stays where the person is and says where to begin', async () => {
    const user = userEvent.setup();
    const session = new Y.Doc();
    const m = renderSessionMap({ session });
    teardown = m.cleanup;
    expect(shownColumn()).toBe('column-values');
    await user.click(screen.getByTestId('map.step.steps'));
    expect(screen.queryByTestId('map.backToStep')).toBeNull();
    expect(screen.getByTestId('map.directionHint')).toHaveTextContent('Begin');
    // Guiding starts left to right: step 5 is the step now.
    act(() => setSessionPlan(session, { mode: 'separate', direction: 'ltr' }, SEED));
    expect(shownColumn()).toBe('column-steps');
  });
});

describe('the compact header', () => {
  it('[U9] people present as a count that opens the list; Escape closes it and gives the focus back', async () => {
    const user = userEvent.setup();
    const m = renderSessionMap({ session: guidedSession({ active: ['values'] }) });
    teardown = m.cleanup;
    const toggle = screen.getByTestId('presence.toggle');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveTextContent('1 aanwezig');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(screen.getByTestId('presence.panel')).getByText(/Anna/)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
  });

  it('[U9] undo, redo and the language are in the menu', async () => {
    const user = userEvent.setup();
    const m = renderSessionMap({ session: guidedSession({ active: ['values'] }) });
    teardown = m.cleanup;
    const panel = screen.getByTestId('map.menu.panel');
    for (const id of ['map.undo', 'map.redo', 'lang.select']) expect(within(panel).getByTestId(id)).toBeInTheDocument();
    await user.click(screen.getByTestId('map.menu.toggle'));
    expect(screen.getByTestId('map.menu.toggle')).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByTestId('map.title'));
    expect(screen.getByTestId('map.menu.toggle')).toHaveAttribute('aria-expanded', 'false');
  });
});

describe('many cards', () => {
  it('[U12] a column of more than 12 cards is compact by itself; the person can choose, and the choice is kept', async () => {
    const user = userEvent.setup();
    const doc = new Y.Doc();
    for (let i = 0; i < 13; i++) seed(doc, 'values', `Waarde ${i + 1}`);
    for (let i = 0; i < 12; i++) seed(doc, 'relations', `Relatie ${i + 1}`);
    const m = renderSessionMap({ doc, session: guidedSession({ active: ['values'] }) });
    teardown = m.cleanup;
    const compact = (c: ColumnId) => screen.getByTestId(`column.${c}`).hasAttribute('data-compact');
    expect(compact('values')).toBe(true);
    expect(compact('relations')).toBe(false);
    expect(screen.getByTestId('column.values').querySelector('[data-testid="card"]')).toHaveAttribute('data-compact');

    await user.selectOptions(screen.getByTestId('map.density'), 'compact');
    expect(compact('relations')).toBe(true);
    expect(JSON.parse(localStorage.getItem('pkl.cardDensity')!).state.density).toBe('compact');
    await user.selectOptions(screen.getByTestId('map.density'), 'full');
    expect(compact('values')).toBe(false);
  });

  it('[U12] sorting by support is my view only: most support first, the shared order stays', async () => {
    const user = userEvent.setup();
    const doc = new Y.Doc();
    const [a, b, c] = ['Eerste', 'Tweede', 'Derde'].map((text) => seed(doc, 'values', text));
    for (const text of ['Vierde', 'Vijfde']) seed(doc, 'relations', text);
    const person = (id: string) => ({ id: id as ParticipantId, name: id, partner: 'gemeente' as PartnerId });
    setSupport(doc, c, person('x'), true, SEED);
    setSupport(doc, c, person('y'), true, SEED);
    setSupport(doc, b, person('x'), true, SEED);
    const m = renderSessionMap({ doc, session: guidedSession({ active: ['values'] }) });
    teardown = m.cleanup;
    const order = () =>
      [...screen.getByTestId('column.values').querySelectorAll('[data-testid="card"]')].map((el) =>
        el.getAttribute('data-card-id'),
      );
    expect(order()).toEqual([a, b, c]);
    // Offered only where there is support to sort by.
    expect(screen.queryByTestId('column.relations.sortBySupport')).toBeNull();
    const sort = screen.getByTestId('column.values.sortBySupport');
    await user.click(sort);
    expect(sort).toHaveAttribute('aria-pressed', 'true');
    expect(order()).toEqual([c, b, a]);
    expect(readMap(doc).columns.values.map((card) => card.id)).toEqual([a, b, c]);
    // Each card keeps its place in the shared order in its name ("Kaart 3 van 3").
    expect(screen.getByTestId('column.values').querySelector('[data-testid="card"]')).toHaveAttribute(
      'aria-label',
      expect.stringContaining('Kaart 3 van 3'),
    );
    await user.click(sort);
    expect(order()).toEqual([a, b, c]);
  });
});
