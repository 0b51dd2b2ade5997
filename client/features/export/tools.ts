import { createContext, useContext } from 'react';
import { fetchExport, saveBlob } from './download.js';
import { svgToPng } from './png.js';

/** What the export tab uses to fetch, convert and hand out files; tests pass their own. */
export interface ExportTools {
  /** One export from the server's export API, with the facilitator token. */
  fetchExport(url: string, token: string): Promise<{ blob: Blob; fileName: string }>;
  /** A PNG drawn from the server's SVG, or null when it is too big for a canvas. */
  svgToPng(svg: Blob): Promise<Blob | null>;
  save(blob: Blob, fileName: string): void;
}

export const browserExportTools: ExportTools = {
  fetchExport: (url, token) => fetchExport(url, token),
  svgToPng,
  save: saveBlob,
};

export const ExportToolsContext = createContext<ExportTools>(browserExportTools);

export function useExportTools(): ExportTools {
  return useContext(ExportToolsContext);
}
