/** The largest side of the picture in pixels: big enough for a slide, small enough for any canvas. */
const MAX_SIDE = 8000;

/**
 * The map element on the page to picture: the board of the live map (the columns and cards),
 * else the whole map surface.
 */
export function findMapElement(root: ParentNode = document): HTMLElement | null {
  return (
    root.querySelector<HTMLElement>('[data-testid="map"] .board') ??
    root.querySelector<HTMLElement>('[data-testid="map.surface"] .board') ??
    root.querySelector<HTMLElement>('[data-testid="map.surface"]') ??
    root.querySelector<HTMLElement>('[data-testid="map"]')
  );
}

/** Buttons and card toolbars are for working on the map, not for a picture of it. */
export function keepInPicture(node: Node): boolean {
  if (!(node instanceof Element)) return true;
  return node.tagName !== 'BUTTON' && !node.classList.contains('card-toolbar');
}

/**
 * A PNG of the element as it looks now, drawn by html-to-image from the page's own styles (same
 * origin, nothing fetched from outside; no web fonts to embed).
 */
export async function renderElementPng(element: HTMLElement): Promise<Blob> {
  const { toBlob } = await import('html-to-image');
  const width = Math.max(element.scrollWidth, element.offsetWidth, 1);
  const height = Math.max(element.scrollHeight, element.offsetHeight, 1);
  const pixelRatio = Math.max(0.5, Math.min(2, MAX_SIDE / Math.max(width, height)));
  const blob = await toBlob(element, {
    backgroundColor: '#ffffff',
    width,
    height,
    pixelRatio,
    skipFonts: true,
    filter: keepInPicture,
    style: { margin: '0', padding: '12px', boxSizing: 'border-box' },
  });
  if (!blob) throw new Error('no picture');
  return blob;
}
