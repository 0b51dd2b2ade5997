import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useMenuDisclosure } from './useMenuDisclosure.js';

/** A card with a menu in it, as on the map: the card has its own Escape handling. */
function CardWithMenu({ onCardEscape, onChoose }: { onCardEscape: () => void; onChoose: () => void }) {
  const menu = useMenuDisclosure<HTMLUListElement>();
  return (
    <div onKeyDown={(e) => e.key === 'Escape' && onCardEscape()}>
      <span {...menu.containerProps}>
        <button type="button" {...menu.triggerProps}>
          Menu
        </button>
        {menu.open && (
          <ul {...menu.listProps} aria-label="Keuzes">
            <li>
              <button type="button" disabled>
                Kan niet
              </button>
            </li>
            <li>
              <button
                type="button"
                onClick={() => {
                  menu.dismiss();
                  onChoose();
                }}
              >
                Kies
              </button>
            </li>
            <li>
              <button type="button" onClick={menu.close}>
                Sluit
              </button>
            </li>
          </ul>
        )}
      </span>
    </div>
  );
}

describe('useMenuDisclosure: the card menus by keyboard', () => {
  it('[X3] Enter opens the list with the focus on the first usable button; Escape closes it, gives the focus back to the button and does not reach the card', async () => {
    const onCardEscape = vi.fn();
    render(<CardWithMenu onCardEscape={onCardEscape} onChoose={() => {}} />);
    const user = userEvent.setup();
    const trigger = screen.getByRole('button', { name: 'Menu' });
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(trigger).not.toHaveAttribute('aria-controls');
    trigger.focus();
    await user.keyboard('{Enter}');
    const list = screen.getByRole('list', { name: 'Keuzes' });
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    expect(trigger).toHaveAttribute('aria-controls', list.id);
    // The disabled first button is skipped.
    expect(screen.getByRole('button', { name: 'Kies' })).toHaveFocus();
    await user.keyboard('{Tab}');
    expect(screen.getByRole('button', { name: 'Sluit' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('list', { name: 'Keuzes' })).toBeNull();
    expect(trigger).toHaveFocus();
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(onCardEscape).not.toHaveBeenCalled();
  });

  it('[X3] the close button and a second press on the trigger close the list and keep the focus on the trigger; a choice closes it without taking the focus', async () => {
    const onChoose = vi.fn();
    render(<CardWithMenu onCardEscape={() => {}} onChoose={onChoose} />);
    const user = userEvent.setup();
    const trigger = screen.getByRole('button', { name: 'Menu' });
    await user.click(trigger);
    await user.click(screen.getByRole('button', { name: 'Sluit' }));
    expect(screen.queryByRole('list')).toBeNull();
    expect(trigger).toHaveFocus();

    await user.click(trigger);
    expect(screen.getByRole('list')).toBeInTheDocument();
    await user.click(trigger);
    expect(screen.queryByRole('list')).toBeNull();
    expect(trigger).toHaveFocus();

    await user.click(trigger);
    const choose = screen.getByRole('button', { name: 'Kies' });
    await user.click(choose);
    expect(onChoose).toHaveBeenCalledOnce();
    expect(screen.queryByRole('list')).toBeNull();
    // dismiss leaves the focus where the choice put it (here: nowhere in particular), not on the trigger.
    expect(trigger).not.toHaveFocus();
  });
});
