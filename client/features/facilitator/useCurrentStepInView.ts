import { useEffect } from 'react';
import { useSession } from '../../workshop/hooks.js';

/** The nearest ancestor that scrolls sideways (the console's map area, see console.css). */
function sidewaysScroller(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const x = getComputedStyle(p).overflowX;
    if ((x === 'auto' || x === 'scroll') && p.scrollWidth > p.clientWidth) return p;
  }
  return null;
}

/** Scrolls the board sideways, only as far as needed, so the column is wholly in sight. */
function bringIntoView(board: Element, column: string): void {
  const el = board.querySelector<HTMLElement>(`#column-${column}`);
  const scroller = el && sidewaysScroller(el);
  if (!el || !scroller) return;
  const c = el.getBoundingClientRect();
  const s = scroller.getBoundingClientRect();
  const margin = 16;
  if (c.right > s.right) scroller.scrollLeft += c.right - s.right + margin;
  else if (c.left < s.left) scroller.scrollLeft -= s.left - c.left + margin;
}

/**
 * In a narrow console the board scrolls sideways (five readable columns do not fit beside the panel):
 * keep the current step's column in sight when the step changes and whenever a map opens.
 */
export function useCurrentStepInView(): void {
  const session = useSession();
  const current = session.guided ? (session.active[0] ?? null) : null;
  useEffect(() => {
    const root = document.querySelector('.console-map');
    if (!current || !root) return;
    const seen = new WeakSet<Element>();
    const update = () => {
      for (const board of root.querySelectorAll('.board')) {
        // A board behind a tab (not drawn) is brought along when its tab opens.
        if (seen.has(board) || board.getClientRects().length === 0) continue;
        if (!board.querySelector(`#column-${current}`)) continue;
        seen.add(board);
        bringIntoView(board, current);
      }
    };
    update();
    // A map opens later (documents sync), anew (another map chosen) or from behind a tab (the mixed
    // session's panes on a narrow screen): bring its board along too.
    const observer = new MutationObserver(update);
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['hidden', 'data-hidden-narrow', 'data-pane'],
    });
    return () => observer.disconnect();
  }, [current]);
}
