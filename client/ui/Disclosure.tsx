import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

interface Props {
  /** The panel's id (aria-controls). */
  id: string;
  /** What the button says (also its accessible name). */
  summary: ReactNode;
  testId: string;
  className?: string;
  children: ReactNode;
}

/**
 * A button that shows and hides a panel below it (the disclosure pattern): Escape or a click
 * elsewhere closes it and gives the focus back to the button. The panel stays in the DOM (hidden by
 * CSS while closed), so a wide layout may show it inline and hide the button instead.
 */
export function Disclosure({ id, summary, testId, className, children }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div ref={root} className={`disclosure ${className ?? ''}`} data-open={open || undefined} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="disclosure-toggle"
        data-testid={`${testId}.toggle`}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
      >
        {summary}
      </button>
      <div id={id} className="disclosure-panel" data-testid={`${testId}.panel`}>
        {children}
      </div>
    </div>
  );
}
