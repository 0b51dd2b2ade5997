import { useMemo } from 'react';
import { create } from 'qrcode';

interface Props {
  /** What the code holds, usually a link. */
  value: string;
  /** The text alternative: say what the code is for and what it holds. */
  label: string;
  testId?: string;
  className?: string;
}

/** Dark modules as one SVG path, one horizontal run per `h`, so even a long link stays a small element. */
export function qrPath(value: string): { size: number; d: string } {
  const { modules } = create(value, { errorCorrectionLevel: 'M' });
  const { size, data } = modules;
  let d = '';
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!data[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col]) col++;
      d += `M${start} ${row}h${col - start}v1h${start - col}z`;
    }
  }
  return { size, d };
}

/**
 * A QR code drawn here as SVG (no image service, works offline), black on white with the quiet zone
 * of four modules that scanners need. It scales with its box: the projector can draw it large.
 */
export function QrCode({ value, label, testId, className }: Props) {
  const { size, d } = useMemo(() => qrPath(value), [value]);
  const quiet = 4;
  const box = size + quiet * 2;
  return (
    <svg
      className={className ? `qr-code ${className}` : 'qr-code'}
      data-testid={testId}
      role="img"
      aria-label={label}
      viewBox={`${-quiet} ${-quiet} ${box} ${box}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect x={-quiet} y={-quiet} width={box} height={box} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
