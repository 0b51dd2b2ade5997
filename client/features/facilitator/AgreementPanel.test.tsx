import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { setPartnerAgreement } from '../../../shared/cardDetails.js';
import { getCards } from '../../../shared/cardSchema.js';
import type { CardId, ParticipantId, PartnerId } from '../../../shared/ids.js';
import { createCard, updateCard } from '../../../shared/ops.js';
import { SERVER } from '../../../shared/origins.js';
import { readMap } from '../../../shared/readModel.js';
import { readSession } from '../../../shared/session.js';
import { participant, renderConsole } from '../../test/consoleHarness.js';

const statusOf = (doc: Y.Doc, id: string) =>
  Object.values(readMap(doc).columns)
    .flat()
    .find((c) => c.id === id)?.status;

describe('console: agreement', () => {
  it('[K1][K4] sets who decides, shows who said "eens namens" for which partner, and re-agrees a card open again in one action', async () => {
    const c = renderConsole({ participants: [participant('p1', 'Anna', 'gemeente', 1)] });
    const user = userEvent.setup();
    let id = '';
    act(() => {
      id = createCard(
        c.mapDoc,
        { column: 'values', author: '', authorName: 'Anna', partner: '', text: 'Eén loket' },
        SERVER,
      );
      setPartnerAgreement(
        c.mapDoc,
        id as CardId,
        'gemeente',
        { id: 'p1' as ParticipantId, name: 'Anna', partner: 'gemeente' as PartnerId },
        SERVER,
      );
    });
    await user.click(screen.getByTestId('console.tab.agreement'));
    const panel = screen.getByTestId('console.agreement');
    expect(within(panel).getByTestId('console.agreement.card')).toHaveTextContent('Eens namens: Gemeente (door Anna)');

    await user.click(within(panel).getByTestId('console.agreement.rule.consensus'));
    expect(readSession(c.sessionDoc).agreementRule).toBe('consensus');
    expect(panel).toHaveTextContent('Aanwezige partners (iemand van hen doet mee): Gemeente');

    // What the server does after an edit of an agreed card: open, with the agreed version kept.
    act(() => {
      updateCard(c.mapDoc, id as CardId, { status: 'agreed' }, SERVER);
      const card = getCards(c.mapDoc).get(id) as Y.Map<unknown>;
      c.mapDoc.transact(() => {
        card.set('agreedVersion', { text: 'Eén loket', who: '', what: '', when: '', at: 1 });
        card.set('status', 'open');
      }, SERVER);
    });
    const again = within(panel).getByTestId('console.agreement.changedCard');
    expect(again).toHaveTextContent("Was 'eens' als: Eén loket");
    await user.click(within(again).getByTestId('console.agreement.reagree'));
    expect(statusOf(c.mapDoc, id)).toBe('agreed');
    expect(within(panel).queryByTestId('console.agreement.changedCard')).toBeNull();
    c.cleanup();
  });
});
