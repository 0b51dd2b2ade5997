import type { WorkshopInfo } from '../../../shared/api.js';
import type { Lang } from '../../../shared/columns.js';
import { exportFileName, formatExportDate } from '../../../shared/export/exportInput.js';
import type { MapSnapshot } from '../../../shared/readModel.js';
import { api } from '../../lib/api.js';
import { bytesBlob, MIME } from './download.js';
import { buildExportInput, localDay, type ExportTarget } from './exportData.js';
import { readPartnerMap, readPartnerMaps, type OpenDoc } from './partnerMaps.js';
import { ExportError } from './exportError.js';
import type { ExportTools } from './tools.js';

export type MapExportKind = 'pdf' | 'png' | 'docx' | 'md';
export type ExportKind = MapExportKind | 'backup';

/** Where the exports read from: the workshop, the live joint map, and a way to open partner maps. */
export interface ExportSource {
  info: WorkshopInfo;
  token: string;
  lang: Lang;
  jointMap: () => MapSnapshot;
  openDoc: OpenDoc;
  now: () => number;
}

export { ExportError };

const isPartnersFirst = (info: WorkshopInfo) => info.flow === 'partners-first';

async function mapOf(source: ExportSource, target: ExportTarget): Promise<MapSnapshot> {
  if (target.kind === 'joint') return source.jointMap();
  return readPartnerMap(source.openDoc, target.partnerId);
}

/** Make one file and hand it to `tools.save`; `progress` gets fractions from 0 to 1. Returns the file name. */
export async function makeMapExport(
  source: ExportSource,
  tools: ExportTools,
  kind: MapExportKind,
  target: ExportTarget,
  progress: (fraction: number) => void,
): Promise<string> {
  const { info } = source;
  progress(0.02);
  if (kind === 'png') return makePng(source, tools, target, progress);
  const map = await mapOf(source, target);
  // The convenant of the joint map gets the partner maps' differences as its annex.
  const withPartners = (kind === 'docx' || kind === 'md') && target.kind === 'joint' && isPartnersFirst(info);
  const partnerMaps = withPartners ? await readPartnerMaps(source.openDoc, info.partners.map((p) => p.id)) : undefined;
  const input = buildExportInput({ info, lang: source.lang, now: source.now(), target, map, partnerMaps });
  progress(0.1);
  const module = await tools.loadModule();
  progress(0.15);
  if (kind === 'pdf') {
    const fonts = await tools.loadFonts(module);
    progress(0.2);
    const bytes = await module.renderMapPdf(input, fonts, (f) => progress(0.2 + 0.78 * f));
    return hand(tools, bytesBlob(bytes, MIME.pdf), module.exportFileName(input, 'partnerschapskaart', 'pdf'));
  }
  const convenant = module.buildConvenant(input);
  progress(0.4);
  if (kind === 'docx') {
    const bytes = await module.convenantToDocx(convenant);
    return hand(tools, bytesBlob(bytes, MIME.docx), module.exportFileName(input, 'convenant-input', 'docx'));
  }
  const text = module.convenantToMarkdown(convenant);
  return hand(tools, new Blob([text], { type: MIME.md }), module.exportFileName(input, 'convenant-input', 'md'));
}

/** A picture of the map as it is on screen (only the map on screen can be pictured). */
async function makePng(source: ExportSource, tools: ExportTools, target: ExportTarget, progress: (fraction: number) => void): Promise<string> {
  const { info, lang } = source;
  const date = localDay(source.now());
  const partner = target.kind === 'partner' ? (info.partners.find((p) => p.id === target.partnerId)?.name ?? target.partnerId) : '';
  const caption = [info.title, partner, formatExportDate(date, lang)].filter(Boolean).join(' · ');
  const blob = await tools.renderMapPng(target, caption);
  progress(0.95);
  const mapName = target.kind === 'joint' ? 'joint' : target.partnerId;
  return hand(tools, blob, exportFileName({ title: info.title, date, mapName, partners: info.partners }, 'partnerschapskaart', 'png'));
}

/** The whole workshop as the server's backup file, saved exactly as it came. */
export async function makeBackup(source: ExportSource, tools: ExportTools, progress: (fraction: number) => void): Promise<string> {
  progress(0.05);
  const r = await api.backup(source.info.id, source.token);
  if (r.kind !== 'ok') {
    throw new ExportError(r.kind === 'unauthorized' ? 'unauthorized' : r.kind === 'error' && r.status === null ? 'network' : 'backup');
  }
  progress(0.9);
  const name = exportFileName(
    { title: source.info.title, date: localDay(source.now()), mapName: 'joint', partners: source.info.partners },
    'backup',
    'json',
  );
  return hand(tools, new Blob([r.value], { type: MIME.json }), name);
}

function hand(tools: ExportTools, blob: Blob, fileName: string): string {
  tools.save(blob, fileName);
  return fileName;
}
