import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { createCard, deleteCard, setCardPlainText } from '../../../shared/ops.js';
import { SEED } from '../../../shared/origins.js';
import type { PresenceState } from '../../../shared/protocol.js';
import { readMap } from '../../../shared/readModel.js';
import { loadEditorBeforeTests, renderMap } from '../../test/mapHarness.js';

loadEditorBeforeTests();

let teardown: (() => void) | null = null;
afterEach(() => {
  teardown?.();
  teardown = null;
});

const cardEl = (id: string) => document.querySelector<HTMLElement>(`[data-testid="card"][data-card-id="${id}"]`);
const editable = () => screen.getByTestId('card.editor').querySelector<HTMLElement>('[contenteditable="true"]');

describe('editing a card', () => {
  it('"Kaart toevoegen" creates a card by me and opens the one editor on it, focused', async () => {
    const m = renderMap();
    teardown = m.cleanup;
    const user = userEvent.setup();
    await user.click(screen.getByTestId('column.relations.add'));

    const [card] = readMap(m.doc).columns.relations;
    expect(card).toMatchObject({ authorName: 'Anna', partner: 'gemeente', author: 'p1' });
    // The first editor of the file loads the editor's code (lazy): slow on a busy machine.
    const editor = await screen.findByTestId('card.editor', {}, { timeout: 15_000 });
    expect(cardEl(card.id)).toContainElement(editor);
    expect(screen.getAllByTestId('card.editor')).toHaveLength(1);
    await waitFor(() => expect(editor.contains(document.activeElement)).toBe(true));
    expect(editable()).toHaveAccessibleName(/Tekst van de kaart/);
    // Others can see which card I am editing.
    expect((m.env.awarenessHost.awareness.getLocalState() as PresenceState).editing).toBe(card.id);
  });

  it('a new editor takes back a focus that fell to the page while it opened, but not one moved on purpose', async () => {
    const m = renderMap();
    teardown = m.cleanup;
    const user = userEvent.setup();
    await user.click(screen.getByTestId('column.relations.add'));
    const editor = await screen.findByTestId('card.editor', {}, { timeout: 15_000 });
    await waitFor(() => expect(editor.contains(document.activeElement)).toBe(true));
    // The editor's DOM moved away under the focus (what a re-render can do): the focus is on the page.
    (document.activeElement as HTMLElement | null)?.blur();
    expect(editor.contains(document.activeElement)).toBe(false);
    await waitFor(() => expect(editor.contains(document.activeElement)).toBe(true), { timeout: 2_000 });

    await user.click(screen.getByTestId('card.done'));
    await user.click(screen.getByTestId('column.values.add'));
    const second = await screen.findByTestId('card.editor');
    await waitFor(() => expect(second.contains(document.activeElement)).toBe(true));
    // The person moved on at once (here: to the other column's add button): the focus stays there.
    const elsewhere = screen.getByTestId('column.actions.add');
    elsewhere.focus();
    await new Promise((r) => setTimeout(r, 800));
    expect(second.contains(document.activeElement)).toBe(false);
    expect(document.activeElement).toBe(elsewhere);
  });

  it('the editor shows the card text from the shared document (no content seeding)', async () => {
    const doc = new Y.Doc();
    const id = createCard(
      doc,
      { column: 'values', author: '', authorName: 'Bram', partner: '', text: 'Samen beslissen' },
      SEED,
    );
    const m = renderMap({ doc });
    teardown = m.cleanup;
    const user = userEvent.setup();
    await user.click(within(cardEl(id)!).getByTestId('card.edit'));
    await waitFor(() => expect(editable()).toHaveTextContent('Samen beslissen'));
    // A remote edit arrives in the open editor.
    act(() => {
      setCardPlainText(doc, id, 'Samen beslissen, ook met inwoners', SEED);
    });
    await waitFor(() => expect(editable()).toHaveTextContent('Samen beslissen, ook met inwoners'));
    expect(readMap(doc).columns.values[0].plainText).toBe('Samen beslissen, ook met inwoners');
  });

  it('Escape and "Klaar" close the editor and return focus to the card', async () => {
    const doc = new Y.Doc();
    const id = createCard(doc, { column: 'values', author: '', authorName: 'Bram', partner: '', text: 'Tekst' }, SEED);
    const m = renderMap({ doc });
    teardown = m.cleanup;
    const user = userEvent.setup();

    cardEl(id)!.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('card.editor').contains(document.activeElement)).toBe(true));
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('card.editor')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(cardEl(id)));
    expect((m.env.awarenessHost.awareness.getLocalState() as PresenceState).editing).toBeNull();

    await user.click(within(cardEl(id)!).getByTestId('card.edit'));
    await user.click(await screen.findByTestId('card.done'));
    expect(screen.queryByTestId('card.editor')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(cardEl(id)));
  });

  it('when someone else deletes the card being edited, the editor closes and says so', async () => {
    const doc = new Y.Doc();
    const id = createCard(doc, { column: 'values', author: '', authorName: 'Bram', partner: '', text: 'Weg' }, SEED);
    const m = renderMap({ doc });
    teardown = m.cleanup;
    const user = userEvent.setup();
    await user.click(within(cardEl(id)!).getByTestId('card.edit'));
    await screen.findByTestId('card.editor');

    act(() => {
      deleteCard(doc, id, SEED);
    });
    await waitFor(() => expect(screen.queryByTestId('card.editor')).toBeNull());
    expect(screen.getByTestId('toast')).toHaveTextContent('De kaart die je aan het bewerken was, is net verwijderd.');
    expect(screen.queryByTestId('toast.undo')).toBeNull();
  });

  it('shows who else is editing a card, from their awareness state', async () => {
    const doc = new Y.Doc();
    const id = createCard(doc, { column: 'values', author: '', authorName: 'Bram', partner: '', text: 'X' }, SEED);
    const m = renderMap({ doc });
    teardown = m.cleanup;
    const otherDoc = new Y.Doc();
    const other = new Awareness(otherDoc);
    const state: PresenceState = {
      user: { name: 'Bram', color: '#a3341f', partner: 'zorg', partnerName: 'Zorg', role: 'citizen' },
      editing: id,
    };
    other.setLocalState(state);
    act(() => {
      applyAwarenessUpdate(m.env.awarenessHost.awareness, encodeAwarenessUpdate(other, [other.clientID]), 'remote');
    });
    expect(within(cardEl(id)!).getByTestId('card.editingBy')).toHaveTextContent('Bram is aan het bewerken');
    const people = screen.getAllByTestId('presence.person');
    expect(people.map((p) => p.textContent)).toEqual(['Anna (jij)Gemeente', 'BramZorg']);
    other.destroy();
  });
});
