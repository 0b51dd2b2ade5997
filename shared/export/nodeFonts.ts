import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ExportFonts } from './pdf.js';

/** Node only (tests, server-side exports): the same font files the app serves at /fonts/. */
export const FONT_DIR = fileURLToPath(new URL('../../client/public/fonts/', import.meta.url));

export async function readExportFonts(dir = FONT_DIR): Promise<ExportFonts> {
  const [regular, bold] = await Promise.all([readFile(`${dir}/DejaVuSans.ttf`), readFile(`${dir}/DejaVuSans-Bold.ttf`)]);
  return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
}
