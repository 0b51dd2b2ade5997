import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useUndoState } from './currentMap.js';
import { useUndoStateOf, useDrafts } from '../../workshop/hooks.js';
import type { CardActions } from './useCardActions.js';
import { useMapUi } from './uiStore.js';

/** Long enough to read and reach with the keyboard; the toast stays while focus is inside it. */
const TOAST_MS = 10_000;

export function ToastArea({ actions }: { actions: CardActions }) {
  const { t } = useTranslation();
  const toast = useMapUi((s) => s.toast);
  const dismiss = useMapUi((s) => s.dismissToast);
  const { top: mapTop } = useUndoState();
  const { top: draftsTop } = useUndoStateOf(useDrafts());
  const top = toast?.source === 'drafts' ? draftsTop : mapTop;
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!toast) return;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(() => {
        if (box.current?.contains(document.activeElement)) schedule();
        else dismiss(toast.seq);
      }, TOAST_MS);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [toast, dismiss]);

  // Offer undo only while the toast's own change is still the one undo would revert.
  const canUndo = toast?.undoItem !== undefined && toast.undoItem === top;
  // The live region stays mounted: screen readers miss text in regions that appear with it.
  return (
    <div className="toast-area" role="status" ref={box}>
      {toast && (
        <div className="toast" data-testid="toast">
          <span className="toast-text">{toast.text}</span>
          {canUndo && (
            <button
              type="button"
              className="button button-primary"
              data-testid="toast.undo"
              onClick={() => {
                actions.undoToast(toast.undoItem, toast.cardId, toast.source);
                dismiss(toast.seq);
              }}
            >
              {t('card.undo')}
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            data-testid="toast.close"
            aria-label={t('toast.close')}
            title={t('toast.close')}
            onClick={() => dismiss(toast.seq)}
          >
            <span aria-hidden="true">✕</span>
          </button>
        </div>
      )}
    </div>
  );
}
