import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { connectionOrigin, type ConnectionOrigin } from '../../shared/origins.js';
import { canReadDoc, canWriteDoc, type AccessContext, type Flow, type Principal } from '../../shared/permissions.js';
import { readSession } from '../../shared/session.js';
import { readWorkshopSettings } from '../../shared/workshopSettings.js';
import { CloseCode, MESSAGE_AWARENESS, SYNC_PATH, parseRoomName } from '../../shared/protocol.js';
import { randomId } from '../../shared/ids.js';
import { partnerOfMap } from '../../shared/docName.js';
import { hashToken, isTokenShaped } from '../auth/tokens.js';
import type { WorkshopStore } from '../store/Store.js';
import { decodeFrame, MalformedFrame, type AwarenessEntry } from './decodeFrame.js';
import { encodeAwarenessEntries } from './encode.js';
import { encodeSyncStep1 } from './encode.js';
import type { Room, RoomConnection } from './Room.js';
import type { RoomRegistry } from './RoomRegistry.js';
import { addsNothingNew } from './updateInspection.js';
import { TokenBucket } from './TokenBucket.js';
import { ConnectAttempts, type ConnectAttemptRule } from './ConnectAttempts.js';
import { clientAddress } from '../http/clientAddress.js';
import { presenceBytes, stampPresence, type PresenceIdentity } from './presenceStamp.js';

export interface SyncServerOptions {
  registry: RoomRegistry;
  workshops: WorkshopStore;
  maxFrameBytes: number;
  maxMessagesPerSecond: number;
  maxConnectionsPerToken: number;
  maxConnectionsPerAddress: number;
  maxAwarenessPerSecond: number;
  /** Connect attempts per address ([T19], [T20]). */
  connectAttempts: ConnectAttemptRule;
  /** Believe X-Forwarded-For for the client address (PKL_TRUST_PROXY). */
  trustProxy: boolean;
  /** Update bytes per participant per second (T5). */
  maxBytesPerSecond: number;
  /** Largest presence state (JSON bytes) and presence bytes per second per connection (T8). */
  maxPresenceBytes: number;
  maxPresenceBytesPerSecond: number;
  log: (message: string, error?: unknown) => void;
}

/** Messages a connection may send while it is being accepted (they wait until it is). */
const MAX_EARLY_MESSAGES = 64;

/** At most this many awareness client ids per connection (a provider uses one; a reload may bring a new one). */
const MAX_CLIENT_IDS_PER_CONNECTION = 4;

/**
 * Keep the presence entries a connection may set: its own. The upstream provider re-broadcasts every
 * awareness change it receives, so entries of other live clients arrive all the time; those are
 * echoes and are dropped, unless they are newer than what the server knows, which is a real attempt
 * to change someone else's presence and is refused.
 * The server is the clock authority for the ids a connection owns: a client that comes back after
 * its state was removed still has its old clock, which every peer would ignore, so its entries are
 * lifted just above the last clock the server knows.
 */
function filterOwnPresence(conn: Connection, room: Room, entries: AwarenessEntry[]): AwarenessEntry[] | 'refuse' {
  const own: AwarenessEntry[] = [];
  for (const entry of entries) {
    const known = room.awareness.meta.get(entry.clientId);
    if (!conn.clientIds.has(entry.clientId)) {
      if (room.isClientIdTaken(entry.clientId, conn)) {
        if (known && entry.clock > known.clock) return 'refuse';
        continue;
      }
      // Removals of clients nobody owns are echoes of someone leaving; only a live state claims an id.
      if (entry.state === null) continue;
      if (conn.clientIds.size >= MAX_CLIENT_IDS_PER_CONNECTION) return 'refuse';
      conn.clientIds.add(entry.clientId);
    }
    own.push({ ...entry, clock: Math.max(entry.clock, (known?.clock ?? -1) + 1) });
  }
  return own;
}

class Connection implements RoomConnection {
  readonly origin: ConnectionOrigin;
  readonly clientIds = new Set<number>();
  room: Room | null = null;
  closed = false;
  /** Whether the client has answered our sync step 1 (after it, nothing it sends may be pending). */
  sentStep2 = false;
  /** Whether this connection still counts towards its address's limit (see makeRoomAtAddress). */
  countedAtAddress = true;

