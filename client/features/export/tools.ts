import { createContext, useContext } from 'react';
import type { ExportFonts } from '../../../shared/export/pdf.js';
import { saveBlob } from './download.js';
import { findMapElement, renderElementPng } from './png.js';

/** The export module (jsPDF, docx): loaded only when someone asks for an export. */
export type ExportModule = typeof import('../../../shared/export/index.js');

/** What the export tab uses to make and hand out files; tests pass their own. */
export interface ExportTools {
  loadModule(): Promise<ExportModule>;
  loadFonts(module: ExportModule): Promise<ExportFonts>;
  /** A picture of the live map on this page; rejects when there is none. */
  renderMapPng(): Promise<Blob>;
  save(blob: Blob, fileName: string): void;
}

let fonts: Promise<ExportFonts> | null = null;

export const browserExportTools: ExportTools = {
  loadModule: () => import('../../../shared/export/index.js'),
  // The fonts (served by this server under /fonts/) are fetched once per page; a failure is retried.
  loadFonts: (module) => {
    fonts ??= module.loadExportFonts().catch((error: unknown) => {
      fonts = null;
      throw error;
    });
    return fonts;
  },
  renderMapPng: () => {
    const element = findMapElement();
    return element ? renderElementPng(element) : Promise.reject(new Error('no map on this page'));
  },
  save: saveBlob,
};

export const ExportToolsContext = createContext<ExportTools>(browserExportTools);

export function useExportTools(): ExportTools {
  return useContext(ExportToolsContext);
}
