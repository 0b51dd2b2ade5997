import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkshopId } from '../shared/ids.js';
import { SERVER } from '../shared/origins.js';
import { CloseCode, roomName } from '../shared/protocol.js';
import { markParticipantRemoved, upsertParticipant } from '../shared/workshopDoc.js';
import { WorkshopLeases } from './cluster/WorkshopLeases.js';
import { workshopOfPath } from './cluster/workshopOfPath.js';
import type { Config } from './config.js';
import type { Principal } from '../shared/permissions.js';
import type { PrivateCheckContext } from '../shared/rounds/privateInputs.js';
import { ExportService } from './export/ExportService.js';
import { createApiHandler } from './http/api.js';
import { exportRoute } from './http/exportRoutes.js';
import { createStaticHandler } from './http/staticFiles.js';
import { openStore } from './store/openStore.js';
import type { DocWriter, Store } from './store/Store.js';
import type { Room } from './sync/Room.js';
import { RoomRegistry } from './sync/RoomRegistry.js';
import { SyncServer } from './sync/SyncServer.js';
import { watchSession } from './sync/sessionEffects.js';
import { BackupService } from './workshops/BackupService.js';
import { RoundService } from './workshops/RoundService.js';
import { VersionService } from './workshops/VersionService.js';
import { WorkshopService } from './workshops/WorkshopService.js';

export interface App {
  readonly port: number;
  readonly url: string;
  /** SQLite (default) or Postgres (PKL_DATABASE_URL), [P20]. */
  readonly store: Store;
  /** Where live rooms' commits and compactions are written (SQLite: a worker thread; Postgres: in order on the pool). */
  readonly writer: DocWriter;
  readonly registry: RoomRegistry;
  readonly sync: SyncServer;
  /** In a cluster (PKL_DATABASE_URL): the workshops this node holds ([Z2]); null on SQLite. */
  readonly leases: WorkshopLeases | null;
  /** Graceful: stop accepting, commit and snapshot everything, close connections and the database. */
  close(): Promise<void>;
}

export type Log = (message: string, error?: unknown) => void;

export const consoleLog: Log = (message, error) => {
  if (error) console.error(`[pkl] ${message}:`, error);
  else console.log(`[pkl] ${message}`);
};

/**
 * How long a request waits for another node to hand its workshop over before it is sent away ([Z3]).
 * A websocket client retries by itself, so it waits less; an API call would fail in front of a person.
 */
const LEASE_WAIT_HTTP_MS = 3000;
const LEASE_WAIT_SYNC_MS = 1000;

