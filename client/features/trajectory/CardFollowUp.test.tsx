import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCard } from '../../../shared/cardSchema.js';
import { setFollowUp } from '../../../shared/followUp.js';
import type { CardId } from '../../../shared/ids.js';
import { createCard } from '../../../shared/ops.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import { readMap } from '../../../shared/readModel.js';
import { cardEl, renderSessionMap, workshopWithPeople } from '../../test/sessionHarness.js';
import { loadEditorBeforeTests } from '../../test/mapHarness.js';

loadEditorBeforeTests();

let teardown: (() => void) | null = null;
afterEach(() => {
  teardown?.();
  teardown = null;
});

/** Acties with an agreed action of Anna's, one of partner Zorg's, and one not agreed yet. */
function seeded() {
  const doc = new Y.Doc();
  const step = (text: string, agreed: boolean) => {
    const id = createCard(doc, { column: 'steps', author: '', authorName: '', partner: '', text }, LOCAL_USER);
    if (agreed) doc.transact(() => getCard(doc, id)!.set('status', 'agreed'));
    return id;
  };
  const annas = step('Buurtavond organiseren', true);
  const zorgs = step('Folder maken', true);
  const open = step('Nog bespreken', false);
  setFollowUp(doc, annas, { owner: { kind: 'person', id: 'p1' }, due: '2027-03-01', status: 'planned' }, LOCAL_USER);
  setFollowUp(doc, zorgs, { owner: { kind: 'partner', id: 'zorg' }, status: 'doing' }, LOCAL_USER);
  return { doc, annas, zorgs, open };
}

const action = (doc: Y.Doc, id: CardId) => readMap(doc).columns.steps.find((c) => c.id === id)!;

async function details(id: CardId) {
  const user = userEvent.setup();
  await user.click(within(cardEl(id)!).getByTestId('card.details'));
  return { user, panel: within(await screen.findByTestId('card.detailsPanel')) };
}

describe("an action's follow-up from the card itself", () => {
  it('[J9][J5] the owner changes status and note in the card’s details, with the same form as the review; not owner or due date', async () => {
    const s = seeded();
    const m = renderSessionMap({ doc: s.doc, workshop: workshopWithPeople() });
    teardown = m.cleanup;
    const { user, panel } = await details(s.annas);
    const section = within(panel.getByTestId('card.followUp'));
    expect(section.getByRole('heading', { name: 'Opvolging' })).toBeInTheDocument();
    expect(section.queryByTestId('trajectory.followUp.owner')).toBeNull();
    expect(section.queryByTestId('trajectory.followUp.due')).toBeNull();
    await user.selectOptions(section.getByTestId('trajectory.followUp.status'), 'done');
    await user.type(section.getByTestId('trajectory.followUp.note'), 'Zaal geregeld');
    await user.click(section.getByTestId('trajectory.followUp.save'));
    expect(action(s.doc, s.annas)).toMatchObject({ actionStatus: 'done', actionNote: 'Zaal geregeld' });
    await waitFor(() =>
      expect(within(screen.getByTestId('card.followUp')).getByTestId('trajectory.action.status')).toHaveTextContent(
        'gedaan',
      ),
    );
  });

  it("[J9][J5] someone else's action is shown, not editable; a card not agreed has no follow-up", async () => {
    const s = seeded();
    const m = renderSessionMap({ doc: s.doc, workshop: workshopWithPeople() });
    teardown = m.cleanup;
    const { user, panel } = await details(s.zorgs);
    const section = within(panel.getByTestId('card.followUp'));
    expect(section.getByTestId('trajectory.action.status')).toHaveTextContent('bezig');
    expect(section.queryByTestId('trajectory.followUp.form')).toBeNull();
    await user.click(panel.getByTestId('card.details.close'));
    const other = await details(s.open);
    expect(other.panel.queryByTestId('card.followUp')).toBeNull();
  });

  it('[J9][J4] the facilitator sets owner and due date from the card', async () => {
    const s = seeded();
    const m = renderSessionMap({ doc: s.doc, workshop: workshopWithPeople(), access: 'facilitator' });
    teardown = m.cleanup;
    const { user, panel } = await details(s.zorgs);
    const section = within(panel.getByTestId('card.followUp'));
    await user.selectOptions(section.getByTestId('trajectory.followUp.owner'), 'person:p2');
    await user.type(section.getByTestId('trajectory.followUp.due'), '2027-04-15');
    await user.click(section.getByTestId('trajectory.followUp.save'));
    expect(action(s.doc, s.zorgs)).toMatchObject({
      actionOwner: { kind: 'person', id: 'p2' },
      actionDue: '2027-04-15',
      actionStatus: 'doing',
    });
  });
});
