import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ColumnId } from '../../../../shared/columns.js';
import { addArgument } from '../../../../shared/cardDetails.js';
import type { CardId, ParticipantId, PartnerId } from '../../../../shared/ids.js';
import { createCard, setCardPlainText } from '../../../../shared/ops.js';
import { SEED } from '../../../../shared/origins.js';
import { readMap } from '../../../../shared/readModel.js';
import { cardEl, guidedSession, renderSessionMap } from '../../../test/sessionHarness.js';
import { loadEditorBeforeTests } from '../../../test/mapHarness.js';

loadEditorBeforeTests();

let teardown: (() => void) | null = null;
afterEach(() => {
  teardown?.();
  teardown = null;
});

function seed(doc: Y.Doc, column: ColumnId, text: string): CardId {
  return createCard(
    doc,
    { column, author: 'p2' as ParticipantId, authorName: 'Bram', partner: 'zorg' as PartnerId, text },
    SEED,
  );
}

const card = (doc: Y.Doc, id: CardId) =>
  Object.values(readMap(doc).columns)
    .flat()
    .find((c) => c.id === id)!;

async function openDetails(id: CardId) {
  const user = userEvent.setup();
  await user.click(within(cardEl(id)!).getByTestId('card.details'));
  const panel = screen.getByTestId('card.detailsPanel');
  return { user, panel, inPanel: within(panel) };
}

