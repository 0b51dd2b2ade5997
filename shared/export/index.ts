/**
 * Exports of a map: the A3 PDF, the SVG picture and the convenant input (Markdown, DOCX, PDF). Pure
 * functions from data to bytes; the server runs them (server/export), the browser asks the server.
 * Test data lives in ./testing and is not exported here.
 */
export { buildConvenant } from './convenant.js';
export type { Convenant, ConvenantBlock, ConvenantItem, ConvenantSection, ConvenantSectionId } from './convenantTypes.js';
export { convenantToDocx } from './docx.js';
export { cardOriginPartners, cardOriginsOf, exportFileName, formatExportDate, type ExportInput } from './exportInput.js';
export type { CardBox, LayoutPage, MapLayout, Measure, Shape } from './layoutTypes.js';
export { A3_LANDSCAPE } from './layoutTypes.js';
export { convenantToMarkdown } from './markdown.js';
export { createPdfMeasure, renderMapPdf, type ExportFonts } from './pdf.js';
export { layoutMap, type LayoutOptions } from './pdfLayout.js';
export { EXPORT_TEXTS, exportTexts, type ExportTexts } from './texts.js';
