import { readExportFonts } from '../server/export/fonts.js';
import { buildConvenant } from '../shared/export/convenant.js';
import { convenantToPdf } from '../shared/export/convenantPdf.js';
import { convenantToDocx } from '../shared/export/docx.js';
import { convenantToMarkdown } from '../shared/export/markdown.js';
import { createPdfMeasure, renderMapPdf } from '../shared/export/pdf.js';
import { layoutMap } from '../shared/export/pdfLayout.js';
import { renderMapSvg } from '../shared/export/svg.js';
import { fixtureInput } from '../shared/export/testing/fixtureMap.js';

export interface ExportRow {
  cards: number;
  sheets: number;
  cardPt: number;
  smallestPt: number;
  /** kind → [wall ms, KiB, CPU ms of this process (less disturbed by other load on the machine)] */
  files: Record<string, [number, number, number]>;
}

/**
 * The server's export work for maps of ordinary cards (the same code the export API runs): time and
 * size of each kind, and the A3's sheets and text sizes. The first, unmeasured run warms up the JIT
 * and reads the fonts.
 */
export async function measureExports(counts: readonly number[] = [30, 65, 120, 250]): Promise<ExportRow[]> {
  const fonts = await readExportFonts();
  await renderMapPdf(fixtureInput(30, 1, 'ordinary'), fonts);
  const rows: ExportRow[] = [];
  for (const cards of counts) {
    const input = fixtureInput(cards, 7, 'ordinary');
    const layout = layoutMap(input, createPdfMeasure(fonts));
    const files: ExportRow['files'] = {};
    const time = async (kind: string, make: () => Promise<Uint8Array | string> | Uint8Array | string) => {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const out = await make();
      const cpu = process.cpuUsage(cpu0);
      const bytes = typeof out === 'string' ? new TextEncoder().encode(out).length : out.length;
      files[kind] = [performance.now() - t0, bytes / 1024, (cpu.user + cpu.system) / 1000];
    };
    await time('A3 PDF', () => renderMapPdf(input, fonts));
    await time('SVG', () => renderMapSvg(input, fonts));
    await time('convenant PDF', () => convenantToPdf(buildConvenant(input), fonts));
    await time('convenant DOCX', () => convenantToDocx(buildConvenant(input)));
    await time('convenant Markdown', () => convenantToMarkdown(buildConvenant(input)));
    rows.push({ cards, sheets: layout.pages.length, cardPt: layout.fontSize, smallestPt: layout.minTextSize, files });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await measureExports()) console.log(JSON.stringify(r));
}
