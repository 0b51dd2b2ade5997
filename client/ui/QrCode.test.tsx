import { render, screen } from '@testing-library/react';
import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPath, QrCode } from './QrCode.js';

/** Read the dark modules back out of the path, to compare with the encoder's matrix. */
function modulesFromPath(d: string, size: number): boolean[] {
  const dark = new Array<boolean>(size * size).fill(false);
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let i = 0; i < w; i++) dark[y * size + x + i] = true;
  }
  return dark;
}

describe('QR code', () => {
  it('renders an SVG image with a text alternative, drawn locally', () => {
    render(<QrCode value="https://example.test/w/abc" label="QR-code met de link" testId="qr" />);
    const svg = screen.getByTestId('qr');
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg).toHaveAttribute('role', 'img');
    expect(screen.getByRole('img', { name: 'QR-code met de link' })).toBe(svg);
    expect(svg.querySelector('path')?.getAttribute('d')).toMatch(/^M\d/);
    expect(svg.querySelector('image, foreignObject')).toBeNull();
  });

  it('draws exactly the modules of the encoded symbol, with the quiet zone around it', () => {
    const value = 'http://localhost:8080/w/abcdefghij0123456789abcdef';
    const { size, d } = qrPath(value);
    const { modules } = create(value, { errorCorrectionLevel: 'M' });
    expect(size).toBe(modules.size);
    expect(modulesFromPath(d, size)).toEqual([...modules.data].map(Boolean));
    // The finder pattern in the top-left corner: a full row of seven dark modules.
    expect(d.startsWith('M0 0h7')).toBe(true);
    render(<QrCode value={value} label="x" testId="qr" />);
    expect(screen.getByTestId('qr')).toHaveAttribute('viewBox', `-4 -4 ${size + 8} ${size + 8}`);
  });

  it('a different link gives a different code', () => {
    expect(qrPath('http://a.test/w/1').d).not.toBe(qrPath('http://a.test/w/2').d);
  });
});
