import type { ExportTarget } from './exportData.js';

/** The largest side of the picture in pixels: big enough for a slide, small enough for any canvas. */
const MAX_SIDE = 8000;
const PADDING = 16;

/**
 * The map element on the page to picture: the board of the live map (the columns and cards), else
 * the whole map surface; null when the map on screen is not `target` (in a partners-first workshop
 * the console's map area says which map it shows: `joint`, `compare` (with the joint map) or
 * `partner:<id>`).
 */
export function findMapElement(target: ExportTarget, root: ParentNode = document): HTMLElement | null {
  const view = root.querySelector('[data-testid="console.mapArea"]')?.getAttribute('data-view');
  const wanted = target.kind === 'joint' ? ['joint', 'compare'] : [`partner:${target.partnerId}`];
  if (view ? !wanted.includes(view) : target.kind !== 'joint') return null;
  return (
    root.querySelector<HTMLElement>('[data-testid="map"] .board') ??
    root.querySelector<HTMLElement>('[data-testid="map.surface"] .board') ??
    root.querySelector<HTMLElement>('[data-testid="map.surface"]') ??
    root.querySelector<HTMLElement>('[data-testid="map"]')
  );
}

/**
 * A copy of the element, laid out off screen at the same width, in a wrapper whose styles
 * (export.css, `.map-picture`) hide the buttons and toolbars: they are for working on the map, not
 * for a picture of it. Laid out for real, so the cards close up where the buttons were.
 */
export function pictureCopy(element: HTMLElement, caption = ''): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.className = 'map-picture';
  wrapper.setAttribute('aria-hidden', 'true');
  wrapper.style.width = `${Math.max(element.offsetWidth, 320) + 2 * PADDING}px`;
  wrapper.style.padding = `${PADDING}px`;
  if (caption) {
    const title = document.createElement('p');
    title.className = 'map-picture-caption';
    title.textContent = caption;
    wrapper.appendChild(title);
  }
  const copy = element.cloneNode(true) as HTMLElement;
  copy.removeAttribute('id');
  for (const el of copy.querySelectorAll('[id]')) el.removeAttribute('id');
  wrapper.appendChild(copy);
  return wrapper;
}

/**
 * A PNG of the element as it looks now, drawn by html-to-image from the page's own same-origin
 * styles; nothing is fetched from outside and there are no web fonts to embed.
 */
export async function renderElementPng(element: HTMLElement, caption = ''): Promise<Blob> {
  const { toBlob } = await import('html-to-image');
  const wrapper = pictureCopy(element, caption);
  document.body.appendChild(wrapper);
  try {
    const width = wrapper.offsetWidth || 1;
    const height = wrapper.offsetHeight || 1;
    const pixelRatio = Math.max(0.5, Math.min(2, MAX_SIDE / Math.max(width, height)));
    const blob = await toBlob(wrapper, {
      backgroundColor: '#ffffff',
      width,
      height,
      pixelRatio,
      skipFonts: true,
      // The wrapper waits off screen; in the picture it sits at the origin.
      style: { position: 'static', left: '0', top: '0' },
    });
    if (!blob) throw new Error('no picture');
    return blob;
  } finally {
    wrapper.remove();
  }
}
