import { useTranslation } from 'react-i18next';
import { useUndoState } from './currentMap.js';
import type { CardActions } from './useCardActions.js';

export function UndoButtons({ actions }: { actions: CardActions }) {
  const { t } = useTranslation();
  const { canUndo, canRedo } = useUndoState();
  return (
    <div className="undo-buttons">
      <button
        type="button"
        className="button"
        data-testid="map.undo"
        aria-disabled={!canUndo || undefined}
        title={`${t('undo.undo')} (Ctrl+Z)`}
        onClick={actions.undo}
      >
        <span aria-hidden="true">↶ </span>
        {t('undo.undo')}
      </button>
      <button
        type="button"
        className="button"
        data-testid="map.redo"
        aria-disabled={!canRedo || undefined}
        title={`${t('undo.redo')} (Ctrl+Shift+Z)`}
        onClick={actions.redo}
      >
        <span aria-hidden="true">↷ </span>
        {t('undo.redo')}
      </button>
    </div>
  );
}