describe('[D1–D3] the dialogue on a card', () => {
  it('support (+1) is a toggle for me, with count and names; withdrawing takes it back', async () => {
    const doc = new Y.Doc();
    const id = seed(doc, 'values', 'Samen beslissen');
    const m = renderSessionMap({ doc });
    teardown = m.cleanup;
    const { user, inPanel } = await openDetails(id);
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Over deze kaart' })).toHaveFocus());

    const support = inPanel.getByTestId('card.support');
    expect(support).toHaveAttribute('aria-pressed', 'false');
    await user.click(support);
    expect(card(doc, id).supporters).toEqual([
      expect.objectContaining({ id: 'p1', name: 'Anna', partner: 'gemeente' }),
    ]);
    expect(support).toHaveAttribute('aria-pressed', 'true');
    expect(inPanel.getByTestId('card.supporters')).toHaveTextContent('1 persoon steunt dit: Anna');
    expect(within(cardEl(id)!).getByTestId('card.supportCount')).toHaveTextContent('+1');

    await user.click(support);
    expect(card(doc, id).supporters).toEqual([]);
    expect(within(cardEl(id)!).queryByTestId('card.supportCount')).toBeNull();

    // Escape closes the panel and puts focus back on the card.
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('card.detailsPanel')).toBeNull();
    await waitFor(() => expect(cardEl(id)).toHaveFocus());
  });

  it('arguments for and against: I add them and remove my own, not someone else’s', async () => {
    const doc = new Y.Doc();
    const id = seed(doc, 'values', 'Kaart');
    addArgument(
      doc,
      id,
      'for',
      'Van Bram',
      { id: 'p2' as ParticipantId, name: 'Bram', partner: 'zorg' as PartnerId },
      SEED,
    );
    const m = renderSessionMap({ doc });
    teardown = m.cleanup;
    const { user, inPanel } = await openDetails(id);
    expect(inPanel.getByTestId('card.argument')).toHaveTextContent('Van Bram – Bram (Zorg)');
    expect(inPanel.queryByTestId('card.argument.remove')).toBeNull();

    await user.type(inPanel.getByTestId('card.argument.text'), 'Dit helpt inwoners');
    await user.click(inPanel.getByTestId('card.argument.add'));
    await user.click(inPanel.getByTestId('card.argument.side.against'));
    await user.type(inPanel.getByTestId('card.argument.text'), 'Kost veel tijd{Enter}');
    expect(card(doc, id).arguments.map((a) => [a.side, a.text, a.author])).toEqual([
      ['for', 'Van Bram', 'p2'],
      ['for', 'Dit helpt inwoners', 'p1'],
      ['against', 'Kost veel tijd', 'p1'],
    ]);
    expect(within(cardEl(id)!).getByTestId('card.argumentCounts')).toHaveTextContent('2 voor · 1 tegen');

    const removable = inPanel.getAllByTestId('card.argument.remove');
    expect(removable).toHaveLength(2);
    await user.click(removable[0]);
    expect(card(doc, id).arguments.map((a) => a.text)).toEqual(['Van Bram', 'Kost veel tijd']);
  });

  it('[K1] a participant sees the status and who decides, and no status buttons', async () => {
    const doc = new Y.Doc();
    const id = seed(doc, 'values', 'Kaart');
    const m = renderSessionMap({ doc });
    teardown = m.cleanup;
    const { inPanel } = await openDetails(id);
    expect(inPanel.queryByTestId('card.status.agreed')).toBeNull();
    expect(inPanel.getByTestId('card.status.now')).toHaveAttribute('data-status', 'open');
    expect(inPanel.getByTestId('card.status.who')).toHaveTextContent('De begeleider zet de kaart op');
    expect(inPanel.getByTestId('card.agreeForPartner')).toBeInTheDocument();
  });

  it('[G5] a step card can be agreed only once who, what and when are filled in', async () => {
    const doc = new Y.Doc();
    const id = seed(doc, 'steps', 'Folder maken');
    const m = renderSessionMap({ doc, access: 'facilitator' });
    teardown = m.cleanup;
    const { user, inPanel } = await openDetails(id);

    const agreed = inPanel.getByTestId('card.status.agreed');
    expect(agreed).toHaveAttribute('aria-disabled', 'true');
    expect(inPanel.getByTestId('card.status.reason')).toHaveTextContent(
      'Eens kan pas als dit is ingevuld: Wie, Wat, Wanneer.',
    );
    await user.click(agreed);
    expect(card(doc, id).status).toBe('open');

    await user.type(inPanel.getByTestId('card.step.who'), 'Fatima');
    await user.type(inPanel.getByTestId('card.step.what'), 'Folder drukken');
    await user.tab();
    expect(agreed).toHaveAttribute('aria-disabled', 'true');
    expect(inPanel.getByTestId('card.status.reason')).toHaveTextContent('Wanneer');
    await user.type(inPanel.getByTestId('card.step.when'), 'voor 1 juni');
    await user.tab();
    expect(card(doc, id)).toMatchObject({ who: 'Fatima', what: 'Folder drukken', when: 'voor 1 juni' });
    expect(agreed).not.toHaveAttribute('aria-disabled');
    expect(inPanel.queryByTestId('card.status.reason')).toBeNull();

    await user.click(agreed);
    expect(card(doc, id).status).toBe('agreed');
    expect(agreed).toHaveAttribute('aria-pressed', 'true');
    expect(within(cardEl(id)!).getByTestId('card.statusBadge')).toHaveTextContent('Eens');
    expect(within(cardEl(id)!).getByTestId('card.stepFields')).toHaveTextContent('Wie: Fatima');

    await user.click(inPanel.getByTestId('card.status.parked'));
    expect(card(doc, id).status).toBe('parked');
  });

  it('agreement per partner: "Eens namens Gemeente" toggles, and the list shows who agreed', async () => {
    const doc = new Y.Doc();
    const id = seed(doc, 'values', 'Kaart');
    const m = renderSessionMap({ doc });
    teardown = m.cleanup;
    const { user, inPanel } = await openDetails(id);
    expect(inPanel.getByTestId('card.agreedBy')).toHaveTextContent('Nog geen partner');
    await user.click(inPanel.getByTestId('card.agreeForPartner'));
    expect(Object.keys(card(doc, id).agreedBy)).toEqual(['gemeente']);
    expect(inPanel.getByTestId('card.agreedBy')).toHaveTextContent('Eens namens: Gemeente (Anna)');
    await user.click(inPanel.getByTestId('card.agreeForPartner'));
    expect(card(doc, id).agreedBy).toEqual({});
  });

  it('"Bouw hierop verder" creates a linked card right after it, opens its editor, and the link focuses the original', async () => {
    const doc = new Y.Doc();
    const a = seed(doc, 'values', 'Iedereen doet mee in de wijk, ook mensen met dementie');
    const b = seed(doc, 'values', 'B');
    const m = renderSessionMap({ doc });
    teardown = m.cleanup;
    const { user, inPanel } = await openDetails(a);
    await user.click(inPanel.getByTestId('card.buildOn'));

    const values = readMap(doc).columns.values;
    expect(values.map((c) => c.id).filter((x) => x !== a && x !== b)).toHaveLength(1);
    const built = values[1];
    expect(values.map((c) => c.id)).toEqual([a, built.id, b]);
    expect(built).toMatchObject({ buildsOn: a, author: 'p1', authorName: 'Anna' });
    expect(screen.queryByTestId('card.detailsPanel')).toBeNull();
    expect(await within(cardEl(built.id)!).findByTestId('card.editor')).toBeInTheDocument();

    await user.click(within(cardEl(built.id)!).getByTestId('card.done'));
    const link = within(cardEl(built.id)!).getByTestId('card.buildsOn');
    expect(link).toHaveTextContent('Iedereen doet mee in de wijk,…');
    await user.click(link);
    await waitFor(() => expect(cardEl(a)).toHaveFocus());
  });

  it('history: when an edit ends with a changed text, the text from before goes into the history', async () => {
    const doc = new Y.Doc();
    const id = seed(doc, 'values', 'Oude tekst');
    const m = renderSessionMap({ doc });
    teardown = m.cleanup;
    const user = userEvent.setup();

    // An edit without a change adds nothing.
    await user.click(within(cardEl(id)!).getByTestId('card.edit'));
    await user.click(await screen.findByTestId('card.done'));
    expect(card(doc, id).history).toEqual([]);

    await user.click(within(cardEl(id)!).getByTestId('card.edit'));
    await screen.findByTestId('card.editor');
    act(() => {
      setCardPlainText(doc, id, 'Nieuwe tekst', SEED);
    });
    await user.click(screen.getByTestId('card.done'));
    expect(card(doc, id).history).toEqual([expect.objectContaining({ text: 'Oude tekst', by: 'p1', name: 'Anna' })]);
    // Not an undo step: Ctrl+Z keeps meaning "undo my last add, move or delete".
    expect(m.env.undoManager.canUndo()).toBe(false);

    const { inPanel } = await openDetails(id);
    const entries = inPanel.getAllByTestId('card.history.entry');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toHaveTextContent('Oude tekst');
    expect(entries[0]).toHaveTextContent('aangepast door Anna');
  });

  it('in a closed column the details can be read but not changed', async () => {
    const doc = new Y.Doc();
    const id = seed(doc, 'relations', 'Dicht');
    const m = renderSessionMap({ doc, session: guidedSession({ active: ['values'] }) });
    teardown = m.cleanup;
    const { inPanel } = await openDetails(id);
    expect(inPanel.getByTestId('card.details.readOnly')).toBeInTheDocument();
    expect(inPanel.queryByTestId('card.support')).toBeNull();
    expect(inPanel.queryByTestId('card.status.agreed')).toBeNull();
    expect(inPanel.queryByTestId('card.buildOn')).toBeNull();
    expect(inPanel.queryByTestId('card.argument.text')).toBeNull();
  });
});
