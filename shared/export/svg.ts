import { toBase64 } from '../backup.js';
import { isJointMap, partnerOf, type ExportInput } from './exportInput.js';
import type { MapLayout, Shape } from './layoutTypes.js';
import { fontUse, newTaggedDoc, type ExportFonts } from './pdfKit.js';
import { layoutMap } from './pdfLayout.js';
import { exportTexts } from './texts.js';

/** Space between two sheets when a map needs more than one. */
const SHEET_GAP = 24;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => String(Math.round(v * 100) / 100);

function shapeSvg(s: Shape, guard: (text: string, bold: boolean) => string): string {
  switch (s.kind) {
    case 'rect': {
      const fill = s.fill ?? 'none';
      const stroke = s.stroke
        ? ` stroke="${s.stroke}" stroke-width="${n(s.lineWidth ?? 0.8)}"${s.dashed ? ' stroke-dasharray="3 2"' : ''}`
        : '';
      return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" rx="${n(s.r)}" fill="${fill}"${stroke}/>`;
    }
    case 'circle':
      return `<circle cx="${n(s.x)}" cy="${n(s.y)}" r="${n(s.r)}" fill="${s.fill}"/>`;
    case 'line':
      return `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" stroke="${s.color}" stroke-width="${n(s.width)}"/>`;
    case 'text':
      if (!s.text) return '';
      // The measured width is given as textLength, so the line is exactly as wide as laid out.
      return `<text x="${n(s.x)}" y="${n(s.y)}" font-size="${n(s.size)}"${s.bold ? ' font-weight="bold"' : ''} fill="${s.color}" textLength="${n(s.w)}" lengthAdjust="spacingAndGlyphs">${esc(guard(s.text, s.bold))}</text>`;
  }
}

/**
 * [E6] The map as an SVG picture: the same layout as the A3 PDF (title, five columns right to left,
 * cards; nothing of the app's buttons), one landscape A3 sheet, or more sheets one under the other.
 * The DejaVu fonts go inside as data, so the picture looks the same everywhere, also when the
 * browser draws it onto a canvas for a PNG.
 */
export function renderMapSvg(input: ExportInput, fonts: ExportFonts, layout?: MapLayout): string {
  const use = fontUse(newTaggedDoc(fonts, { lang: input.lang, title: '', size: 'A3', layout: 'landscape' }));
  const map = layout ?? layoutMap(input, use.measure);
  const t = exportTexts(input.lang);
  const mapLabel = isJointMap(input) ? t.jointMap : t.partnerMap(partnerOf(input, input.mapName).name);
  const height = map.pages.length * map.height + (map.pages.length - 1) * SHEET_GAP;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(map.width)} ${n(height)}" width="${n(map.width)}pt" height="${n(height)}pt" role="img" aria-labelledby="title" lang="${input.lang}">`,
    `<title id="title">${esc(`${input.title} · ${mapLabel}`)}</title>`,
    '<style>',
    `@font-face{font-family:"PKL DejaVu Sans";font-weight:normal;src:url(data:font/ttf;base64,${toBase64(fonts.regular)}) format("truetype")}`,
    `@font-face{font-family:"PKL DejaVu Sans";font-weight:bold;src:url(data:font/ttf;base64,${toBase64(fonts.bold)}) format("truetype")}`,
    'text{font-family:"PKL DejaVu Sans","DejaVu Sans",sans-serif;white-space:pre}',
    '</style>',
  ];
  map.pages.forEach((page, i) => {
    const top = i * (map.height + SHEET_GAP);
    parts.push(
      `<g transform="translate(0 ${n(top)})">`,
      `<rect width="${n(map.width)}" height="${n(map.height)}" fill="#ffffff"/>`,
    );
    for (const s of page.shapes) if (s.kind !== 'text') parts.push(shapeSvg(s, use.text));
    for (const s of page.shapes) if (s.kind === 'text') parts.push(shapeSvg(s, use.text));
    for (const card of page.cards) for (const s of card.shapes) parts.push(shapeSvg(s, use.text));
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('\n');
}
