import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * On the projector a list shows what fits and says how much does not: the items whose box ends below
 * the list's own box are marked `data-clipped` (hidden by compare.css, never half shown) and counted.
 * Measured after every render and whenever the list's box changes size (a resize, a new font size).
 * `enabled` false: nothing is measured or hidden (every other screen scrolls instead).
 */
export function useClipped(list: RefObject<HTMLElement | null>, enabled: boolean): number {
  const [clipped, setClipped] = useState(0);
  useLayoutEffect(() => {
    const el = list.current;
    if (!enabled || !el) return;
    const measure = () => {
      const bottom = el.getBoundingClientRect().bottom + 0.5;
      let n = 0;
      for (const item of el.children) {
        const hide = item.getBoundingClientRect().bottom > bottom;
        if (hide) n++;
        if (hide !== item.hasAttribute('data-clipped')) item.toggleAttribute('data-clipped', hide);
      }
      setClipped(n);
    };
    measure();
    // Test DOMs (jsdom) have no layout and no ResizeObserver: the one measurement is all there is.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  });
  return enabled ? clipped : 0;
}
