import { describe, expect, it } from 'vitest';
import { MAX_PIXELS, pngSize, svgSize } from './png.js';

describe('[E6] the PNG of the map', () => {
  it('[E6] is 200 dpi for one A3 sheet (sharp on paper), landscape', () => {
    expect(pngSize(1190.55, 841.89)).toEqual({ width: 3307, height: 2338 });
  });

  it('[E6] stays within the canvas limit for taller pictures, and gives up (SVG instead) below 150 dpi', () => {
    const two = pngSize(1190.55, 2 * 841.89 + 24)!;
    expect(two.width * two.height).toBeLessThanOrEqual(MAX_PIXELS);
    expect(two.width).toBeGreaterThanOrEqual((1190.55 * 150) / 72);
    expect(pngSize(1190.55, 3 * 841.89 + 48)!.width).toBeGreaterThanOrEqual((1190.55 * 150) / 72);
    expect(pngSize(1190.55, 4 * 841.89 + 72)).toBeNull();
  });

  it('reads the size from the viewBox of the server SVG', () => {
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1190.55 841.89" width="1190.55pt">')).toEqual({
      width: 1190.55,
      height: 841.89,
    });
    expect(svgSize('<svg>')).toBeNull();
  });
});
