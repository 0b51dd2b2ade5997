import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BackupService } from '../workshops/BackupService.js';
import type { VersionService } from '../workshops/VersionService.js';
import type { WorkshopService } from '../workshops/WorkshopService.js';
import { JOINT_MAP } from '../../shared/docName.js';
import { HttpError, readJson, sendError, sendJson, streamJsonBody } from './respond.js';
import { clientAddress } from './clientAddress.js';
import { RateLimiter, type RateRule } from './rateLimit.js';
import { requestLang } from './requestLang.js';

export interface ApiDeps {
  workshops: WorkshopService;
  versions: VersionService;
  backups: BackupService;
  maxImportBytes: number;
  maxBodyBytes: number;
  health: () => Record<string, unknown>;
  log: (message: string, error?: unknown) => void;
  /** Per-address limits of the anonymous endpoints (T11). */
  rates: { lookup: RateRule; join: RateRule; create: RateRule };
  trustProxy: boolean;
  /** The export downloads (exportRoutes.ts); true when it answered the request. */
  exports?: (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<boolean>;
}

const WORKSHOP = /^\/api\/workshops\/([^/]+)(\/participants|\/me|\/backup|\/projector|\/people|\/drafts)?$/;
const PARTICIPANT = /^\/api\/workshops\/([^/]+)\/participants\/([^/]+)$/;
const VERSIONS = /^\/api\/workshops\/([^/]+)\/versions(?:\/(\d{1,12})(\/restore)?)?$/;
const JOIN_CODE = /^\/api\/join\/([^/]{1,20})$/;

/** The small JSON API. Every failure is a JSON error with a readable message. */
export function createApiHandler(deps: ApiDeps) {
  const limiter = new RateLimiter();
  const route = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    const method = req.method ?? 'GET';
    const limit = (action: keyof ApiDeps['rates']) =>
      limiter.check(action, clientAddress(req, deps.trustProxy), deps.rates[action]);
    if (deps.exports && (await deps.exports(req, res, pathname))) return;
    if (pathname === '/api/health' && method === 'GET') return sendJson(res, 200, deps.health());
    if (pathname === '/api/workshops' && method === 'POST') {
      limit('create');
      return sendJson(res, 201, await deps.workshops.create(await readJson(req, deps.maxBodyBytes)));
    }
    if (pathname === '/api/demo') {
      if (method === 'GET') return sendJson(res, 200, { available: deps.workshops.demoAvailable() });
      if (method === 'POST') {
        limit('create');
        return sendJson(res, 201, await deps.workshops.createDemo(requestLang(req)));
      }
    }
    if (pathname === '/api/backup' && method === 'POST') {
      limit('create');
      // The file goes to the import's worker as it arrives, never whole on this thread ([T18]).
      const body = (write: (chunk: Uint8Array) => void) => streamJsonBody(req, deps.maxImportBytes, write);
      return sendJson(res, 201, await deps.backups.import(body));
    }
    if (pathname === '/api/time' && method === 'GET') return sendJson(res, 200, { now: Date.now() });
    const code = JOIN_CODE.exec(pathname);
    if (code && method === 'GET') limit('lookup');
    if (code && method === 'GET')
      return sendJson(res, 200, await deps.workshops.byJoinCode(decodeURIComponent(code[1])));
    const person = PARTICIPANT.exec(pathname);
    if (person && method === 'DELETE') {
      await deps.workshops.remove(person[1], req.headers.authorization, person[2]);
      res.writeHead(204).end();
      return;
    }
    const v = VERSIONS.exec(pathname);
    if (v) {
      const [, id, vid, restore] = v;
      await deps.workshops.requireFacilitator(id, req.headers.authorization);
      const url = new URL(req.url ?? '', 'http://localhost');
      if (!vid && method === 'GET')
        return sendJson(res, 200, { versions: await deps.versions.list(id, url.searchParams.get('doc') ?? JOINT_MAP) });
      if (!vid && method === 'POST') {
        const body = (await readJson(req, deps.maxBodyBytes)) as { doc?: unknown; label?: unknown } | null;
        const doc = typeof body?.doc === 'string' ? body.doc : JOINT_MAP;
        const label = typeof body?.label === 'string' ? body.label.trim() : '';
        return sendJson(res, 201, await deps.versions.saveManual(id, doc, label));
      }
      if (vid && !restore && method === 'GET') return sendJson(res, 200, await deps.versions.get(id, Number(vid)));
      if (vid && restore && method === 'POST') return sendJson(res, 200, await deps.versions.restore(id, Number(vid)));
    }
    const m = WORKSHOP.exec(pathname);
    if (m) {
      const [, id, sub] = m;
      if (!sub && method === 'GET') return sendJson(res, 200, await deps.workshops.info(id));
      if (!sub && method === 'DELETE') {
        await deps.workshops.requireFacilitator(id, req.headers.authorization);
        await deps.backups.delete(id);
        res.writeHead(204).end();
        return;
      }
      if (sub === '/projector' && method === 'POST')
        return sendJson(res, 201, await deps.workshops.newProjectorLink(id, req.headers.authorization));
      if (sub === '/backup' && method === 'GET') {
        await deps.workshops.requireFacilitator(id, req.headers.authorization);
        const file = await deps.backups.export(id);
        res.setHeader('content-disposition', `attachment; filename="partnerschapskaart-${id.slice(0, 8)}.json"`);
        return sendJson(res, 200, file);
      }
      if (sub === '/participants' && method === 'POST') {
        limit('join');
        return sendJson(res, 201, await deps.workshops.join(id, await readJson(req, deps.maxBodyBytes)));
      }
      if (sub === '/people' && method === 'POST') {
        limit('join');
        const body = await readJson(req, deps.maxBodyBytes);
        return sendJson(res, 201, await deps.workshops.addWithoutDevice(id, req.headers.authorization, body));
      }
      if (sub === '/drafts' && method === 'GET') {
        await deps.workshops.requireFacilitator(id, req.headers.authorization);
        return sendJson(res, 200, { counts: await deps.versions.draftCounts(id) });
      }
      if (sub === '/me' && method === 'GET')
        return sendJson(res, 200, await deps.workshops.whoAmI(id, req.headers.authorization));
    }
    throw new HttpError(404, 'not_found', `No API route ${method} ${pathname}.`);
  };

  return (req: IncomingMessage, res: ServerResponse, pathname: string): void => {
    route(req, res, pathname).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof HttpError) return sendError(res, error);
      deps.log(`API error on ${req.method} ${pathname}`, error);
      sendError(res, new HttpError(500, 'server_error', 'Something went wrong on the server. Please try again.'));
    });
  };
}
