/** Exports of the maps (the console's export tab uses these). */
export { ExportPanel } from './ExportPanel.js';
export type { ExportSource } from './makeExport.js';
