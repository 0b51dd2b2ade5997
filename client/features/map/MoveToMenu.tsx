import { useTranslation } from 'react-i18next';
import { COLUMNS, type ColumnId } from '../../../shared/columns.js';
import type { CardId } from '../../../shared/ids.js';
import { useLang } from '../../i18n/index.js';
import { useMenuDisclosure } from '../../ui/useMenuDisclosure.js';
import type { CardActions } from './useCardActions.js';
import './moveMenu.css';

/** Past the end of any column: the card goes last (the index is clamped). */
const END = Number.MAX_SAFE_INTEGER;

/**
 * "Verplaats naar…": a single-pointer and keyboard alternative to dragging a card (WCAG 2.2 2.5.7,
 * [X3]). A disclosure button that opens a short list of places: every other step that is open to me
 * (the card goes last there), and the top or bottom of its own step. One click or Enter moves the card;
 * focus then follows the card (useCardActions). Escape closes the list and returns to the button.
 */
export function MoveToMenu({
  id,
  column,
  index,
  total,
  actions,
}: {
  id: CardId;
  column: ColumnId;
  index: number;
  total: number;
  actions: CardActions;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const menu = useMenuDisclosure<HTMLUListElement>();
  const go = (target: ColumnId, at: number) => {
    menu.dismiss();
    actions.moveTo(id, target, at);
  };
  const steps = COLUMNS.filter((c) => c.id !== column && actions.canWrite(c.id));

  return (
    <span className="move-menu" {...menu.containerProps}>
      <button type="button" className="text-button" data-testid="card.moveMenu" {...menu.triggerProps}>
        {t('moveMenu.button')}
      </button>
      {menu.open && (
        <ul {...menu.listProps} className="move-menu-list" aria-label={t('moveMenu.label')}>
          {steps.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="move-menu-item"
                data-testid={`card.moveMenu.${c.id}`}
                onClick={() => go(c.id, END)}
              >
                {t('moveMenu.toStep', { n: c.step, column: c.label[lang] })}
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              className="move-menu-item"
              data-testid="card.moveMenu.top"
              disabled={index === 0}
              onClick={() => go(column, 0)}
            >
              {t('moveMenu.top')}
            </button>
          </li>
          <li>
            <button
              type="button"
              className="move-menu-item"
              data-testid="card.moveMenu.bottom"
              disabled={index >= total - 1}
              onClick={() => go(column, END)}
            >
              {t('moveMenu.bottom')}
            </button>
          </li>
          <li>
            <button type="button" className="move-menu-item move-menu-close" onClick={menu.close}>
              {t('moveMenu.close')}
            </button>
          </li>
        </ul>
      )}
    </span>
  );
}
