import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBlocks, writePlainText } from '../../../shared/richText.js';
import { SOFT_HYPHEN } from '../../../shared/text/hyphenation.js';
import { initI18n } from '../../i18n/index.js';
import { CardText } from './CardText.js';

initI18n('nl');

const TEXT = 'De samenwerkingsovereenkomst geeft ervaringsdeskundigheid een plek in de buurt';

/** A card's stored text, as the map keeps it: a Y.XmlFragment in a document. */
function storedCard(text: string) {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('text');
  writePlainText(fragment, text);
  return fragment;
}

describe('CardText', () => {
  it('[U20] shows soft hyphens in words over 14 letters once the patterns are in, and stores none', async () => {
    const fragment = storedCard(TEXT);
    render(<CardText id="c1" blocks={readBlocks(fragment)} plainText={TEXT} />);
    const shown = screen.getByTestId('card.text');
    // The patterns load lazily: the text is first shown as typed, then rendered again.
    expect(shown.textContent).toBe(TEXT);
    await waitFor(() => expect(shown.textContent).toContain(SOFT_HYPHEN));
    expect(shown.textContent?.replaceAll(SOFT_HYPHEN, '|')).toBe(
      'De sa|men|wer|kings|over|een|komst geeft er|va|rings|des|kun|dig|heid een plek in de buurt',
    );
    // Render only: the stored text has none.
    expect(fragment.toString()).not.toContain(SOFT_HYPHEN);
    expect(readBlocks(fragment)).toEqual(readBlocks(storedCard(TEXT)));
  });

  it('[U20] keeps bold and italic runs and short words as they are', async () => {
    const blocks = [
      {
        type: 'paragraph' as const,
        runs: [
          { text: 'Kort ' },
          { text: 'woningcorporatiemedewerkers', bold: true as const },
          { text: ' en buurtbewoners' },
        ],
      },
    ];
    render(<CardText id="c2" blocks={blocks} plainText="Kort woningcorporatiemedewerkers en buurtbewoners" />);
    const strong = await waitFor(() => {
      const el = screen.getByTestId('card.text').querySelector('strong');
      expect(el?.textContent).toContain(SOFT_HYPHEN);
      return el!;
    });
    expect(strong.textContent?.replaceAll(SOFT_HYPHEN, '|')).toBe('wo|ning|cor|po|ra|tie|me|de|wer|kers');
    expect(screen.getByTestId('card.text').textContent).toMatch(/ en buurtbewoners$/);
  });

  it('[U20] copies the text as typed, without the soft hyphens', async () => {
    const fragment = storedCard(TEXT);
    render(<CardText id="c3" blocks={readBlocks(fragment)} plainText={TEXT} />);
    const shown = screen.getByTestId('card.text');
    await waitFor(() => expect(shown.textContent).toContain(SOFT_HYPHEN));
    window.getSelection()?.selectAllChildren(shown);
    const data = new Map<string, string>();
    const event = fireEvent.copy(shown, {
      clipboardData: { setData: (type: string, value: string) => data.set(type, value), getData: () => '' },
    });
    expect(event).toBe(false); // handled: the browser's own copy (with the soft hyphens) is cancelled
    expect(data.get('text/plain')).toBe(TEXT);
  });
});
