import * as Y from 'yjs';
import type { Lang } from '../../shared/columns.js';
import { readPairDecisions } from '../../shared/compare/pairDecisions.js';
import { buildConvenant } from '../../shared/export/convenant.js';
import { convenantToPdf } from '../../shared/export/convenantPdf.js';
import { convenantToDocx } from '../../shared/export/docx.js';
import { cardOriginsOf, exportFileName, type ExportInput } from '../../shared/export/exportInput.js';
import { convenantToMarkdown } from '../../shared/export/markdown.js';
import { buildStandVanZaken } from '../../shared/export/standVanZaken.js';
import { actionsCalendar } from './actionsCalendar.js';
import { renderMapPdf } from '../../shared/export/pdf.js';
import { renderMapSvg } from '../../shared/export/svg.js';
import type { PartnerId, WorkshopId } from '../../shared/ids.js';
import { partnerMapName, roomName, type DocName } from '../../shared/protocol.js';
import { readMap, type MapSnapshot } from '../../shared/readModel.js';
import { readMandates, readSignoffs, signoffTable } from '../../shared/signoff.js';
import { HttpError } from '../http/respond.js';
import type { WorkshopStore } from '../store/Store.js';
import type { BackupService } from '../workshops/BackupService.js';
import { readExportFonts } from './fonts.js';
import { readScoreRounds, type ScoreRound } from '../../shared/scores.js';
import { readMeetings, type Meeting } from '../../shared/trajectory.js';
import { loadHyphenation } from '../../shared/text/hyphenation.js';

