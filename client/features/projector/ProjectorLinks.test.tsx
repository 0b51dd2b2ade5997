import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addLink } from '../../../shared/links.js';
import { createCard } from '../../../shared/ops.js';
import { SEED } from '../../../shared/origins.js';
import { readMap } from '../../../shared/readModel.js';
import { ProjectorLinks } from './ProjectorLinks.js';

describe('the links of the card in focus on the projector', () => {
  it('[L4] shows what the card serves and what serves it, with codes; nothing for a card without links', () => {
    const doc = new Y.Doc();
    const card = (column: 'values' | 'relations' | 'steps', text: string) =>
      createCard(doc, { column, author: '', authorName: '', partner: '', text }, SEED);
    const w1 = card('values', 'Iedereen doet mee');
    const w2 = card('values', 'Thuis wonen');
    const r1 = card('relations', 'Korte lijnen');
    const a1 = card('steps', 'Wandelclub');
    addLink(doc, r1, w2, 'p', SEED);
    addLink(doc, a1, r1, 'p', SEED);
    const map = readMap(doc);
    const focus = map.columns.relations[0];
    const { unmount } = render(<ProjectorLinks card={focus} map={map} lang="nl" />);
    expect(within(screen.getByTestId('projector.links.serves')).getByRole('listitem')).toHaveTextContent(
      'W2 Thuis wonen',
    );
    expect(within(screen.getByTestId('projector.links.servedBy')).getByRole('listitem')).toHaveTextContent(
      'A1 Wandelclub',
    );
    unmount();
    render(<ProjectorLinks card={map.columns.values.find((c) => c.id === w1)!} map={map} lang="nl" />);
    expect(screen.queryByTestId('projector.links')).toBeNull();
  });
});
