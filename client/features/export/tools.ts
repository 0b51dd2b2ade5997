import { createContext, useContext } from 'react';
import type { ExportFonts } from '../../../shared/export/pdf.js';
import { saveBlob } from './download.js';
import type { ExportTarget } from './exportData.js';
import { ExportError } from './exportError.js';
import { findMapElement, renderElementPng } from './png.js';

/** The export module (jsPDF, docx): loaded only when someone asks for an export. */
export type ExportModule = typeof import('../../../shared/export/index.js');

/** What the export tab uses to make and hand out files; tests pass their own. */
export interface ExportTools {
  loadModule(): Promise<ExportModule>;
  loadFonts(module: ExportModule): Promise<ExportFonts>;
  /**
   * A picture of `target` as it is on screen now, with a caption above it; rejects with
   * ExportError('notOnScreen') when that map is not on screen.
   */
  renderMapPng(target: ExportTarget, caption: string): Promise<Blob>;
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
  renderMapPng: (target, caption) => {
    const element = findMapElement(target);
    return element ? renderElementPng(element, caption) : Promise.reject(new ExportError('notOnScreen'));
  },
  save: saveBlob,
};

export const ExportToolsContext = createContext<ExportTools>(browserExportTools);

export function useExportTools(): ExportTools {
  return useContext(ExportToolsContext);
}
