import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Hyphenated } from '../../ui/Hyphenated.js';
import type { Lang } from '../../../shared/columns.js';
import { cardCodes, linkGraph } from '../../../shared/links.js';
import type { CardSnapshot, MapSnapshot } from '../../../shared/readModel.js';
import './projectorLinks.css';

/** At most this many related cards per side; the rest is counted ("+ 3"), so the band keeps its height. */
const SHOWN = 4;

/**
 * The links of the card in focus on the projector ([L4]): what it serves and what serves it, each
 * with its code and text on one line, in a band right under the card. It is FittedCard's `below`:
 * the card is fitted to the room the band leaves (at most a quarter of the focus area), so it stays
 * whole, and the band does not stand apart at the bottom of the screen under a short card.
 */
export function ProjectorLinks({ card, map, lang }: { card: CardSnapshot; map: MapSnapshot; lang: Lang }) {
  const { t } = useTranslation();
  const { serves, servedBy, codes } = useMemo(() => {
    const graph = linkGraph(map);
    return { serves: graph.serves(card.id), servedBy: graph.servedBy(card.id), codes: cardCodes(map, lang) };
  }, [map, card.id, lang]);
  if (!serves.length && !servedBy.length) return null;
  const side = (label: string, cards: readonly CardSnapshot[], testId: string) =>
    cards.length > 0 && (
      <section className="projector-links-side" data-testid={testId}>
        <h3 className="projector-links-label">{label}</h3>
        <ul>
          {cards.slice(0, SHOWN).map((c) => (
            <li key={c.id}>
              <strong>{codes.get(c.id)}</strong> <Hyphenated text={c.plainText} />
            </li>
          ))}
          {cards.length > SHOWN && <li className="projector-links-more">+ {cards.length - SHOWN}</li>}
        </ul>
      </section>
    );
  return (
    <div className="projector-links" data-testid="projector.links">
      {side(t('links.serves'), serves, 'projector.links.serves')}
      {side(t('links.servedBy'), servedBy, 'projector.links.servedBy')}
    </div>
  );
}
