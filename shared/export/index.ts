/**
 * Exports of a map: the A3 PDF and the convenant input (Markdown, DOCX). Pure functions from data to
 * bytes, for the browser and Node. Node-only helpers (nodeFonts.ts) and test data (fixtureMap.ts)
 * are left out on purpose, so this entry point bundles cleanly for the browser.
 */
export { buildConvenant } from './convenant.js';
export type { Convenant, ConvenantBlock, ConvenantItem, ConvenantSection, ConvenantSectionId } from './convenantTypes.js';
export { convenantToDocx } from './docx.js';
export { cardPartners, exportFileName, formatExportDate, type ExportInput } from './exportInput.js';
export { loadExportFonts } from './fonts.js';
export type { CardBox, LayoutPage, MapLayout, Measure, Shape } from './layoutTypes.js';
export { A3_LANDSCAPE } from './layoutTypes.js';
export { convenantToMarkdown } from './markdown.js';
export { createPdfMeasure, registerFonts, renderMapPdf, type ExportFonts } from './pdf.js';
export { layoutMap, type LayoutOptions } from './pdfLayout.js';
export { EXPORT_TEXTS, exportTexts, type ExportTexts } from './texts.js';
