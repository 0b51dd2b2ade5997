import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCard } from '../../../../shared/cardSchema.js';
import { readMap } from '../../../../shared/readModel.js';
import { cardEl, guidedSession, renderSessionMap, workshopWithPeople } from '../../../test/sessionHarness.js';
import { loadEditorBeforeTests } from '../../../test/mapHarness.js';

loadEditorBeforeTests();

let teardown: (() => void) | null = null;
afterEach(() => {
  teardown?.();
  teardown = null;
});

describe('[rule 3] writing a card for someone else', () => {
  it('the card is theirs (author, partner) and says who typed it', async () => {
    const doc = new Y.Doc();
    const m = renderSessionMap({ doc, workshop: workshopWithPeople() });
    teardown = m.cleanup;
    const user = userEvent.setup();

    await user.click(screen.getByTestId('column.relations.writeFor'));
    const select = screen.getByTestId('card.writeFor');
    await waitForFocus(select);
    // Only other participants: not me, not the facilitator.
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Bram (Zorg)']);
    await user.click(screen.getByTestId('card.writeFor.add'));

    const [card] = readMap(doc).columns.relations;
    expect(card).toMatchObject({
      author: 'p2',
      authorName: 'Bram',
      partner: 'zorg',
      writtenBy: 'p1',
      writtenByName: 'Anna',
    });
    expect(within(cardEl(card.id)!).getByTestId('card.writtenFor')).toHaveTextContent('Geschreven door Anna voor Bram');
    expect(await within(cardEl(card.id)!).findByTestId('card.editor')).toBeInTheDocument();
  });

  it('the facilitator types for the group (one laptop), and in the private phase a participant writes it into their drafts', async () => {
    const map = new Y.Doc();
    const f = renderSessionMap({ doc: map, access: 'facilitator', workshop: workshopWithPeople() });
    const user = userEvent.setup();
    await user.click(screen.getByTestId('column.values.writeFor'));
    await user.selectOptions(screen.getByTestId('card.writeFor'), 'p1');
    await user.click(screen.getByTestId('card.writeFor.add'));
    expect(readMap(map).columns.values[0]).toMatchObject({
      author: 'p1',
      partner: 'gemeente',
      writtenBy: 'f1',
      writtenByName: 'Begeleider',
    });
    f.cleanup();

    const drafts = new Y.Doc();
    const map2 = new Y.Doc();
    const m = renderSessionMap({
      doc: map2,
      drafts,
      workshop: workshopWithPeople(),
      session: guidedSession({ active: ['values'], phase: 'private' }),
    });
    teardown = m.cleanup;
    await user.click(screen.getByTestId('column.values.writeFor'));
    await user.click(screen.getByTestId('card.writeFor.add'));
    expect(readMap(map2).cardCount).toBe(0);
    const [draft] = readMap(drafts).columns.values;
    expect(draft).toMatchObject({ author: 'p2', partner: 'zorg', writtenBy: 'p1' });
    expect(getCard(drafts, draft.id)?.get('map')).toBe('map:joint');
  });

  it('[H5] Escape cancels and gives focus back; with nobody else here the form offers to add someone without a device', async () => {
    const m = renderSessionMap({ workshop: workshopWithPeople() });
    teardown = m.cleanup;
    const user = userEvent.setup();
    const toggle = screen.getByTestId('column.values.writeFor');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('card.writeFor')).toBeNull();
    expect(toggle).toHaveFocus();
    m.cleanup();
    teardown = null;

    const alone = renderSessionMap();
    teardown = alone.cleanup;
    await user.click(screen.getByTestId('column.values.writeFor'));
    // Nobody to choose yet: no card can be added for nobody, but someone without a device can be.
    expect(screen.getByTestId('card.writeFor.add')).toBeDisabled();
    await user.click(screen.getByTestId('card.writeFor.noDevice'));
    const form = screen.getByTestId('card.writeFor.noDeviceForm');
    expect(within(form).getByTestId('card.writeFor.noDevice.add')).toBeDisabled();
    await user.type(within(form).getByTestId('card.writeFor.noDevice.name'), 'Truus');
    expect(within(form).getByTestId('card.writeFor.noDevice.add')).toBeEnabled();
  });
});

async function waitForFocus(el: HTMLElement) {
  await new Promise((r) => setTimeout(r, 0));
  expect(el).toHaveFocus();
}
