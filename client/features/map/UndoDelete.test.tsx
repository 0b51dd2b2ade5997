import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCard, getCardText } from '../../../shared/cardSchema.js';
import type { CardId } from '../../../shared/ids.js';
import { createCard, deleteCard, moveCard } from '../../../shared/ops.js';
import { SEED } from '../../../shared/origins.js';
import { readBlocks } from '../../../shared/richText.js';
import { readMap } from '../../../shared/readModel.js';
import { loadEditorBeforeTests, renderMap } from '../../test/mapHarness.js';

loadEditorBeforeTests();

let teardown: (() => void) | null = null;
afterEach(() => {
  teardown?.();
  teardown = null;
});

/** A card with formatted text, as a remote editor would have written it. */
function richCard(doc: Y.Doc): CardId {
  const id = createCard(doc, { column: 'values', author: '', authorName: 'Bram', partner: 'zorg' as never }, SEED);
  doc.transact(() => {
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'Iedereen ');
    text.insert(9, 'doet mee', { bold: true });
    p.insert(0, [text]);
    getCardText(getCard(doc, id)!)!.insert(0, [p]);
  }, SEED);
  return id;
}

const cardEl = (id: string) => document.querySelector<HTMLElement>(`[data-testid="card"][data-card-id="${id}"]`);

describe('delete and undo', () => {
  it('deleting shows a toast; its undo restores the card with its formatted text', async () => {
    const doc = new Y.Doc();
    const id = richCard(doc);
    const m = renderMap({ doc });
    teardown = m.cleanup;
    const user = userEvent.setup();
    const blocksBefore = readBlocks(getCardText(getCard(doc, id)!)!);

    await user.click(within(cardEl(id)!).getByTestId('card.delete'));
    expect(cardEl(id)).toBeNull();
    expect(readMap(doc).cardCount).toBe(0);
    expect(screen.getByTestId('toast')).toHaveTextContent('Kaart verwijderd');
    // Focus does not fall to <body>: the column's add button takes it.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('column.values.add')));

    await user.click(screen.getByTestId('toast.undo'));
    expect(cardEl(id)).not.toBeNull();
    expect(readBlocks(getCardText(getCard(doc, id)!)!)).toEqual(blocksBefore);
    expect(within(cardEl(id)!).getByTestId('card.text').querySelector('strong')).toHaveTextContent('doet mee');
    await waitFor(() => expect(document.activeElement).toBe(cardEl(id)));
    expect(screen.queryByTestId('toast')).toBeNull();
  });

  it('the map.undo button and Ctrl+Z undo the last own change', async () => {
    const doc = new Y.Doc();
    const id = richCard(doc);
    const m = renderMap({ doc });
    teardown = m.cleanup;
    const user = userEvent.setup();

    await user.click(within(cardEl(id)!).getByTestId('card.delete'));
    await user.click(screen.getByTestId('map.undo'));
    expect(cardEl(id)).not.toBeNull();
    expect(within(cardEl(id)!).getByTestId('card.text')).toHaveTextContent('Iedereen doet mee');

    await user.click(within(cardEl(id)!).getByTestId('card.moveToNextStep'));
    expect(cardEl(id)!.closest('section')).toHaveAttribute('data-testid', 'column.relations');
    await user.keyboard('{Control>}z{/Control}');
    expect(cardEl(id)!.closest('section')).toHaveAttribute('data-testid', 'column.values');
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(cardEl(id)!.closest('section')).toHaveAttribute('data-testid', 'column.relations');
  });

  it('undo never reverts what someone else did', async () => {
    const doc = new Y.Doc();
    const mine = richCard(doc);
    const theirs = createCard(
      doc,
      { column: 'values', author: '', authorName: 'Bram', partner: '', text: 'Van Bram' },
      SEED,
    );
    const m = renderMap({ doc });
    teardown = m.cleanup;
    const user = userEvent.setup();

    await user.click(within(cardEl(mine)!).getByTestId('card.moveToNextStep'));
    act(() => {
      moveCard(doc, theirs, 'steps', 0, SEED);
    });
    await user.click(screen.getByTestId('map.undo'));
    expect(cardEl(mine)!.closest('section')).toHaveAttribute('data-testid', 'column.values');
    expect(cardEl(theirs)!.closest('section')).toHaveAttribute('data-testid', 'column.steps');
    // Nothing of mine left to undo: the remote move stays.
    await user.click(screen.getByTestId('map.undo'));
    expect(cardEl(theirs)!.closest('section')).toHaveAttribute('data-testid', 'column.steps');
    expect(screen.getByTestId('map.announcer')).toHaveTextContent('Er is niets om ongedaan te maken.');
  });

  it('the toast stops offering undo once another own change came after the delete', async () => {
    const doc = new Y.Doc();
    const a = richCard(doc);
    const b = createCard(doc, { column: 'values', author: '', authorName: 'Bram', partner: '', text: 'B' }, SEED);
    const m = renderMap({ doc });
    teardown = m.cleanup;
    const user = userEvent.setup();

    await user.click(within(cardEl(a)!).getByTestId('card.delete'));
    expect(screen.getByTestId('toast.undo')).toBeInTheDocument();
    await user.click(within(cardEl(b)!).getByTestId('card.moveToNextStep'));
    expect(screen.queryByTestId('toast.undo')).toBeNull();
  });

  it('Delete on a focused card deletes it, with the same undo', async () => {
    const doc = new Y.Doc();
    const id = richCard(doc);
    const m = renderMap({ doc });
    teardown = m.cleanup;
    const user = userEvent.setup();
    cardEl(id)!.focus();
    await user.keyboard('{Delete}');
    expect(cardEl(id)).toBeNull();
    await user.keyboard('{Control>}z{/Control}');
    expect(cardEl(id)).not.toBeNull();
  });

  it('a card deleted by someone else just disappears, with no undo for me', () => {
    const doc = new Y.Doc();
    const id = richCard(doc);
    const m = renderMap({ doc });
    teardown = m.cleanup;
    act(() => {
      deleteCard(doc, id, SEED);
    });
    expect(cardEl(id)).toBeNull();
    expect(screen.getByTestId('map.undo')).toHaveAttribute('aria-disabled', 'true');
  });
});
