import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getColumn, nextColumn, previousColumn, type ColumnId } from '../../../shared/columns.js';
import type { CardId } from '../../../shared/ids.js';
import { useLang } from '../../i18n/index.js';
import { MoveToMenu } from './MoveToMenu.js';
import type { CardActions } from './useCardActions.js';

interface Props {
  id: CardId;
  column: ColumnId;
  index: number;
  total: number;
  actions: CardActions;
  /** More menus beside "Verplaats naar…" (e.g. "Hoort bij…" on a map card). */
  extra?: ReactNode;
}

/**
 * The list alternative to drag and drop. Arrows match the screen: the next step is on the left.
 * Buttons at an edge stay in place (disabled) so the toolbar does not shift under the pointer.
 */
export function CardToolbar({ id, column, index, total, actions, extra }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  // A neighbouring step that is closed for me is no place to move to.
  const open = (c: ColumnId | null) => (c && actions.canWrite(c) ? c : null);
  const next = open(nextColumn(column));
  const prev = open(previousColumn(column));
  const stepLabel = (c: ColumnId) => t('card.moveToStep', { n: getColumn(c).step, column: getColumn(c).label[lang] });
  const button = (testId: string, label: string, glyph: string, onClick: () => void, disabled = false) => (
    <button
      type="button"
      className="icon-button"
      data-testid={testId}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      <span aria-hidden="true">{glyph}</span>
    </button>
  );
  return (
    <div className="card-toolbar" role="group" aria-label={t('card.toolbar')}>
      <span className="card-toolbar-actions">
        <button type="button" className="text-button" data-testid="card.edit" onClick={() => actions.edit(id)}>
          {t('card.edit')}
        </button>
        <button
          type="button"
          className="text-button danger"
          data-testid="card.delete"
          onClick={() => actions.remove(id)}
        >
          {t('card.delete')}
        </button>
        <MoveToMenu id={id} column={column} index={index} total={total} actions={actions} />
        {extra}
      </span>
      <span className="card-toolbar-moves">
        {button(
          'card.moveToNextStep',
          next ? stepLabel(next) : nextColumn(column) ? t('session.nextClosed') : t('card.noNextStep'),
          '←',
          () => actions.moveStep(id, 1),
          !next,
        )}
        {button('card.moveUp', t('card.moveUp'), '↑', () => actions.moveBy(id, -1), index === 0)}
        {button('card.moveDown', t('card.moveDown'), '↓', () => actions.moveBy(id, 1), index >= total - 1)}
        {button(
          'card.moveToPrevStep',
          prev ? stepLabel(prev) : previousColumn(column) ? t('session.prevClosed') : t('card.noPrevStep'),
          '→',
          () => actions.moveStep(id, -1),
          !prev,
        )}
      </span>
    </div>
  );
}
