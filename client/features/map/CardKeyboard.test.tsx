import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ColumnId } from '../../../shared/columns.js';
import type { CardId } from '../../../shared/ids.js';
import { createCard } from '../../../shared/ops.js';
import { SEED } from '../../../shared/origins.js';
import { readMap } from '../../../shared/readModel.js';
import { loadEditorBeforeTests, renderMap } from '../../test/mapHarness.js';

loadEditorBeforeTests();

let teardown: (() => void) | null = null;
afterEach(() => {
  teardown?.();
  teardown = null;
});

function seed(doc: Y.Doc, column: ColumnId, texts: string[]): CardId[] {
  return texts.map((text) => createCard(doc, { column, author: '', authorName: 'Bram', partner: '', text }, SEED));
}

const ids = (doc: Y.Doc, column: ColumnId) => readMap(doc).columns[column].map((c) => c.id);
const cardEl = (id: string) => document.querySelector<HTMLElement>(`[data-testid="card"][data-card-id="${id}"]`)!;
const columnOf = (id: string) => cardEl(id).closest('section')?.getAttribute('data-testid');

describe('moving cards with the keyboard', () => {
  it('keeps DOM order step 1..5 so reading order follows the method', () => {
    const m = renderMap();
    teardown = m.cleanup;
    const order = [...document.querySelectorAll('section[data-testid^="column."]')].map((s) =>
      s.getAttribute('data-testid'),
    );
    expect(order).toEqual(['column.values', 'column.relations', 'column.actions', 'column.conditions', 'column.steps']);
    expect(within(screen.getByTestId('column.values')).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Stap 1 Waarden',
    );
  });

  it('Alt+ArrowDown and Alt+ArrowUp move within the column; focus stays on the card and the move is announced', async () => {
    const doc = new Y.Doc();
    const [a, b, c] = seed(doc, 'values', ['A', 'B', 'C']);
    const m = renderMap({ doc });
    teardown = m.cleanup;
    const user = userEvent.setup();

    cardEl(a).focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(ids(doc, 'values')).toEqual([b, a, c]);
    await waitFor(() => expect(document.activeElement).toBe(cardEl(a)));
    expect(screen.getByTestId('map.announcer')).toHaveTextContent('Kaart staat nu in Waarden, plaats 2 van 3.');
    expect(cardEl(a)).toHaveAccessibleName('Kaart 2 van 3 in Waarden');

    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}'); // at the top: stays, no error
    expect(ids(doc, 'values')).toEqual([a, b, c]);
  });

  it('Alt+ArrowLeft goes to the next step (the column on the left), Alt+ArrowRight back; focus follows', async () => {
    const doc = new Y.Doc();
    const [a] = seed(doc, 'values', ['A', 'B']);
    seed(doc, 'relations', ['R1']);
    const m = renderMap({ doc });
    teardown = m.cleanup;
    const user = userEvent.setup();

    cardEl(a).focus();
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(columnOf(a)).toBe('column.relations');
    // Same row as before: index 0 in Relaties.
    expect(ids(doc, 'relations')[0]).toBe(a);
    await waitFor(() => expect(document.activeElement).toBe(cardEl(a)));
    expect(screen.getByTestId('map.announcer')).toHaveTextContent('Relaties');

    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(columnOf(a)).toBe('column.values');
    await waitFor(() => expect(document.activeElement).toBe(cardEl(a)));

    await user.keyboard('{Alt>}{ArrowRight}{/Alt}'); // step 1 is the first: nothing to the right
    expect(columnOf(a)).toBe('column.values');
  });

  it('prevents the browser default (Alt+Left is "history back")', () => {
    const doc = new Y.Doc();
    const [a] = seed(doc, 'values', ['A']);
    const m = renderMap({ doc });
    teardown = m.cleanup;
    const notCancelled = fireEvent.keyDown(cardEl(a), { key: 'ArrowLeft', altKey: true });
    expect(notCancelled).toBe(false);
  });

  it('the toolbar buttons move the card too, with labels that name the step', async () => {
    const doc = new Y.Doc();
    const [a, b] = seed(doc, 'values', ['A', 'B']);
    const m = renderMap({ doc });
    teardown = m.cleanup;
    const user = userEvent.setup();

    const next = within(cardEl(a)).getByTestId('card.moveToNextStep');
    expect(next).toHaveAccessibleName('Naar stap 2 (Relaties)');
    expect(within(cardEl(a)).getByTestId('card.moveToPrevStep')).toBeDisabled();
    expect(within(cardEl(a)).getByTestId('card.moveUp')).toBeDisabled();

    await user.click(within(cardEl(a)).getByTestId('card.moveDown'));
    expect(ids(doc, 'values')).toEqual([b, a]);
    await user.click(within(cardEl(a)).getByTestId('card.moveToNextStep'));
    expect(ids(doc, 'relations')).toEqual([a]);
    expect(within(cardEl(a)).getByTestId('card.moveToPrevStep')).toHaveAccessibleName('Naar stap 1 (Waarden)');
  });

  it('a remote move re-renders without losing the local card', () => {
    const doc = new Y.Doc();
    const [a, b] = seed(doc, 'values', ['A', 'B']);
    const m = renderMap({ doc });
    teardown = m.cleanup;
    act(() => {
      doc.transact(() => {
        const card = doc.getMap<Y.Map<unknown>>('cards').get(b)!;
        card.set('column', 'steps');
      }, 'remote');
    });
    expect(columnOf(b)).toBe('column.steps');
    expect(columnOf(a)).toBe('column.values');
  });
});
