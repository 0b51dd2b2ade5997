import type { ExportFonts } from './pdf.js';

/**
 * Load the export fonts the app serves itself (client/public/fonts), so a PDF can be made without
 * any outside service. In Node, read the same files with fs instead.
 */
export async function loadExportFonts(baseUrl = '/fonts/', fetchImpl: typeof fetch = fetch): Promise<ExportFonts> {
  const get = async (file: string) => {
    const res = await fetchImpl(new URL(file, new URL(baseUrl, globalThis.location?.href ?? 'http://localhost/')).href);
    if (!res.ok) throw new Error(`font ${file}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
  const [regular, bold] = await Promise.all([get('DejaVuSans.ttf'), get('DejaVuSans-Bold.ttf')]);
  return { regular, bold };
}