/** [E8] What the export API can make; the name is also the file's kind and extension. */
export const EXPORT_KINDS = [
  'a3.pdf',
  'map.svg',
  'convenant.pdf',
  'convenant.docx',
  'convenant.md',
  'stand.md',
  'stand.docx',
  'stand.pdf',
  'acties.ics',
  'backup.json',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const isExportKind = (kind: string): kind is ExportKind => (EXPORT_KINDS as readonly string[]).includes(kind);

export interface ExportRequest {
  kind: ExportKind;
  /** 'joint' or a partner id. */
  map: string;
  lang: Lang;
  /** The day to print ("2026-03-12"): the facilitator's local day, sent by the console. */
  date: string;
}

export interface ExportFile {
  bytes: Uint8Array;
  type: string;
  fileName: string;
}

const TYPES: Record<ExportKind, string> = {
  'a3.pdf': 'application/pdf',
  'map.svg': 'image/svg+xml',
  'convenant.pdf': 'application/pdf',
  'convenant.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'convenant.md': 'text/markdown; charset=utf-8',
  'stand.md': 'text/markdown; charset=utf-8',
  'stand.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'stand.pdf': 'application/pdf',
  'acties.ics': 'text/calendar; charset=utf-8',
  'backup.json': 'application/json; charset=utf-8',
};

/**
 * Makes every export on the server from what the server stores (the loaded room, else SQLite), with
 * the same shared code for every kind. The console downloads these; a municipality can script them.
 */
export class ExportService {
  constructor(
    private readonly store: WorkshopStore,
    private readonly backups: BackupService,
  ) {}

  private map(workshopId: string, doc: DocName): Promise<MapSnapshot> {
    return this.read(workshopId, doc, readMap);
  }

  /** A value read from a document's current state (the loaded room, else the store). */
  private async read<T>(workshopId: string, doc: DocName, reader: (ydoc: Y.Doc) => T): Promise<T> {
    const state = await this.backups.stateOf(roomName(workshopId as WorkshopId, doc));
    const ydoc = new Y.Doc();
    try {
      if (state) Y.applyUpdate(ydoc, state);
      return reader(ydoc);
    } finally {
      ydoc.destroy();
    }
  }

  /** The session's check-ins and check-outs, aggregates only ([Y4]), and the meetings they belong to ([Y8]). */
  private scores(workshopId: string): Promise<{ scoreRounds: ScoreRound[]; meetings: Meeting[] }> {
    return this.read(workshopId, 'session', (doc) => ({
      scoreRounds: readScoreRounds(doc),
      meetings: readMeetings(doc),
    }));
  }

  /** Everything an export of one map needs, read from the store. */
  async input(
    workshopId: string,
    req: Omit<ExportRequest, 'kind'>,
    forConvenant: boolean,
    withScores = forConvenant,
  ): Promise<ExportInput> {
    const w = await this.store.getWorkshop(workshopId);
    if (!w) throw new HttpError(404, 'not_found', 'This workshop does not exist (any more).');
    const partner = req.map === 'joint' ? null : w.partners.find((p) => p.id === req.map);
    if (req.map !== 'joint' && !partner)
      throw new HttpError(404, 'not_found', 'This workshop has no partner with that id.');
    const representatives: Record<string, string[]> = {};
    // Names by participant id (the follow-up's owners, [J8]); the partners' people for the sign-off ([N3]).
    const people: Record<string, string> = {};
    const signers: { id: string; name: string; partner: string }[] = [];
    for (const p of await this.store.participantsOf(workshopId)) {
      people[p.id] = p.name;
      if (p.revoked || p.access !== 'participant' || !p.partner) continue;
      (representatives[p.partner] ??= []).push(p.name);
      signers.push({ id: p.id, name: p.name, partner: p.partner });
    }
    const base = {
      lang: req.lang,
      title: w.title,
      date: req.date,
      partners: w.partners,
      representatives,
      people,
      ...(withScores ? await this.scores(workshopId) : {}),
    };
    if (partner) {
      return {
        ...base,
        mapName: partner.id,
        filledBy: partner.name,
        map: await this.map(workshopId, partnerMapName(partner.id as PartnerId)),
      };
    }
    const map = await this.map(workshopId, 'map:joint');
    // [N3] the sign-off per partner, kept in the joint map beside its cards.
    const signoff = await this.read(workshopId, 'map:joint', (doc) =>
      signoffTable(w.partners, signers, readMandates(doc), readSignoffs(doc)),
    );
    const origins = cardOriginsOf(map);
    // The convenant of a partners-first joint map gets the partner maps' differences as its annex.
    const partnerMaps =
      forConvenant && w.flow === 'partners-first'
        ? Object.fromEntries(
            await Promise.all(
              w.partners.map(async (p) => [p.id, await this.map(workshopId, partnerMapName(p.id as PartnerId))]),
            ),
          )
        : undefined;
    return {
      ...base,
      mapName: 'joint',
      map,
      signoff,
      // The facilitator's split and join of the compare view, so the annex groups as the screen did ([C8]).
      ...(partnerMaps ? { partnerMaps, pairDecisions: await this.read(workshopId, 'session', readPairDecisions) } : {}),
      ...(Object.keys(origins).length ? { cardOrigins: origins } : {}),
    };
  }

  async make(workshopId: string, req: ExportRequest): Promise<ExportFile> {
    const type = TYPES[req.kind];
    if (req.kind === 'backup.json') {
      const file = await this.backups.export(workshopId);
      const w = (await this.store.getWorkshop(workshopId))!;
      const name = exportFileName(
        { title: w.title, date: req.date, mapName: 'joint', partners: w.partners },
        'backup',
        'json',
      );
      return { bytes: new TextEncoder().encode(JSON.stringify(file)), type, fileName: name };
    }
    // The convenant and the stand van zaken carry the check-in/out scores ([Y4], [Y8]).
    const input = await this.input(
      workshopId,
      req,
      req.kind.startsWith('convenant.'),
      /^(convenant|stand)\./.test(req.kind),
    );
    const fonts = await readExportFonts();
    // Long Dutch words in narrow PDF columns break at a syllable ([U20]); loaded once per process.
    await loadHyphenation();
    switch (req.kind) {
      case 'a3.pdf':
        return {
          bytes: await renderMapPdf(input, fonts),
          type,
          fileName: exportFileName(input, 'partnerschapskaart', 'pdf'),
        };
      case 'map.svg':
        return {
          bytes: new TextEncoder().encode(renderMapSvg(input, fonts)),
          type,
          fileName: exportFileName(input, 'partnerschapskaart', 'svg'),
        };
      case 'convenant.pdf':
        return {
          bytes: await convenantToPdf(buildConvenant(input), fonts),
          type,
          fileName: exportFileName(input, 'convenant-input', 'pdf'),
        };
      case 'convenant.docx':
        return {
          bytes: await convenantToDocx(buildConvenant(input)),
          type,
          fileName: exportFileName(input, 'convenant-input', 'docx'),
        };
      case 'convenant.md':
        return {
          bytes: new TextEncoder().encode(convenantToMarkdown(buildConvenant(input))),
          type,
          fileName: exportFileName(input, 'convenant-input', 'md'),
        };
      case 'stand.md':
        return {
          bytes: new TextEncoder().encode(convenantToMarkdown(buildStandVanZaken(input))),
          type,
          fileName: exportFileName(input, 'stand-van-zaken', 'md'),
        };
      case 'stand.docx':
        return {
          bytes: await convenantToDocx(buildStandVanZaken(input)),
          type,
          fileName: exportFileName(input, 'stand-van-zaken', 'docx'),
        };
      case 'stand.pdf':
        return {
          bytes: await convenantToPdf(buildStandVanZaken(input), fonts),
          type,
          fileName: exportFileName(input, 'stand-van-zaken', 'pdf'),
        };
      case 'acties.ics':
        return {
          bytes: new TextEncoder().encode(actionsCalendar(input, workshopId)),
          type,
          fileName: exportFileName(input, 'acties', 'ics'),
        };
    }
  }
}
