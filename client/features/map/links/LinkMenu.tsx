import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Hyphenated } from '../../../ui/Hyphenated.js';
import { getColumn } from '../../../../shared/columns.js';
import type { CardId } from '../../../../shared/ids.js';
import { addLink, cardCodes, removeLink, servedColumns } from '../../../../shared/links.js';
import { LOCAL_USER } from '../../../../shared/origins.js';
import type { CardSnapshot } from '../../../../shared/readModel.js';
import { useLang } from '../../../i18n/index.js';
import { useMenuDisclosure } from '../../../ui/useMenuDisclosure.js';
import { useMe } from '../../../workshop/hooks.js';
import { useMapEnv, useMapSnapshot } from '../currentMap.js';
import '../moveMenu.css';
import './links.css';

const SHORT = 60;
const short = (text: string) => (text.length > SHORT ? `${text.slice(0, SHORT - 1).trimEnd()}…` : text);

/**
 * "Hoort bij…" ([L4]): links a card to the cards it serves, by keyboard and a single pointer, no
 * dragging (the pattern of MoveToMenu). A disclosure button opens the cards of the steps this card
 * may serve (shared/links.ts), each a toggle button (aria-pressed) with its code ("W2") and the start
 * of its text; Enter or a click links or unlinks at once and the list stays open for the next one.
 * Escape or "Klaar" closes it and returns focus to the button. The server checks every link ([L2]).
 */
export function LinkMenu({ card }: { card: CardSnapshot }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const env = useMapEnv();
  const map = useMapSnapshot();
  const menu = useMenuDisclosure<HTMLDivElement>();
  const [said, setSaid] = useState('');
  const codes = useMemo(() => cardCodes(map, lang), [map, lang]);
  const groups = servedColumns(card.column)
    .map((column) => ({ column: getColumn(column), cards: map.columns[column] ?? [] }))
    .filter((g) => g.cards.length > 0);
  const toggle = (target: CardSnapshot) => {
    const code = codes.get(target.id) ?? '';
    if (Object.hasOwn(card.links, target.id)) {
      removeLink(env.doc, card.id, target.id as CardId, LOCAL_USER);
      setSaid(t('links.unlinked', { code }));
    } else {
      addLink(env.doc, card.id, target.id as CardId, me.participantId, LOCAL_USER);
      setSaid(t('links.linked', { code }));
    }
  };
  if (card.column === 'values') return null;

  return (
    <span className="move-menu link-menu" {...menu.containerProps}>
      <button type="button" className="text-button" data-testid="card.linkMenu" {...menu.triggerProps}>
        {t('links.menuButton')}
      </button>
      {menu.open && (
        <div
          {...menu.listProps}
          className="move-menu-list link-menu-list"
          role="group"
          aria-label={t('links.menuLabel')}
        >
          <p className="link-menu-intro">{groups.length ? t('links.menuIntro') : t('links.noTargets')}</p>
          {groups.map((g) => (
            <div
              key={g.column.id}
              role="group"
              aria-label={`${t('map.step', { n: g.column.step })} ${g.column.label[lang]}`}
            >
              <p className="link-menu-step" aria-hidden="true">
                {t('map.step', { n: g.column.step })} {g.column.label[lang]}
              </p>
              <ul className="link-menu-items">
                {g.cards.map((target) => (
                  <li key={target.id}>
                    <button
                      type="button"
                      className="move-menu-item link-menu-item"
                      data-testid="card.linkMenu.item"
                      data-target-id={target.id}
                      aria-pressed={Object.hasOwn(card.links, target.id)}
                      onClick={() => toggle(target)}
                    >
                      <span className="link-code">{codes.get(target.id)}</span>{' '}
                      {target.plainText ? <Hyphenated text={short(target.plainText)} /> : '…'}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <button type="button" className="move-menu-item move-menu-close" onClick={menu.close}>
            {t('links.close')}
          </button>
          <p className="sr-only" aria-live="polite">
            {said}
          </p>
        </div>
      )}
    </span>
  );
}
