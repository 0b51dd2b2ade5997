import { act, createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CardId } from '../../../shared/ids.js';
import { createCard } from '../../../shared/ops.js';
import { SEED } from '../../../shared/origins.js';
import { readMap } from '../../../shared/readModel.js';
import { LANG_STORAGE_KEY } from '../../i18n/index.js';
import { loadEditorBeforeTests, renderMap } from '../../test/mapHarness.js';
import { CARD_MIME } from './dragDrop.js';

loadEditorBeforeTests();

let teardown: (() => void) | null = null;
afterEach(() => {
  teardown?.();
  teardown = null;
});

const cardEl = (id: string) => document.querySelector<HTMLElement>(`[data-testid="card"][data-card-id="${id}"]`)!;

/** A DataTransfer stand-in: jsdom has none, and drag events only need types and get/setData. */
function dataTransfer() {
  const data = new Map<string, string>();
  return {
    get types() {
      return [...data.keys()];
    },
    setData: (type: string, value: string) => data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
    dropEffect: 'none',
    effectAllowed: 'all',
  };
}

function drag(from: HTMLElement, over: HTMLElement) {
  const dt = dataTransfer();
  fireEvent(from, Object.assign(createEvent.dragStart(from), { dataTransfer: dt }));
  fireEvent(over, Object.assign(createEvent.dragOver(over), { dataTransfer: dt }));
  return {
    dt,
    drop: () => {
      fireEvent(over, Object.assign(createEvent.drop(over), { dataTransfer: dt }));
      fireEvent(from, Object.assign(createEvent.dragEnd(from), { dataTransfer: dt }));
    },
  };
}

function seed(doc: Y.Doc, column: 'values' | 'relations' | 'steps', texts: string[]): CardId[] {
  return texts.map((text) => createCard(doc, { column, author: '', authorName: 'Bram', partner: '', text }, SEED));
}

describe('map view', () => {
  it('drag and drop: onto a card inserts before it, with a visible indicator while dragging', () => {
    const doc = new Y.Doc();
    const [a, b, c] = seed(doc, 'values', ['A', 'B', 'C']);
    const m = renderMap({ doc });
    teardown = m.cleanup;

    const d = drag(cardEl(c), cardEl(a));
    expect(d.dt.getData(CARD_MIME)).toBe(c);
    expect(cardEl(a).closest('li')).toHaveAttribute('data-drop-before');
    expect(cardEl(c)).toHaveAttribute('data-dragging');
    d.drop();
    expect(readMap(doc).columns.values.map((x) => x.id)).toEqual([c, a, b]);
    expect(document.querySelector('[data-drop-before]')).toBeNull();
  });

  it('drag and drop: onto a column puts the card at its end', () => {
    const doc = new Y.Doc();
    const [a] = seed(doc, 'values', ['A']);
    const [r] = seed(doc, 'relations', ['R']);
    const m = renderMap({ doc });
    teardown = m.cleanup;

    const column = screen.getByTestId('column.relations');
    const d = drag(cardEl(a), column);
    expect(column.querySelector('.card-area')).toHaveAttribute('data-drop-end');
    d.drop();
    expect(readMap(doc).columns.relations.map((x) => x.id)).toEqual([r, a]);
    expect(readMap(doc).columns.values).toEqual([]);
  });

  it('ignores drags that are not cards (text or files from elsewhere)', () => {
    const doc = new Y.Doc();
    seed(doc, 'values', ['A']);
    const m = renderMap({ doc });
    teardown = m.cleanup;
    const column = screen.getByTestId('column.steps');
    const dt = dataTransfer();
    dt.setData('text/plain', 'hallo');
    const over = createEvent.dragOver(column);
    Object.assign(over, { dataTransfer: dt });
    fireEvent(column, over);
    expect(over.defaultPrevented).toBe(false);
  });

  it('switches language: column texts and UI follow, the choice is kept, <html lang> changes', async () => {
    const m = renderMap();
    teardown = m.cleanup;
    const user = userEvent.setup();
    expect(within(screen.getByTestId('column.values')).getByRole('heading')).toHaveTextContent('Stap 1 Waarden');
    await user.selectOptions(screen.getByTestId('lang.select'), 'en');
    // English is fetched when chosen (client/i18n): the page switches once its texts are there.
    await waitFor(() =>
      expect(within(screen.getByTestId('column.values')).getByRole('heading')).toHaveTextContent('Step 1 Values'),
    );
    expect(screen.getByTestId('column.steps.add')).toHaveTextContent('Add card');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
  });

  it('shows the direction hint and the connection state', () => {
    const m = renderMap();
    teardown = m.cleanup;
    expect(screen.getByTestId('map.directionHint')).toHaveTextContent('Begin rechts bij stap 1 en werk naar links.');
    const state = screen.getByTestId('connection.state');
    expect(state).toHaveAttribute('data-state', 'connected');
    expect(state).toHaveTextContent('Verbonden');
  });

  it('a projector sees the map but gets no editing controls', () => {
    const doc = new Y.Doc();
    const [a] = seed(doc, 'values', ['A']);
    const m = renderMap({ doc, access: 'projector' });
    teardown = m.cleanup;
    expect(screen.queryByTestId('column.values.add')).toBeNull();
    expect(within(cardEl(a)).queryByTestId('card.edit')).toBeNull();
    expect(cardEl(a)).toHaveAttribute('draggable', 'false');
    expect(screen.queryByTestId('map.undo')).toBeNull();
  });

  it('tells the person when the server reverted a change in a closed step', () => {
    const m = renderMap();
    teardown = m.cleanup;
    act(() => m.noticeFeed('map:joint')!.emit({ code: 'column-locked', columns: ['relations'] }));
    expect(screen.getByTestId('toast')).toHaveTextContent('Deze stap is nu gesloten (Relaties).');
  });

  it("[W4] tells the person about their map and the page's session, workshop and drafts, not about maps shown elsewhere", () => {
    const m = renderMap();
    teardown = m.cleanup;
    const release = m.workshop.hold('map:zorg');
    act(() => m.noticeFeed('map:zorg')!.emit({ code: 'private-phase' }));
    expect(screen.queryByTestId('toast')).toBeNull();
    release();
    const releaseSession = m.workshop.hold('session');
    act(() => m.noticeFeed('session')!.emit({ code: 'write-refused' }));
    expect(screen.getByTestId('toast')).toHaveTextContent(/.+/);
    const first = screen.getByTestId('toast').textContent;
    act(() => m.noticeFeed('drafts:p1')!.emit({ code: 'private-phase' }));
    expect(screen.getByTestId('toast').textContent).not.toBe(first);
    releaseSession();
  });

  it('on a phone the step buttons choose the visible column', async () => {
    const m = renderMap();
    teardown = m.cleanup;
    const user = userEvent.setup();
    expect(screen.getByTestId('column.values')).toHaveAttribute('data-active');
    await user.click(screen.getByTestId('map.step.conditions'));
    expect(screen.getByTestId('map.step.conditions')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('column.conditions')).toHaveAttribute('data-active');
    expect(screen.getByTestId('column.values')).not.toHaveAttribute('data-active');
  });
});