  constructor(
    readonly ws: WebSocket,
    readonly principal: Principal,
    readonly flow: Flow,
    readonly tokenKey: string,
    readonly address: string,
    readonly bucket: TokenBucket,
    readonly byteBucket: TokenBucket,
    readonly awarenessBucket: TokenBucket,
    readonly awarenessFrameBucket: TokenBucket,
    readonly presenceBytes: TokenBucket,
    readonly identity: PresenceIdentity,
  ) {
    this.origin = connectionOrigin(randomId(12));
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(message, { binary: true }, (err) => {
      if (err) this.close(CloseCode.SERVER_ERROR, 'send failed');
    });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    // Close reasons are limited to 123 bytes by the websocket protocol.
    this.ws.close(code, reason.slice(0, 120));
  }
}

/**
 * The websocket sync endpoint: standard y-websocket protocol on /sync/<workshopId>/<docName>?token=…
 * Authenticates each connection, decodes every frame strictly, enforces document permissions and
 * limits, and hands valid updates to the room's write path.
 */
export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly perToken = new Map<string, number>();
  private readonly perAddress = new Map<string, number>();
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly byteBuckets = new Map<string, TokenBucket>();
  private readonly attempts: ConnectAttempts;

  constructor(private readonly opts: SyncServerOptions) {
    // ws enforces an upper bound itself; frames between maxFrameBytes and this bound get our clearer TOO_LARGE code.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxFrameBytes * 2 });
    this.attempts = new ConnectAttempts(opts.connectAttempts);
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Addresses whose connect attempts are remembered now (bounded, [T20]). */
  get trackedAddresses(): number {
    return this.attempts.size;
  }

  /**
   * The first thing an upgrade meets ([T19]): an address over its connect attempts gets a plain HTTP 429
   * and the socket closed, before the handshake, the token or a lease. A browser sees a failed connect
   * (close 1006), which every provider retries after its back-off; a 4429 close would cost the whole
   * handshake and makes the upstream provider's default give up (it treats 4400–4499 as final).
   * Returns true when it refused.
   */
  refuseFlood(req: IncomingMessage, socket: Duplex): boolean {
    const wait = this.attempts.take(clientAddress(req, this.opts.trustProxy));
    if (wait === 0) return false;
    // Written whole in one go, then closed once flushed: nothing of the request is read.
    socket.once('finish', () => socket.destroy());
    socket.end(
      `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${wait}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
    );
    return true;
  }

  /**
   * Attach to the HTTP server's upgrade event. Returns false when the path is not ours; otherwise
   * `settled` is called once the connection was accepted or refused.
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, settled?: () => void): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(`${SYNC_PATH}/`)) return false;
    const address = clientAddress(req, this.opts.trustProxy);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (err) => this.opts.log('websocket error', err));
      // The checks read the store (asynchronous with Postgres): what the client sends meanwhile waits
      // in order and is handled once the connection is accepted, or dropped with it.
      const early: [Buffer, boolean][] = [];
      let earlyBytes = 0;
      const hold = (data: Buffer, isBinary: boolean) => {
        earlyBytes += data.byteLength;
        // A client does not send much before its first answer; more is refused, not buffered (T5).
        if (early.length >= MAX_EARLY_MESSAGES || earlyBytes > this.opts.maxFrameBytes * 2)
          return this.refuse(ws, CloseCode.SLOW_DOWN, 'too many messages, slow down');
        early.push([data, isBinary]);
      };
      ws.on('message', hold);
      this.accept(ws, url, address)
        .catch((error: unknown) => {
          this.opts.log('could not accept a connection', error);
          this.refuse(ws, CloseCode.SERVER_ERROR, 'server error');
          return null;
        })
        .then((conn) => {
          settled?.();
          ws.off('message', hold);
          if (!conn) return;
          ws.on('message', (data, isBinary) => this.onMessage(conn, data as Buffer, isBinary));
          for (const [data, isBinary] of early) this.onMessage(conn, data, isBinary);
        });
    });
    return true;
  }

  /**
   * Complete the websocket handshake only to close at once with this code: a browser sees close codes,
   * never an HTTP status, so this is how a client learns to retry (a cluster node without the lease, [Z3]).
   */
  refuseUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, code: number, reason: string): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => {});
      this.refuse(ws, code, reason);
    });
  }

  private refuse(ws: WebSocket, code: number, reason: string): null {
    if (ws.readyState === WebSocket.OPEN) ws.close(code, reason);
    return null;
  }

  /** The accepted connection, or null when it was refused (and closed). */
  private async accept(ws: WebSocket, url: URL, address: string): Promise<Connection | null> {
    let roomName: string;
    try {
      roomName = decodeURIComponent(url.pathname.slice(SYNC_PATH.length + 1));
    } catch {
      return this.refuse(ws, CloseCode.NOT_FOUND, 'unknown document');
    }
    const parsed = parseRoomName(roomName);
    if (!parsed) return this.refuse(ws, CloseCode.NOT_FOUND, 'unknown document');
    // The token first: it is one indexed lookup, and nothing about the workshop is read for a stranger.
    const token = url.searchParams.get('token');
    if (!isTokenShaped(token)) return this.refuse(ws, CloseCode.UNAUTHORIZED, 'missing or invalid token');
    const participant = await this.opts.workshops.findParticipantByToken(parsed.workshop, hashToken(token));
    const workshop = await this.opts.workshops.getWorkshop(parsed.workshop);
    if (!participant && !workshop) return this.refuse(ws, CloseCode.NOT_FOUND, 'unknown workshop');
    if (!participant || !workshop || participant.revoked)
      return this.refuse(ws, CloseCode.UNAUTHORIZED, 'invalid or revoked token');
    // Only drafts of someone in this workshop exist; no random drafts room is ever loaded (T12).
    if (
      (parsed.doc.kind === 'drafts' || parsed.doc.kind === 'private') &&
      !(await this.opts.workshops.getParticipant(workshop.id, parsed.doc.participant))
    ) {
      return this.refuse(ws, CloseCode.NOT_FOUND, 'unknown document');
    }
    const principal: Principal = {
      access: participant.access,
      participantId: participant.id,
      partner: participant.partner,
    };
    const partnerId = partnerOfMap(parsed.doc);
    if (partnerId && !workshop.partners.some((p) => p.id === partnerId))
      return this.refuse(ws, CloseCode.NOT_FOUND, 'unknown map');
    if (!canReadDoc(principal, parsed.doc, await this.accessContext(workshop.id, workshop.flow))) {
      return this.refuse(ws, CloseCode.FORBIDDEN, 'no access to this document');
    }
    // Gone while the store was read (an open-and-drop flood, [T19]): its close event has passed, so
    // counted from here on it would never be uncounted, and it would hold its token's and address's
    // places and its memory for good. From this check to the close listener below nothing waits.
    if (ws.readyState !== WebSocket.OPEN) return null;
    const tokenKey = participant.id;
    const open = this.perToken.get(tokenKey) ?? 0;
    if (open >= this.opts.maxConnectionsPerToken) return this.refuse(ws, CloseCode.SLOW_DOWN, 'too many connections');
    if (
      (this.perAddress.get(address) ?? 0) >= this.opts.maxConnectionsPerAddress &&
      !this.makeRoomAtAddress(address, tokenKey)
    ) {
      return this.refuse(ws, CloseCode.SLOW_DOWN, 'too many connections from this address');
    }
    this.perToken.set(tokenKey, open + 1);

    let bucket = this.buckets.get(tokenKey);
    if (!bucket) {
      bucket = new TokenBucket(this.opts.maxMessagesPerSecond, this.opts.maxMessagesPerSecond * 4);
      this.buckets.set(tokenKey, bucket);
    }
    let byteBucket = this.byteBuckets.get(tokenKey);
    if (!byteBucket) {
      // The burst lets a returning client send its offline work (up to two full frames) at once.
      byteBucket = new TokenBucket(this.opts.maxBytesPerSecond, Math.max(4 * 1024 * 1024, this.opts.maxFrameBytes * 2));
      this.byteBuckets.set(tokenKey, byteBucket);
    }
    const awarenessBucket = new TokenBucket(this.opts.maxAwarenessPerSecond, this.opts.maxAwarenessPerSecond * 2);
    // Echoes scale with the room: allow a whole 40-person room's presence changes plus headroom.
    const frameRate = this.opts.maxAwarenessPerSecond * 40;
    const identity: PresenceIdentity = {
      id: participant.id,
      name: participant.name,
      partner: participant.partner,
      partnerName: workshop.partners.find((p) => p.id === participant.partner)?.name ?? '',
      role: participant.role,
    };
    const presenceBytes = new TokenBucket(this.opts.maxPresenceBytesPerSecond, this.opts.maxPresenceBytesPerSecond * 2);
    const conn = new Connection(
      ws,
      principal,
      workshop.flow,
      tokenKey,
      address,
      bucket,
      byteBucket,
      awarenessBucket,
      new TokenBucket(frameRate, frameRate * 2),
      presenceBytes,
      identity,
    );
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    this.connections.add(conn);
    ws.on('close', () => this.onClose(conn));

    let room: Room;
    try {
      room = await this.opts.registry.get(roomName);
    } catch (error) {
      this.opts.log(`could not load room ${roomName}`, error);
      conn.close(CloseCode.SERVER_ERROR, 'could not load document');
      return null;
    }
    // Closed while the room loaded: onClose has run already and must not miss the room.
    if (conn.closed) {
      this.opts.registry.releaseIfIdle(room);
      return null;
    }
    conn.room = room;
    room.connections.add(conn);
    conn.send(encodeSyncStep1(room.doc));
    room.sendAwarenessTo(conn);
    return conn;
  }

  /**
   * A full address (a venue's Wi-Fi, a proxy) is shared fairly (T12): a newcomer gets in by closing
   * one connection of whoever holds the most there, as long as that is more than the newcomer would
   * then hold. So one person with many connections can never lock everyone else at that address out.
   */
  private makeRoomAtAddress(address: string, tokenKey: string): boolean {
    const byToken = new Map<string, Connection[]>();
    for (const c of this.connections) {
      if (c.address !== address || c.closed) continue;
      byToken.set(c.tokenKey, [...(byToken.get(c.tokenKey) ?? []), c]);
    }
    let heaviest: Connection[] = [];
    for (const list of byToken.values()) if (list.length > heaviest.length) heaviest = list;
    const mine = byToken.get(tokenKey)?.length ?? 0;
    if (heaviest.length <= mine + 1) return false;
    heaviest[0].close(CloseCode.SLOW_DOWN, 'too many connections from this address');
    // Counted as gone at once; its close event arrives later.
    this.perAddress.set(address, (this.perAddress.get(address) ?? 1) - 1);
    heaviest[0].countedAtAddress = false;
    return true;
  }

  private onMessage(conn: Connection, data: Buffer, isBinary: boolean): void {
    const room = conn.room;
    if (conn.closed || !room || room.destroyed) return;
    if (!isBinary) return conn.close(CloseCode.MALFORMED, 'text frames are not part of the protocol');
    if (data.byteLength > this.opts.maxFrameBytes) return conn.close(CloseCode.TOO_LARGE, 'message too large');
    // Presence frames have their own, larger budget: the upstream provider echoes every presence change
    // of the room back to the server, so their rate grows with the room, not with this client.
    const bucket = data[0] === MESSAGE_AWARENESS ? conn.awarenessFrameBucket : conn.bucket;
    if (!bucket.take()) return conn.close(CloseCode.SLOW_DOWN, 'too many messages, slow down');
    if (data[0] !== MESSAGE_AWARENESS && !conn.byteBucket.take(data.byteLength)) {
      return conn.close(CloseCode.SLOW_DOWN, 'too much data, slow down');
    }
    try {
      this.dispatch(conn, room, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (error) {
      if (error instanceof MalformedFrame) {
        conn.close(CloseCode.MALFORMED, `malformed message: ${error.message}`);
      } else {
        this.opts.log(`error handling a message in ${room.name}`, error);
        conn.close(CloseCode.SERVER_ERROR, 'server error');
      }
    }
  }

  private dispatch(conn: Connection, room: Room, data: Uint8Array): void {
    const frame = decodeFrame(data);
    switch (frame.type) {
      case 'sync-step1':
        room.sendStateTo(conn, frame.stateVector);
        return;
      case 'sync-update': {
        if (!canWriteDoc(conn.principal, room.docName, this.roomContext(conn, room))) {
          // A read-only client may resend what it already got from us; only a real write is refused.
          if (addsNothingNew(room.doc, frame.update)) return;
          return conn.close(CloseCode.FORBIDDEN, 'you may not change this document');
        }
        let refusal: ReturnType<typeof room.applyClientUpdate>;
        try {
          refusal = room.applyClientUpdate(conn, frame.update, frame.decoded);
        } catch (error) {
          throw new MalformedFrame(error instanceof Error ? error.message : 'update could not be applied');
        }
        if (refusal?.pending && !conn.sentStep2) {
          // Between connecting and the client's sync step 2, a provider may send a local edit that
          // builds on its own offline edits the server does not have yet; its step 2 brings all of
          // them. Such an update is dropped whole (nothing applied, stored or served), not refused.
          return;
        }
        if (refusal) return conn.close(refusal.code, refusal.reason);
        if (frame.step2) conn.sentStep2 = true;
        return;
      }
      case 'awareness': {
        const own = filterOwnPresence(conn, room, frame.entries);
        if (own === 'refuse') return conn.close(CloseCode.FORBIDDEN, 'you may only set your own presence');
        // A read-only screen (the projector) is nobody in the room: it publishes no presence (T8).
        const publish = conn.principal.access === 'projector' ? own.filter((e) => e.state === null) : own;
        if (publish.length === 0) return;
        // Only changes of one's own presence count here; echoes of others were dropped above.
        if (!conn.awarenessBucket.take())
          return conn.close(CloseCode.SLOW_DOWN, 'too many presence updates, slow down');
        const stamped = publish.map((e) => ({ ...e, state: stampPresence(e.state, conn.identity) }));
        let bytes = 0;
        for (const e of stamped) {
          const n = presenceBytes(e);
          if (n > this.opts.maxPresenceBytes) return conn.close(CloseCode.TOO_LARGE, 'presence state too large');
          bytes += n;
        }
        if (!conn.presenceBytes.take(bytes))
          return conn.close(CloseCode.SLOW_DOWN, 'too much presence data, slow down');
        room.applyAwareness(conn, encodeAwarenessEntries(stamped));
        return;
      }
      case 'query-awareness':
        room.sendAwarenessTo(conn);
        return;
      default: {
        const never: never = frame;
        throw new MalformedFrame(`unhandled frame ${String(never)}`);
      }
    }
  }

  /** Flow and stage of a workshop; the stage lives in its session document (loaded if needed). */
  private async accessContext(workshopId: string, flow: Flow): Promise<AccessContext> {
    const session = await this.opts.registry.get(`${workshopId}/session`);
    const stage = flow === 'joint' ? 'heterogeneous' : readSession(session.doc).stage;
    const { draftsReadable } = readWorkshopSettings(session.doc);
    this.opts.registry.releaseIfIdle(session);
    return { flow, stage, draftsReadable };
  }

  private roomContext(conn: Connection, room: Room): AccessContext {
    if (conn.flow === 'joint') return { flow: 'joint', stage: 'heterogeneous' };
    return { flow: conn.flow, stage: room.sessionRoom ? readSession(room.sessionRoom.doc).stage : 'homogeneous' };
  }

  /** After the stage (or drafts reading, [H6]) changed: close connections to documents their owner may no longer open. */
  async recheckWorkshop(workshopId: string): Promise<void> {
    for (const c of [...this.connections]) {
      const room = c.room;
      if (!room || room.workshopId !== workshopId) continue;
      if (!canReadDoc(c.principal, room.docName, await this.accessContext(workshopId, c.flow))) {
        c.close(CloseCode.FORBIDDEN, 'this map is closed in this part of the session');
      }
    }
  }

  private onClose(conn: Connection): void {
    conn.closed = true;
    this.connections.delete(conn);
    const left = (this.perToken.get(conn.tokenKey) ?? 1) - 1;
    if (left <= 0) {
      this.perToken.delete(conn.tokenKey);
      this.buckets.delete(conn.tokenKey);
      this.byteBuckets.delete(conn.tokenKey);
    } else this.perToken.set(conn.tokenKey, left);
    if (conn.countedAtAddress) {
      const fromAddress = (this.perAddress.get(conn.address) ?? 1) - 1;
      if (fromAddress <= 0) this.perAddress.delete(conn.address);
      else this.perAddress.set(conn.address, fromAddress);
    }
    const room = conn.room;
    if (room && !room.destroyed) {
      room.removeConnection(conn);
      this.opts.registry.releaseIfIdle(room);
    }
  }

  /** Close every connection of a room (after its commit failed or its workshop was deleted). */
  closeRoom(room: Room, code: number, reason: string): void {
    for (const c of this.connections) if (c.room === room) c.close(code, reason);
  }

  closeParticipant(participantId: string, code: number, reason: string): void {
    for (const c of this.connections) if (c.principal.participantId === participantId) c.close(code, reason);
  }

  closeWorkshop(workshopId: string, code: number, reason: string): void {
    for (const c of this.connections) if (c.room?.workshopId === workshopId) c.close(code, reason);
  }

  closeAll(code: number, reason: string): void {
    for (const c of this.connections) c.close(code, reason);
    for (const c of this.connections) c.ws.terminate();
    this.wss.close();
  }
}
