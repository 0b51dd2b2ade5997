import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { takeIntoJoint } from '../../../shared/compare/merge.js';
import { createCard } from '../../../shared/ops.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import { readMap } from '../../../shared/readModel.js';
import { initI18n } from '../../i18n/index.js';
import { SnapshotCard } from '../../ui/SnapshotBoard.js';
import { PARTNERS, renderSessionMap } from '../../test/sessionHarness.js';
import { loadEditorBeforeTests } from '../../test/mapHarness.js';

loadEditorBeforeTests();

initI18n('nl');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function jointDoc() {
  const doc = new Y.Doc();
  const merged = takeIntoJoint(
    doc,
    {
      column: 'values',
      text: 'Mensen met dementie en hun mantelzorgers steunen elkaar',
      author: 'f',
      authorName: 'Begeleider',
      origins: [
        { map: 'map:zorg', cardId: 'z1', partner: 'zorg', text: 'langer thuis' },
        { map: 'map:gemeente', cardId: 'g1', partner: 'gemeente', text: 'wandelclub' },
        { map: 'map:zorg', cardId: 'z2', partner: 'zorg', text: 'dementiecafé' },
      ],
    },
    LOCAL_USER,
  );
  const own = createCard(
    doc,
    { column: 'values', author: 'p1' as never, authorName: 'Anna', partner: 'gemeente' as never, text: 'eigen kaart' },
    LOCAL_USER,
  );
  return { doc, merged, own };
}

describe('where a card comes from', () => {
  it("[C3] a joint card shows one badge per partner map it came from; an ordinary card its author's partner", () => {
    const { doc, merged, own } = jointDoc();
    const view = renderSessionMap({ doc });
    cleanups.push(view.cleanup);
    const mergedCard = view.container.querySelector(`[data-card-id="${merged}"]`) as HTMLElement;
    const badges = within(mergedCard)
      .getAllByTestId('card.origin')
      .map((b) => b.textContent);
    expect(badges).toEqual(['Zorg', 'Gemeente']);
    expect(within(mergedCard).getByTestId('card.origins')).toHaveAccessibleName('Komt van: Zorg, Gemeente');
    const ownCard = view.container.querySelector(`[data-card-id="${own}"]`) as HTMLElement;
    expect(within(ownCard).queryByTestId('card.origins')).toBeNull();
    expect(ownCard).toHaveTextContent('Gemeente');
  });

  it('[C3] the projector names the origins of a joint card too', () => {
    const { doc, merged } = jointDoc();
    const card = readMap(doc).columns.values.find((c) => c.id === merged)!;
    render(<SnapshotCard card={card} partners={new Map(PARTNERS.map((p) => [p.id as string, p]))} />);
    expect(screen.getAllByTestId('snapshot.origin').map((e) => e.textContent)).toEqual(['Zorg', 'Gemeente']);
  });
});
