import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCard } from '../../../../shared/cardSchema.js';
import { revealDrafts } from '../../../../shared/drafts.js';
import type { ParticipantId, PartnerId } from '../../../../shared/ids.js';
import { createCard } from '../../../../shared/ops.js';
import { SEED, SERVER } from '../../../../shared/origins.js';
import type { PresenceState } from '../../../../shared/protocol.js';
import { readMap } from '../../../../shared/readModel.js';
import { cardEl, guidedSession, renderSessionMap } from '../../../test/sessionHarness.js';
import { loadEditorBeforeTests } from '../../../test/mapHarness.js';

loadEditorBeforeTests();

let teardown: (() => void) | null = null;
afterEach(() => {
  teardown?.();
  teardown = null;
});

/** What the server does on reveal, arriving in this browser as remote updates (map first, or drafts first). */
function revealFromServer(map: Y.Doc, drafts: Y.Doc, order: 'map-first' | 'drafts-first') {
  const serverMap = new Y.Doc();
  const serverDrafts = new Y.Doc();
  Y.applyUpdate(serverMap, Y.encodeStateAsUpdate(map));
  Y.applyUpdate(serverDrafts, Y.encodeStateAsUpdate(drafts));
  revealDrafts(serverDrafts, () => serverMap, SERVER);
  const toMap = () => Y.applyUpdate(map, Y.encodeStateAsUpdate(serverMap, Y.encodeStateVector(map)), 'remote');
  const toDrafts = () =>
    Y.applyUpdate(drafts, Y.encodeStateAsUpdate(serverDrafts, Y.encodeStateVector(drafts)), 'remote');
  act(() => {
    if (order === 'map-first') toMap();
    else toDrafts();
  });
  act(() => {
    if (order === 'map-first') toDrafts();
    else toMap();
  });
}

describe('[G4] write alone first, then reveal', () => {
  it('in the private phase "Kaart toevoegen" writes into my drafts document, not the map', async () => {
    const map = new Y.Doc();
    const drafts = new Y.Doc();
    const m = renderSessionMap({ doc: map, drafts, session: guidedSession({ active: ['values'], phase: 'private' }) });
    teardown = m.cleanup;
    const user = userEvent.setup();
    expect(screen.getByTestId('drafts.banner')).toHaveTextContent('Iedereen schrijft nu eerst alleen.');

    await user.click(screen.getByTestId('column.values.add'));
    expect(readMap(map).cardCount).toBe(0);
    const [draft] = readMap(drafts).columns.values;
    expect(draft).toMatchObject({ author: 'p1', authorName: 'Anna', partner: 'gemeente' });
    expect(getCard(drafts, draft.id)?.get('map')).toBe('map:joint');

    // Shown in its column, marked private, with the one editor bound to the drafts document.
    const card = cardEl(draft.id)!;
    expect(within(screen.getByTestId('drafts.values')).getByTestId('card')).toBe(card);
    expect(within(card).getByTestId('card.private')).toHaveTextContent(
      'Alleen voor jou zichtbaar (en voor de begeleider)',
    );
    expect(await within(card).findByTestId('card.editor')).toBeInTheDocument();
    // My presence in the drafts document says what I edit; the map's presence does not name the draft.
    expect((m.drafts()!.awarenessHost.awareness.getLocalState() as PresenceState).editing).toBe(draft.id);
    expect((m.env.awarenessHost.awareness.getLocalState() as PresenceState).editing).toBeNull();
  });

  it('the facilitator writes straight onto the map during the private phase', async () => {
    const map = new Y.Doc();
    const m = renderSessionMap({
      doc: map,
      access: 'facilitator',
      session: guidedSession({ active: ['values'], phase: 'private' }),
    });
    teardown = m.cleanup;
    await userEvent.setup().click(screen.getByTestId('column.values.add'));
    expect(readMap(map).cardCount).toBe(1);
    expect(screen.getByTestId('drafts.banner')).toHaveAttribute('data-for', 'facilitator');
  });

  it.each(['map-first', 'drafts-first'] as const)(
    'after the reveal (%s) the card is on the map, the editor copes and nobody hears it was deleted',
    async (order) => {
      const map = new Y.Doc();
      const drafts = new Y.Doc();
      const session = guidedSession({ active: ['values'], phase: 'private' });
      createCard(
        map,
        {
          column: 'values',
          author: 'p2' as ParticipantId,
          authorName: 'Bram',
          partner: 'zorg' as PartnerId,
          text: 'Van Bram',
        },
        SEED,
      );
      const m = renderSessionMap({ doc: map, drafts, session });
      teardown = m.cleanup;
      const user = userEvent.setup();
      await user.click(screen.getByTestId('column.values.add'));
      await screen.findByTestId('card.editor');
      const [draft] = readMap(drafts).columns.values;

      revealFromServer(map, drafts, order);

      expect(readMap(drafts).cardCount).toBe(0);
      expect(readMap(map).columns.values.map((c) => c.id)).toContain(draft.id);
      await waitFor(() =>
        expect(screen.getByTestId('toast')).toHaveTextContent('De begeleider heeft alle kaarten laten zien.'),
      );
      const card = cardEl(draft.id)!;
      expect(card).not.toHaveAttribute('data-private');
      expect(screen.queryByTestId('drafts.values')).toBeNull();
      expect(screen.queryByText(/is net verwijderd/)).toBeNull();
      // Map first: the editor moves along with the card (same id). Drafts first: it closed quietly.
      if (order === 'map-first') expect(within(card).getByTestId('card.editor')).toBeInTheDocument();
      else expect(screen.queryByTestId('card.editor')).toBeNull();
    },
  );

  it('a draft can be deleted and the toast undoes it in the drafts document', async () => {
    const drafts = new Y.Doc();
    const id = createCard(
      drafts,
      {
        column: 'values',
        author: 'p1' as ParticipantId,
        authorName: 'Anna',
        partner: 'gemeente' as PartnerId,
        text: 'Privé',
      },
      SEED,
    );
    const m = renderSessionMap({ drafts, session: guidedSession({ active: ['values'], phase: 'private' }) });
    teardown = m.cleanup;
    const user = userEvent.setup();
    await user.click(within(cardEl(id)!).getByTestId('card.delete'));
    expect(readMap(drafts).cardCount).toBe(0);
    await user.click(screen.getByTestId('toast.undo'));
    expect(readMap(drafts).columns.values.map((c) => c.plainText)).toEqual(['Privé']);
  });
});

describe('server notices on the map', () => {
  it('explains a reverted card from the private phase and an agreed step without who/what/when', () => {
    const m = renderSessionMap();
    teardown = m.cleanup;
    act(() => m.noticeFeed('map:joint')!.emit({ code: 'private-phase' }));
    expect(screen.getByTestId('toast')).toHaveTextContent('Iedereen schrijft nu eerst alleen.');
    act(() => m.noticeFeed('map:joint')!.emit({ code: 'needs-who-what-when', missing: ['who'] }));
    expect(screen.getByTestId('toast')).toHaveTextContent('wie, wat en wanneer');
  });
});
