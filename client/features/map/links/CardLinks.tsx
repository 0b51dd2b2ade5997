import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cardCodes, linkGraph } from '../../../../shared/links.js';
import type { CardSnapshot } from '../../../../shared/readModel.js';
import { useLang } from '../../../i18n/index.js';
import { useMapSnapshot } from '../currentMap.js';
import { setLinkFocus, useLinkRole } from './linkFocus.js';
import './links.css';

/**
 * A card's links on the map ([L4]): "Draagt bij aan: W1, C2" under a card that serves others; when
 * a card has the focus it also shows what serves it, and every card it serves or that serves it gets
 * a marker (and an outline, links.css), so the links read without lines across the board.
 */
export function CardLinks({ card }: { card: CardSnapshot }) {
  const role = useLinkRole(card);
  useEffect(() => {
    // The card in focus changed its links: the markers follow.
    if (role === 'focused') setLinkFocus(card);
  }, [role, card]);
  const { t } = useTranslation();
  const hasLinks = Object.keys(card.links).length > 0;
  return (
    <>
      {role === 'serves-focused' && (
        <p className="link-marker" data-testid="card.linkMarker" data-role={role}>
          <span aria-hidden="true">→ </span>
          {t('links.markerServes')}
        </p>
      )}
      {role === 'served-by-focused' && (
        <p className="link-marker" data-testid="card.linkMarker" data-role={role}>
          <span aria-hidden="true">← </span>
          {t('links.markerServed')}
        </p>
      )}
      {(hasLinks || role === 'focused') && <LinkLines card={card} withBacklinks={role === 'focused'} />}
    </>
  );
}

function LinkLines({ card, withBacklinks }: { card: CardSnapshot; withBacklinks: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const map = useMapSnapshot();
  const { codes, serves, servedBy } = useMemo(() => {
    const graph = linkGraph(map);
    return { codes: cardCodes(map, lang), serves: graph.serves(card.id), servedBy: graph.servedBy(card.id) };
  }, [map, lang, card.id]);
  const list = (cards: readonly CardSnapshot[]) => cards.map((c) => codes.get(c.id)).join(', ');
  if (!serves.length && !(withBacklinks && servedBy.length)) return null;
  return (
    <div className="card-links" data-testid="card.links">
      {serves.length > 0 && (
        <p data-testid="card.serves">
          <span className="card-links-label">{t('links.serves')}</span> {list(serves)}
        </p>
      )}
      {withBacklinks && servedBy.length > 0 && (
        <p data-testid="card.servedBy">
          <span className="card-links-label">{t('links.servedBy')}</span> {list(servedBy)}
        </p>
      )}
    </div>
  );
}
