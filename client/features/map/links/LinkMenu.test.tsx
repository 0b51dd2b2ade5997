import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ColumnId } from '../../../../shared/columns.js';
import type { CardId } from '../../../../shared/ids.js';
import { createCard } from '../../../../shared/ops.js';
import { SEED } from '../../../../shared/origins.js';
import { readMap } from '../../../../shared/readModel.js';
import { loadEditorBeforeTests, renderMap } from '../../../test/mapHarness.js';

loadEditorBeforeTests();

let teardown: (() => void) | null = null;
afterEach(() => {
  teardown?.();
  teardown = null;
});

function seed(doc: Y.Doc, column: ColumnId, texts: string[]): CardId[] {
  return texts.map((text) => createCard(doc, { column, author: '', authorName: 'Bram', partner: '', text }, SEED));
}

const cardEl = (id: string) => document.querySelector<HTMLElement>(`[data-testid="card"][data-card-id="${id}"]`)!;
const linksOf = (doc: Y.Doc, id: string) =>
  Object.keys(
    Object.values(readMap(doc).columns)
      .flat()
      .find((c) => c.id === id)?.links ?? {},
  );

describe('"Hoort bij…": linking a card without dragging', () => {
  it('[L4] by keyboard: Enter opens the cards of the earlier steps with their codes, Enter links, Escape returns to the button', async () => {
    const doc = new Y.Doc();
    const [w1, w2] = seed(doc, 'values', ['Iedereen doet mee', 'Thuis wonen']);
    const [c1] = seed(doc, 'conditions', ['Budget']);
    const [a1] = seed(doc, 'steps', ['Wandelclub starten']);
    const m = renderMap({ doc });
    teardown = m.cleanup;
    const user = userEvent.setup();
    // A value serves nothing: no menu there.
    expect(within(cardEl(w1)).queryByTestId('card.linkMenu')).toBeNull();
    const trigger = within(cardEl(a1)).getByTestId('card.linkMenu');
    expect(trigger).toHaveAccessibleName('Hoort bij…');
    trigger.focus();
    await user.keyboard('{Enter}');
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    const items = within(cardEl(a1)).getAllByTestId('card.linkMenu.item');
    expect(items.map((x) => x.textContent)).toEqual(['W1 Iedereen doet mee', 'W2 Thuis wonen', 'C1 Budget']);
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{Tab}{Enter}');
    expect(linksOf(doc, a1)).toEqual([w2]);
    await waitFor(() => expect(items[1]).toHaveAttribute('aria-pressed', 'true'));
    expect(items[0]).toHaveAttribute('aria-pressed', 'false');
    await user.keyboard('{Escape}');
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(document.activeElement).toBe(trigger);
    // The card says what it serves, with the code.
    expect(within(cardEl(a1)).getByTestId('card.serves')).toHaveTextContent('Draagt bij aan: W2');
    // The card has the focus: the value it serves gets a marker; the others do not.
    await waitFor(() => expect(within(cardEl(w2)).getByTestId('card.linkMarker')).toBeInTheDocument());
    expect(within(cardEl(w1)).queryByTestId('card.linkMarker')).toBeNull();
    expect(within(cardEl(c1)).queryByTestId('card.linkMarker')).toBeNull();
  });

  it('[L4] with a single pointer: one click opens, one click links, a second click unlinks; a focused value shows what serves it', async () => {
    const doc = new Y.Doc();
    const [w1] = seed(doc, 'values', ['Iedereen doet mee']);
    const [r1] = seed(doc, 'relations', ['Korte lijnen']);
    const [c1] = seed(doc, 'conditions', ['Budget']);
    const m = renderMap({ doc });
    teardown = m.cleanup;
    const user = userEvent.setup();
    await user.click(within(cardEl(c1)).getByTestId('card.linkMenu'));
    const items = () => within(cardEl(c1)).getAllByTestId('card.linkMenu.item');
    expect(items().map((x) => x.textContent)).toEqual(['W1 Iedereen doet mee', 'R1 Korte lijnen']);
    await user.click(items()[0]);
    await user.click(items()[1]);
    expect(linksOf(doc, c1).sort()).toEqual([r1, w1].sort());
    await user.click(items()[1]);
    expect(linksOf(doc, c1)).toEqual([w1]);
    cardEl(w1).focus();
    await waitFor(() => expect(within(cardEl(w1)).getByTestId('card.servedBy')).toHaveTextContent('C1'));
    expect(within(cardEl(c1)).getByTestId('card.linkMarker')).toHaveTextContent('Draagt bij aan de kaart in focus');
    expect(within(cardEl(r1)).queryByTestId('card.linkMarker')).toBeNull();
  });
});
