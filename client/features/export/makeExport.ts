import type { WorkshopInfo } from '../../../shared/api.js';
import type { Lang } from '../../../shared/columns.js';
import { ExportError } from './exportError.js';
import { localDay, type ExportTarget } from './exportTarget.js';
import type { ExportTools } from './tools.js';

/** The files the console offers; each is made by the server (see server/export). */
export const MAP_EXPORT_KINDS = ['pdf', 'png', 'svg', 'convenantPdf', 'docx', 'md'] as const;
export type MapExportKind = (typeof MAP_EXPORT_KINDS)[number];
/** Of the joint map's actions only [J8]: the stand van zaken and the calendar. */
export const FOLLOW_UP_EXPORT_KINDS = ['standPdf', 'standDocx', 'standMd', 'ics'] as const;
export type ExportKind = MapExportKind | 'backup' | (typeof FOLLOW_UP_EXPORT_KINDS)[number];

/** The server's name for each kind (GET /api/workshops/<id>/export/<name>); the PNG is drawn from the SVG. */
const SERVER_KIND: Record<ExportKind, string> = {
  pdf: 'a3.pdf',
  png: 'map.svg',
  svg: 'map.svg',
  convenantPdf: 'convenant.pdf',
  docx: 'convenant.docx',
  md: 'convenant.md',
  backup: 'backup.json',
  standPdf: 'stand.pdf',
  standDocx: 'stand.docx',
  standMd: 'stand.md',
  ics: 'acties.ics',
};

/** Who asks: the workshop, the facilitator's token, the language and the local day for the file. */
export interface ExportSource {
  info: WorkshopInfo;
  token: string;
  lang: Lang;
  now: () => number;
}

export { ExportError };

/** [E9] The API address of one export of `target`. */
export function exportUrl(source: ExportSource, kind: ExportKind, target: ExportTarget = { kind: 'joint' }): string {
  const q = new URLSearchParams({
    map: target.kind === 'joint' ? 'joint' : target.partnerId,
    lang: source.lang,
    date: localDay(source.now()),
  });
  return `/api/workshops/${encodeURIComponent(source.info.id)}/export/${SERVER_KIND[kind]}?${q}`;
}

/**
 * Fetch one file from the server and hand it to `tools.save`; returns its file name. A PNG is drawn
 * from the SVG in this browser; when the map is too big for a canvas, the SVG is saved instead.
 */
export async function makeExport(
  source: ExportSource,
  tools: ExportTools,
  kind: ExportKind,
  target: ExportTarget,
  progress: (fraction: number) => void,
): Promise<string> {
  progress(0.05);
  const file = await tools.fetchExport(exportUrl(source, kind, target), source.token);
  progress(kind === 'png' ? 0.6 : 0.95);
  if (kind === 'png') {
    const png = await tools.svgToPng(file.blob);
    if (png) {
      const name = file.fileName.replace(/\.svg$/, '.png');
      tools.save(png, name);
      return name;
    }
  }
  tools.save(file.blob, file.fileName);
  return file.fileName;
}