/** Composition root: builds every part from the parsed config and wires them together. */
export async function startApp(config: Config, log: Log = consoleLog): Promise<App> {
  const store = await openStore(config);
  const writer = store.openWriter();
  let sync: SyncServer | null = null;
  let leases: WorkshopLeases | null = null;
  const registry = new RoomRegistry({
    store,
    writer,
    idleUnloadMs: config.idleUnloadMs,
    compactAfterRows: config.compactAfterRows,
    compactAfterBytes: config.compactAfterBytes,
    maxStructsPerUpdate: config.maxStructsPerUpdate,
    maxDocBytes: config.maxDocBytes,
    log,
    loadPeople: async (workshopId) =>
      (await store.participantsOf(workshopId)).map((p) => ({
        id: p.id,
        name: p.name,
        partner: p.partner,
        access: p.access,
        removed: p.revoked,
      })),
    cardTextMax: config.cardTextMax,
    privateCheck: (workshopId: string, who: Principal): PrivateCheckContext => rounds.checkContext(workshopId, who),
    preparePrivate: (workshopId) => rounds.prepare(workshopId),
    mayLoad: config.databaseUrl ? (workshopId) => leases?.holds(workshopId) === true : undefined,
    onRoomDropped: (room) => {
      rounds.roomDropped(room);
      leases?.releaseIfUnused(room.workshopId);
    },
    onRoomFailed: (room) => sync?.closeRoom(room, CloseCode.SERVER_ERROR, 'the server could not store your change'),
    onRoomLoaded: (room) => {
      rounds.roomLoaded(room);
      if (room.docName.kind === 'private') rounds.watchPrivate(room);
      if (room.docName.kind !== 'session') return;
      watchSession(room, {
        onStepChange: (active) =>
          guard(`step versions of ${room.workshopId}`, () => versions.saveStepVersions(room.workshopId, active)),
        onReveal: () => guard(`reveal in ${room.workshopId}`, () => versions.revealAll(room.workshopId)),
        onStageChange: () => {
          guard(`stage change in ${room.workshopId}`, () => sync!.recheckWorkshop(room.workshopId));
          guard(`mandates of ${room.workshopId}`, () => versions.carryMandates(room.workshopId));
        },
        onRoundRequest: () => guard(`rounds of ${room.workshopId}`, () => rounds.settle(room.workshopId)),
        onMeetingStart: (label) =>
          guard(`meeting versions of ${room.workshopId}`, () => versions.saveMeetingVersions(room.workshopId, label)),
      });
    },
  });
  const versions = new VersionService(store, registry);
  const rounds: RoundService = new RoundService(store, registry);
  // Effects run outside any request: a failure is logged, never thrown into the event loop.
  const guard = (what: string, fn: () => unknown) => {
    Promise.resolve()
      .then(fn)
      .catch((error: unknown) => log(`${what} failed`, error));
  };
  sync = new SyncServer({
    registry,
    workshops: store,
    maxFrameBytes: config.maxFrameBytes,
    maxMessagesPerSecond: config.maxMessagesPerSecond,
    maxConnectionsPerToken: config.maxConnectionsPerToken,
    maxConnectionsPerAddress: config.maxConnectionsPerAddress,
    maxAwarenessPerSecond: config.maxAwarenessPerSecond,
    connectAttempts: {
      perSecond: config.connectsPerSecond,
      burst: config.connectBurst,
      maxAddresses: config.connectAddressesTracked,
    },
    maxBytesPerSecond: config.maxBytesPerSecond,
    trustProxy: config.trustProxy,
    maxPresenceBytes: config.maxPresenceBytes,
    maxPresenceBytesPerSecond: config.maxPresenceBytesPerSecond,
    log,
  });
  if (config.databaseUrl) {
    leases = await WorkshopLeases.open(
      { databaseUrl: config.databaseUrl, node: config.nodeName, audit: config.leaseAudit },
      {
        inUse: (workshopId) => registry.hasWorkshop(workshopId),
        flush: () => registry.committer.drain().then(() => writer.drain()),
        handOver: async (workshopId) => {
          log(`handing workshop ${workshopId} over to another node`);
          sync!.closeWorkshop(workshopId, CloseCode.ELSEWHERE, 'this workshop moves to another server');
          await registry.unloadWorkshop(workshopId);
        },
        lost: (workshopIds) => {
          for (const id of workshopIds) {
            sync!.closeWorkshop(id, CloseCode.ELSEWHERE, 'this server lost its database connection');
            registry.dropWorkshop(id);
          }
        },
        log,
      },
    );
  }
  /**
   * Change a workshop's document. In a cluster a request on /api/workshops/<id> holds the lease already;
   * creating a workshop (no id in its path) takes it here, and gives it up once the room unloads.
   */
  const withWorkshopDoc = async (workshopId: string, change: (doc: Room['doc']) => void) => {
    const apply = async () => {
      const room = await registry.get(roomName(workshopId as WorkshopId, 'workshop'));
      change(room.doc);
      registry.releaseIfIdle(room);
    };
    if (!leases || leases.holds(workshopId)) return apply();
    const held = leases;
    // A brand-new workshop (created on whichever node got the request): record, store and let go at
    // once, so the node the balancer picks for it gets it without asking ([Z3]).
    if (!(await held.acquireWithin(workshopId, LEASE_WAIT_HTTP_MS)))
      throw new Error(`workshop ${workshopId}: another server holds it`);
    try {
      await apply();
      const names = registry.loadedNames(workshopId);
      if (names.every((n) => (registry.peek(n)?.connections.size ?? 0) === 0))
        await registry.unloadWorkshop(workshopId);
    } finally {
      held.done(workshopId);
    }
  };
  const workshops = new WorkshopService(store, store, config.demoFixturePath, {
    async joined(workshopId, entry) {
      const { id, name, partner, access } = entry;
      await registry.personChanged(workshopId, { id, name, partner, access, removed: false });
      await withWorkshopDoc(workshopId, (doc) => upsertParticipant(doc, entry, SERVER));
    },
    async removed(workshopId, participantId) {
      sync!.closeParticipant(participantId, CloseCode.UNAUTHORIZED, 'removed by the facilitator');
      await registry.personChanged(workshopId, { id: participantId, removed: true });
      await withWorkshopDoc(workshopId, (doc) => markParticipantRemoved(doc, participantId, SERVER));
    },
  });
  const startedAt = Date.now();
  const backups = new BackupService(
    store,
    registry,
    workshops,
    (id) => sync!.closeWorkshop(id, CloseCode.NOT_FOUND, 'this workshop was deleted'),
    config.maxDocBytes,
  );
  const api = createApiHandler({
    workshops,
    versions,
    backups,
    exports: exportRoute({ workshops, exports: new ExportService(store, backups) }),
    maxImportBytes: config.maxImportBytes,
    maxBodyBytes: config.maxHttpBodyBytes,
    rates: {
      lookup: { limit: config.lookupsPerMinute, windowMs: 60_000 },
      join: { limit: config.joinsPerMinute, windowMs: 60_000 },
      create: { limit: config.createsPerMinute, windowMs: 60_000 },
    },
    trustProxy: config.trustProxy,
    log,
    health: () => ({
      ok: true,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      rooms: registry.size,
      connections: sync!.connectionCount,
    }),
  });
  const serveStatic = createStaticHandler(config.staticDir);

  const server = http.createServer((req, res) => {
    // Every response, whatever answers it, is never content-sniffed (T12).
    res.setHeader('x-content-type-options', 'nosniff');
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
      // A NUL byte or a broken escape is never a real path: answer and close, so no socket is held (T12).
      if (decodeURIComponent(pathname).includes('\0')) throw new Error('NUL in path');
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end('Bad request');
      return;
    }
    const workshopId = leases ? workshopOfPath(pathname) : null;
    if (leases && workshopId) {
      // In a cluster, a workshop's requests are answered by the node that holds it ([Z2]).
      const held = leases;
      held.acquireWithin(workshopId, LEASE_WAIT_HTTP_MS).then(
        (ok) => {
          if (!ok) {
            res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
            res.end(
              JSON.stringify({ error: 'elsewhere', message: 'This workshop is moving to another server. Try again.' }),
            );
            return;
          }
          res.once('close', () => held.done(workshopId));
          api(req, res, pathname);
        },
        (error) => {
          log(`lease of ${workshopId} could not be taken`, error);
          res
            .writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' })
            .end('{"error":"server_error"}');
        },
      );
    } else if (pathname === '/api' || pathname.startsWith('/api/')) api(req, res, pathname);
    else {
      try {
        serveStatic(req, res, pathname);
      } catch (error) {
        log(`static file error on ${pathname}`, error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
        res.end('Server error');
      }
    }
  });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    // Before anything that costs: the URL, the lease, the handshake and the token ([T19]).
    if (sync!.refuseFlood(req, socket)) return;
    let workshopId: string | null = null;
    try {
      workshopId = leases ? workshopOfPath(new URL(req.url ?? '/', 'http://localhost').pathname) : null;
    } catch {
      // Not a URL: the sync server refuses it below.
    }
    if (!leases || !workshopId) {
      if (!sync!.handleUpgrade(req, socket, head)) socket.destroy();
      return;
    }
    // The lease before the room: a node that cannot take it sends the client away to retry ([Z3]).
    const held = leases;
    const id = workshopId;
    held.acquireWithin(id, LEASE_WAIT_SYNC_MS).then(
      (ok) => {
        if (!ok) {
          if (!socket.destroyed)
            sync!.refuseUpgrade(req, socket, head, CloseCode.ELSEWHERE, 'this workshop is on another server');
          return;
        }
        // The lease stays counted as in use until the connection was accepted (its room loaded) or refused.
        const settled = () => held.done(id);
        if (socket.destroyed) settled();
        else if (!sync!.handleUpgrade(req, socket, head, settled)) {
          socket.destroy();
          settled();
        }
      },
      (error) => {
        log(`lease of ${id} could not be taken`, error);
        if (!socket.destroyed) sync!.refuseUpgrade(req, socket, head, CloseCode.SERVER_ERROR, 'database unavailable');
      },
    );
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      server.close();
      sync!.closeAll(CloseCode.GOING_AWAY, 'server is restarting');
      leases?.stop();
      await registry.closeAll();
      await leases?.close();
      await store.close();
      server.closeAllConnections();
    })());

  return { port, url: `http://localhost:${port}`, store, writer, registry, sync, leases, close };
}
