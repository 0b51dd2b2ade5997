/** Sharp on A3 paper: 200 dots per inch (the SVG is measured in points, 72 to the inch). */
export const PNG_DPI = 200;
/** Below this a printed A3 would look soft; then the SVG is the better file. */
const MIN_DPI = 150;
/** Safe for every browser's canvas (iOS Safari stops at about 16.7 million pixels). */
export const MAX_PIXELS = 16_000_000;

/**
 * [E6] The pixel size of the PNG of an SVG of `width` × `height` points: 200 dpi, less when the
 * canvas would get too big; null when even 150 dpi does not fit (the SVG is given instead).
 */
export function pngSize(width: number, height: number): { width: number; height: number } | null {
  let scale = PNG_DPI / 72;
  if (width * height * scale * scale > MAX_PIXELS) scale = Math.sqrt(MAX_PIXELS / (width * height));
  if (scale < MIN_DPI / 72) return null;
  return { width: Math.floor(width * scale), height: Math.floor(height * scale) };
}

/** The size in points from the SVG's viewBox. */
export function svgSize(svg: string): { width: number; height: number } | null {
  const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg.slice(0, 2000));
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
}

/**
 * The server's SVG of the map drawn onto a canvas as a PNG, or null when it is too big for a canvas.
 * The SVG carries its own fonts, so nothing is fetched and the canvas is never tainted.
 */
export async function svgToPng(svg: Blob): Promise<Blob | null> {
  const size = svgSize(await svg.text());
  const px = size && pngSize(size.width, size.height);
  if (!px) return null;
  const url = URL.createObjectURL(svg);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = px.width;
    canvas.height = px.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, px.width, px.height);
    ctx.drawImage(img, 0, 0, px.width, px.height);
    return await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
