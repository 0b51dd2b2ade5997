import { act, createEvent, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ColumnId } from '../../../../shared/columns.js';
import type { CardId } from '../../../../shared/ids.js';
import { createCard, updateCard } from '../../../../shared/ops.js';
import { SEED } from '../../../../shared/origins.js';
import { readMap } from '../../../../shared/readModel.js';
import { setActiveColumns, setReopened, stopGuiding } from '../../../../shared/session.js';
import { CARD_MIME } from '../dragDrop.js';
import { cardEl, guidedSession, renderSessionMap } from '../../../test/sessionHarness.js';
import { loadEditorBeforeTests } from '../../../test/mapHarness.js';

loadEditorBeforeTests();

let teardown: (() => void) | null = null;
afterEach(() => {
  teardown?.();
  teardown = null;
});

function seed(doc: Y.Doc, column: ColumnId, text: string): CardId {
  return createCard(doc, { column, author: '', authorName: 'Bram', partner: '', text }, SEED);
}

function dragOver(target: HTMLElement): Event {
  const types = [CARD_MIME];
  const event = createEvent.dragOver(target);
  Object.assign(event, { dataTransfer: { types, getData: () => '', setData: () => {}, dropEffect: 'none' } });
  fireEvent(target, event);
  return event;
}

describe('[G1] steps and locks on the map', () => {
  it('a participant gets no controls in closed columns, only in the active step; the cards stay readable', () => {
    const doc = new Y.Doc();
    const open = seed(doc, 'values', 'Open kaart');
    const closed = seed(doc, 'relations', 'Gesloten kaart');
    const m = renderSessionMap({ doc, session: guidedSession({ active: ['values'] }) });
    teardown = m.cleanup;

    expect(screen.getByTestId('column.values.now')).toHaveTextContent('Nu aan de beurt');
    expect(screen.getByTestId('column.values.add')).toBeInTheDocument();
    expect(screen.queryByTestId('column.values.closed')).toBeNull();
    expect(within(cardEl(open)!).getByTestId('card.edit')).toBeInTheDocument();

    for (const c of ['relations', 'actions', 'conditions', 'steps'] as const) {
      expect(screen.getByTestId(`column.${c}.closed`)).toHaveTextContent('Gesloten');
      expect(screen.queryByTestId(`column.${c}.add`)).toBeNull();
      expect(screen.getByTestId(`column.${c}`)).toHaveAttribute('data-closed');
    }
    const card = cardEl(closed)!;
    expect(within(card).getByTestId('card.text')).toHaveTextContent('Gesloten kaart');
    expect(within(card).queryByTestId('card.edit')).toBeNull();
    expect(within(card).queryByTestId('card.delete')).toBeNull();
    expect(within(card).queryByTestId('card.moveUp')).toBeNull();
    expect(card).toHaveAttribute('draggable', 'false');
    // The open card cannot be moved into the closed neighbouring step either.
    expect(within(cardEl(open)!).getByTestId('card.moveToNextStep')).toBeDisabled();
  });

  it('keyboard shortcuts do nothing in a closed column, and Alt+← into a closed step is refused', async () => {
    const doc = new Y.Doc();
    const open = seed(doc, 'values', 'Open');
    const closed = seed(doc, 'relations', 'Dicht');
    const m = renderSessionMap({ doc, session: guidedSession({ active: ['values'] }) });
    teardown = m.cleanup;
    const user = userEvent.setup();

    cardEl(closed)!.focus();
    await user.keyboard('{Delete}');
    await user.keyboard('{Enter}');
    expect(readMap(doc).columns.relations.map((c) => c.id)).toEqual([closed]);
    expect(screen.queryByTestId('card.editor')).toBeNull();

    cardEl(open)!.focus();
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(readMap(doc).columns.values.map((c) => c.id)).toEqual([open]);
    expect(screen.getByTestId('toast')).toHaveTextContent('Stap Relaties is nu gesloten.');
  });

  it('drag and drop refuses a drop into a closed column and accepts it in an open one', () => {
    const doc = new Y.Doc();
    seed(doc, 'values', 'A');
    const m = renderSessionMap({ doc, session: guidedSession({ active: ['values', 'actions'] }) });
    teardown = m.cleanup;
    expect(dragOver(screen.getByTestId('column.relations')).defaultPrevented).toBe(false);
    expect(dragOver(screen.getByTestId('column.actions')).defaultPrevented).toBe(true);
  });

  it('the facilitator keeps full control in every column', () => {
    const doc = new Y.Doc();
    const closed = seed(doc, 'relations', 'Dicht voor deelnemers');
    const m = renderSessionMap({ doc, access: 'facilitator', session: guidedSession({ active: ['values'] }) });
    teardown = m.cleanup;
    for (const c of ['values', 'relations', 'actions', 'conditions', 'steps'] as const) {
      expect(screen.getByTestId(`column.${c}.add`)).toBeInTheDocument();
      expect(screen.queryByTestId(`column.${c}.closed`)).toBeNull();
    }
    expect(screen.getByTestId('column.relations.closedForParticipants')).toBeInTheDocument();
    expect(within(cardEl(closed)!).getByTestId('card.edit')).toBeInTheDocument();
    expect(cardEl(closed)).toHaveAttribute('draggable', 'true');
  });

  it('follows the session live: a reopened column opens, and when guiding stops everything is open', () => {
    const session = guidedSession({ active: ['values'] });
    const m = renderSessionMap({ session });
    teardown = m.cleanup;
    expect(screen.queryByTestId('column.steps.add')).toBeNull();

    act(() => setReopened(session, ['steps'], SEED));
    expect(screen.getByTestId('column.steps.add')).toBeInTheDocument();
    expect(screen.getByTestId('column.steps.reopened')).toBeInTheDocument();

    act(() => setActiveColumns(session, ['relations'], SEED));
    expect(screen.queryByTestId('column.values.add')).toBeNull();
    expect(screen.getByTestId('column.relations.now')).toBeInTheDocument();

    act(() => stopGuiding(session, SEED));
    for (const c of ['values', 'relations', 'actions', 'conditions', 'steps'] as const) {
      expect(screen.getByTestId(`column.${c}.add`)).toBeInTheDocument();
      expect(screen.queryByTestId(`column.${c}.closed`)).toBeNull();
      expect(screen.queryByTestId(`column.${c}.now`)).toBeNull();
    }
  });

  it('without a session everything stays open, as before', () => {
    const m = renderSessionMap();
    teardown = m.cleanup;
    expect(document.querySelectorAll('[data-testid$=".closed"]')).toHaveLength(0);
    expect(screen.getAllByText('Kaart toevoegen')).toHaveLength(5);
  });

  it('marks a step as done when every card in it is agreed or parked', () => {
    const doc = new Y.Doc();
    const a = seed(doc, 'values', 'A');
    const b = seed(doc, 'values', 'B');
    const m = renderSessionMap({ doc });
    teardown = m.cleanup;
    act(() => {
      updateCard(doc, a, { status: 'agreed' }, SEED);
    });
    expect(screen.queryByTestId('column.values.done')).toBeNull();
    act(() => {
      updateCard(doc, b, { status: 'parked' }, SEED);
    });
    expect(screen.getByTestId('column.values.done')).toHaveTextContent('Klaar');
    expect(within(cardEl(a)!).getByTestId('card.statusBadge')).toHaveTextContent('Eens');
    expect(within(cardEl(b)!).getByTestId('card.statusBadge')).toHaveTextContent('Geparkeerd');
  });
});

describe('a step closing while I edit', () => {
  it('closes the editor with a plain explanation', async () => {
    const doc = new Y.Doc();
    const id = seed(doc, 'values', 'Bezig');
    const session = guidedSession({ active: ['values'] });
    const m = renderSessionMap({ doc, session });
    teardown = m.cleanup;
    await userEvent.setup().click(within(cardEl(id)!).getByTestId('card.edit'));
    await screen.findByTestId('card.editor');
    act(() => setActiveColumns(session, ['relations'], SEED));
    expect(screen.queryByTestId('card.editor')).toBeNull();
    expect(screen.getByTestId('toast')).toHaveTextContent(
      'Stap Waarden is nu gesloten. Je kunt deze kaart nu niet meer aanpassen.',
    );
  });
});
