import type { IncomingMessage, ServerResponse } from 'node:http';
import { isExportKind, type ExportService } from '../export/ExportService.js';
import type { WorkshopService } from '../workshops/WorkshopService.js';
import { HttpError } from './respond.js';

const EXPORT = /^\/api\/workshops\/([^/]+)\/export\/([a-z0-9.]+)$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAP = /^(joint|[a-z0-9-]{1,40})$/;

/**
 * [E8] GET /api/workshops/<id>/export/<kind>?map=joint|<partner>&lang=nl|en&date=YYYY-MM-DD, for
 * the facilitator's token only (Authorization: Bearer, as every facilitator call). Answers with the
 * file itself. Returns false when the path is not an export route.
 */
export function exportRoute(deps: { workshops: WorkshopService; exports: ExportService }) {
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> => {
    const m = EXPORT.exec(pathname);
    if (!m || (req.method ?? 'GET') !== 'GET') return false;
    const [, id, kind] = m;
    await deps.workshops.requireFacilitator(id, req.headers.authorization);
    if (!isExportKind(kind)) throw new HttpError(404, 'not_found', `There is no export called ${kind}.`);
    const q = new URL(req.url ?? '', 'http://localhost').searchParams;
    const map = q.get('map') ?? 'joint';
    const lang = q.get('lang') ?? 'nl';
    const date = q.get('date') ?? new Date().toISOString().slice(0, 10);
    if (!MAP.test(map) || (lang !== 'nl' && lang !== 'en') || !DAY.test(date)) {
      throw new HttpError(400, 'invalid', 'Use map=joint or a partner id, lang=nl or en, date=YYYY-MM-DD.');
    }
    const file = await deps.exports.make(id, { kind, map, lang, date });
    res.writeHead(200, {
      'content-type': file.type,
      'content-length': file.bytes.length,
      'content-disposition': `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'no-store',
    });
    res.end(file.bytes);
    return true;
  };
}
