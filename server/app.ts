import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkshopId } from '../shared/ids.js';
import { SERVER } from '../shared/origins.js';
import { CloseCode, roomName } from '../shared/protocol.js';
import { markParticipantRemoved, upsertParticipant } from '../shared/workshopDoc.js';
import type { Config } from './config.js';
import type { Principal } from '../shared/permissions.js';
import type { PrivateCheckContext } from '../shared/rounds/privateInputs.js';
import { ExportService } from './export/ExportService.js';
import { createApiHandler } from './http/api.js';
import { exportRoute } from './http/exportRoutes.js';
import { createStaticHandler } from './http/staticFiles.js';
import { openStore } from './store/openStore.js';
import type { DocWriter, Store } from './store/Store.js';
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
  /** Graceful: stop accepting, commit and snapshot everything, close connections and the database. */
  close(): Promise<void>;
}

export type Log = (message: string, error?: unknown) => void;

export const consoleLog: Log = (message, error) => {
  if (error) console.error(`[pkl] ${message}:`, error);
  else console.log(`[pkl] ${message}`);
};

/** Composition root: builds every part from the parsed config and wires them together. */
export async function startApp(config: Config, log: Log = consoleLog): Promise<App> {
  const store = await openStore(config);
  const writer = store.openWriter();
  let sync: SyncServer | null = null;
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
    onRoomDropped: (room) => rounds.roomDropped(room),
    onRoomFailed: (room) => sync?.closeRoom(room, CloseCode.SERVER_ERROR, 'the server could not store your change'),
    onRoomLoaded: (room) => {
      rounds.roomLoaded(room);
      if (room.docName.kind !== 'session') return;
      watchSession(room, {
        onStepChange: (active) =>
          guard(`step versions of ${room.workshopId}`, () => versions.saveStepVersions(room.workshopId, active)),
        onReveal: () => guard(`reveal in ${room.workshopId}`, () => versions.revealAll(room.workshopId)),
        onStageChange: () => guard(`stage change in ${room.workshopId}`, () => sync!.recheckWorkshop(room.workshopId)),
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
    maxBytesPerSecond: config.maxBytesPerSecond,
    trustProxy: config.trustProxy,
    maxPresenceBytes: config.maxPresenceBytes,
    maxPresenceBytesPerSecond: config.maxPresenceBytesPerSecond,
    log,
  });
  const workshopDoc = (workshopId: string) => registry.get(roomName(workshopId as WorkshopId, 'workshop'));
  const workshops = new WorkshopService(store, store, config.demoFixturePath, {
    async joined(workshopId, entry) {
      const { id, name, partner, access } = entry;
      await registry.personChanged(workshopId, { id, name, partner, access, removed: false });
      const room = await workshopDoc(workshopId);
      upsertParticipant(room.doc, entry, SERVER);
      registry.releaseIfIdle(room);
    },
    async removed(workshopId, participantId) {
      sync!.closeParticipant(participantId, CloseCode.UNAUTHORIZED, 'removed by the facilitator');
      await registry.personChanged(workshopId, { id: participantId, removed: true });
      const room = await workshopDoc(workshopId);
      markParticipantRemoved(room.doc, participantId, SERVER);
      registry.releaseIfIdle(room);
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
    if (pathname === '/api' || pathname.startsWith('/api/')) api(req, res, pathname);
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
    if (!sync!.handleUpgrade(req, socket, head)) socket.destroy();
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
      await registry.closeAll();
      await store.close();
      server.closeAllConnections();
    })());

  return { port, url: `http://localhost:${port}`, store, writer, registry, sync, close };
}
