import { screen, waitFor, within } from '@testing-library/react';
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

describe('"Verplaats naar…": moving a card without dragging', () => {
  it('[X3] one click opens the list of places, one click moves the card to another step (last) and focus follows it', async () => {
    const doc = new Y.Doc();
    const [a, b] = seed(doc, 'values', ['A', 'B']);
    const [c] = seed(doc, 'conditions', ['C']);
    const m = renderMap({ doc });
    teardown = m.cleanup;
    const user = userEvent.setup();
    const trigger = within(cardEl(a)).getByTestId('card.moveMenu');
    expect(trigger).toHaveAccessibleName('Verplaats naar…');
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await user.click(trigger);
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    const list = within(cardEl(a)).getByRole('list', { name: 'Verplaats deze kaart naar…' });
    // Every other step, then the top and bottom of its own step (A is on top already).
    expect(
      within(list)
        .getAllByRole('button')
        .map((x) => x.textContent),
    ).toEqual([
      'Stap 2 · Relaties',
      'Stap 3 · Handelen',
      'Stap 4 · Condities',
      'Stap 5 · Acties',
      'Bovenaan in deze stap',
      'Onderaan in deze stap',
      'Sluiten',
    ]);
    expect(within(list).getByTestId('card.moveMenu.top')).toBeDisabled();
    await user.click(within(list).getByTestId('card.moveMenu.conditions'));
    expect(ids(doc, 'values')).toEqual([b]);
    expect(ids(doc, 'conditions')).toEqual([c, a]);
    await waitFor(() => expect(document.activeElement).toBe(cardEl(a)));
    expect(screen.getByTestId('map.announcer')).toHaveTextContent('Kaart staat nu in Condities, plaats 2 van 2.');
  });

  it('[X3] by keyboard: Enter opens with focus on the first place, Escape closes and returns to the button; bottom of the step', async () => {
    const doc = new Y.Doc();
    const [a, b, c] = seed(doc, 'values', ['A', 'B', 'C']);
    const m = renderMap({ doc });
    teardown = m.cleanup;
    const user = userEvent.setup();
    const trigger = within(cardEl(a)).getByTestId('card.moveMenu');
    trigger.focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(within(cardEl(a)).getByTestId('card.moveMenu.relations'));
    await user.keyboard('{Escape}');
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(document.activeElement).toBe(trigger);
    expect(ids(doc, 'values')).toEqual([a, b, c]);
    await user.keyboard('{Enter}');
    within(cardEl(a)).getByTestId('card.moveMenu.bottom').focus();
    await user.keyboard('{Enter}');
    expect(ids(doc, 'values')).toEqual([b, c, a]);
  });
});
