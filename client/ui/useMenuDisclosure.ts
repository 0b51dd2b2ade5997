import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A button that opens a short list of actions under it, the pattern of the card menus ("Verplaats
 * naar…", "Hoort bij…"): a disclosure, not an ARIA menu, so the list's buttons keep their own roles
 * and Tab walks through them. Opening puts the focus on the first button that can be used; Escape
 * (anywhere inside `containerProps`) or `close` shuts the list and gives the focus back to the
 * trigger, so a keyboard user never loses their place. Escape stops there: a card's own Escape
 * handling (leave the card) does not also run. `dismiss` shuts the list without moving the focus, for
 * a choice that sends the focus somewhere else itself (the moved card).
 */
export function useMenuDisclosure<L extends HTMLElement = HTMLElement>() {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const list = useRef<L>(null);
  useEffect(() => {
    if (open) list.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close();
  };
  return {
    open,
    close,
    dismiss: () => setOpen(false),
    containerProps: { onKeyDown },
    triggerProps: {
      ref: trigger,
      'aria-expanded': open,
      'aria-controls': open ? listId : undefined,
      onClick: () => (open ? close() : setOpen(true)),
    },
    listProps: { id: listId, ref: list },
  };
}
