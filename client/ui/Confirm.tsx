import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

interface Props {
  message: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
  busy?: boolean;
  danger?: boolean;
}

/**
 * An inline question before a step that is hard to take back. The message takes focus so a screen
 * reader reads it first; Escape cancels. The caller returns focus to the button that opened it.
 */
export function Confirm({ message, confirmLabel, cancelLabel, onConfirm, onCancel, testId, busy, danger }: Props) {
  const id = useId();
  const text = useRef<HTMLParagraphElement>(null);
  useEffect(() => text.current?.focus(), []);
  return (
    <div
      className="confirm"
      role="group"
      aria-labelledby={`${id}-msg`}
      data-testid={`${testId}.question`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id={`${id}-msg`} ref={text} tabIndex={-1}>
        {message}
      </p>
      <div className="button-row">
        <button
          type="button"
          className={danger ? 'button button-danger' : 'button button-primary'}
          data-testid={`${testId}.confirm`}
          disabled={busy}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button button-quiet" data-testid={`${testId}.cancel`} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}

/**
 * Puts focus back on the button that opened a question once the question closes (the question took
 * focus with it when it left the page). Focus that already moved elsewhere on purpose is left alone.
 */
export function useFocusBackAfter(open: boolean, trigger: RefObject<HTMLElement | null>): void {
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) {
      const active = document.activeElement;
      if (!active || active === document.body) trigger.current?.focus();
    }
    wasOpen.current = open;
  }, [open, trigger]);
}
