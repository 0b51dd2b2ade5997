import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExportFonts } from '../../shared/export/pdfKit.js';

/** The export fonts (DejaVu Sans, with its licence) shipped with the app in assets/fonts. */
// From the module's own path (a string, not the global URL: under jsdom tests that is jsdom's URL,
// which Node's fileURLToPath does not accept).
export const FONT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/fonts');

let loaded: Promise<ExportFonts> | null = null;

/** Read once per process; every export after the first reuses the bytes. */
export function readExportFonts(dir = FONT_DIR): Promise<ExportFonts> {
  const read = async () => {
    const [regular, bold] = await Promise.all([
      readFile(`${dir}/DejaVuSans.ttf`),
      readFile(`${dir}/DejaVuSans-Bold.ttf`),
    ]);
    return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
  };
  if (dir !== FONT_DIR) return read();
  const once: Promise<ExportFonts> = (loaded ??= read().catch((error: unknown) => {
    loaded = null;
    throw error;
  }));
  return once;
}
