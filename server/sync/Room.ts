import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { migrateMapDoc } from '../../shared/mapMeta.js';
import { MIGRATION, type ConnectionOrigin } from '../../shared/origins.js';
import type { DocName } from '../../shared/docName.js';
import { CloseCode } from '../../shared/protocol.js';
import { encodeNotice } from '../../shared/notices.js';
import type { Principal } from '../../shared/permissions.js';
import { mayCreateCards, readSession, writableColumns } from '../../shared/session.js';
import { applyGuarded, type GuardRules } from './columnGuard.js';
import { mapRules } from './rules/mapRules.js';
import type { WorkshopPerson } from '../../shared/agreement.js';
import type { Notice } from '../../shared/notices.js';
import { COLUMN_IDS } from '../../shared/columns.js';
import type { PeopleLookup } from '../../shared/authorship.js';
import { cardTextLimit, readWorkshopSettings } from '../../shared/workshopSettings.js';
import type { DocWriter, StoredDoc } from '../store/Store.js';
import type { CommitListener, Committer } from './Committer.js';
import { encodeAwareness, encodeSyncStep2, encodeUpdate } from './encode.js';
import { JoinState } from './JoinState.js';
import type { DecodedUpdate } from './decodeFrame.js';
import { isRefusal, validateUpdate, type Accepted, type Refusal } from './updateValidation.js';
import { SchemaCheck } from './updateSchema.js';
import { legacyWriterOf } from './legacyClients.js';
import { applyPrivateGuarded } from './privateGuard.js';
import type { PrivateCheckContext } from '../../shared/rounds/privateInputs.js';

/** A connection binds at most this many new Yjs client ids per update (a tab has one per document). */
const MAX_NEW_CLIENTS_PER_UPDATE = 4;

/** What a room needs from a connection; the websocket details stay in SyncServer. */
export interface RoomConnection {
  readonly origin: ConnectionOrigin;
  /** Awareness client ids this connection has published; it may publish no others. */
  readonly clientIds: Set<number>;
  readonly principal: Principal;
  send(message: Uint8Array): void;
}

export interface RoomOptions {
  name: string;
  workshopId: string;
  docName: DocName;
  /** What the store holds of this room, read before the room is built (RoomRegistry.get). */
  stored: StoredDoc;
  /** Owner (participant id) of each bound Yjs client id (T1), read with `stored`. */
  owners: Map<number, string>;
  /** Where compactions are written (the writer thread), in order with the commits. */
  writer: DocWriter;
  committer: Committer;
  log: (message: string, error?: unknown) => void;
  compactAfterRows: number;
  compactAfterBytes: number;
  onFatal: (room: Room, error: unknown) => void;
  /** Structs plus delete ranges accepted in one update (T5). */
  maxStructsPerUpdate: number;
  /** Stored size (snapshot plus log) a document may grow to (T5). */
  maxDocBytes: number;
  /** Everyone listed in the workshop (for who counts as present in a consensus, [K2]). */
  workshopPeople?: () => readonly WorkshopPerson[];
  /** The people of this workshop, for authorship ([H1]). */
  people: PeopleLookup;
  /** The card text limit when the workshop sets none (PKL_CARD_TEXT_MAX, [H4]). */
  cardTextMax: number;
  /** For private inputs documents: what a vote or score is checked against ([Q2], ADR 0025). */
  privateCheck?: (who: Principal) => PrivateCheckContext;
}

/**
 * One live document. Write path: apply (origin = connection) → queue for the group commit →
 * after the commit broadcast to every connection, the sender included (the echo is its ack).
 * Nothing leaves the room before it is on disk.
 */
export class Room implements CommitListener {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<RoomConnection>();
  /** Applied updates not yet durable, oldest first; each commit takes the ones it wrote. */
  private outbox: Uint8Array[] = [];
  /** Callbacks waiting until the updates applied before them are durable (`at`: count applied then). */
  private afterCommit: { at: number; fn: () => void }[] = [];
  private applied = 0;
  private committed = 0;
  private logRows: number;
  private logBytes: number;
  private snapshotBytes: number;
  /** Bytes applied but not yet committed (counted towards the size limit at once). */
  private queuedBytes = 0;
  private compactScheduled = false;
  destroyed = false;
  /** Other rooms that depend on this one being loaded (a map room pins its session room). */
  pins = 0;
  /** For map and drafts documents: the workshop's session room, whose state decides which columns are open. */
  sessionRoom: Room | null = null;
  /** What a new client (empty state vector) is sent, without encoding the whole document each time ([P10]). */
  private readonly joinState = new JoinState();
  /** The rooms this one pinned at load (its session; for a private document also the joint map). */
  pinnedRooms: Room[] = [];
  /** Owner (participant id) of each Yjs client id that wrote here (T1); stored with the updates. */
  private readonly owners: Map<number, string>;

  constructor(private readonly opts: RoomOptions) {
    const stored = opts.stored;
    // Loaded before any handler is attached: stored state is never re-logged or re-broadcast.
    Y.transact(
      this.doc,
      () => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
        for (const u of stored.updates) Y.applyUpdate(this.doc, u);
      },
      MIGRATION,
    );
    // Stored data from before per-sender validation may hold structs that never integrated. Pending
    // content is never served nor integrated later inside someone else's transaction (T2, T9).
    this.doc.store.pendingStructs = null;
    this.doc.store.pendingDs = null;
    this.owners = opts.owners;
    this.snapshotBytes = stored.snapshot?.byteLength ?? 0;
    this.logRows = stored.logRows;
    this.logBytes = stored.logBytes;
    this.doc.on('update', this.onDocUpdate);
    // After the update handler: a version written now is stored and sent like any change ([M14]).
    if (opts.docName.kind === 'map') migrateMapDoc(this.doc, MIGRATION);
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  get name(): string {
    return this.opts.name;
  }

  get docName(): DocName {
    return this.opts.docName;
  }

  get workshopId(): string {
    return this.opts.workshopId;
  }

  get hasPendingWrites(): boolean {
    return this.outbox.length > 0;
  }

  private onDocUpdate = (update: Uint8Array) => {
    this.outbox.push(update);
    this.applied++;
    this.queuedBytes += update.byteLength;
    this.opts.committer.enqueue(this, { room: this.opts.name, workshopId: this.opts.workshopId, data: update });
  };

  private onAwarenessUpdate = ({
    added,
    updated,
    removed,
  }: {
    added: number[];
    updated: number[];
    removed: number[];
  }) => {
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    const message = encodeAwareness(this.awareness, changed);
    for (const c of this.connections) c.send(message);
  };

  onCommitted(rows: number, bytes: number): void {
    this.logRows += rows;
    this.logBytes += bytes;
    this.queuedBytes -= bytes;
    this.committed += rows;
    // Only what this commit wrote: updates applied meanwhile wait for the next one.
    const updates = this.outbox.splice(0, rows);
    // One frame per connection per commit: the batch merged into one update (measured: ws.send per
    // update and connection was a quarter of the main thread at 5,400 writes/s).
    if (updates.length > 0 && !this.destroyed) {
      const message = encodeUpdate(updates.length === 1 ? updates[0] : Y.mergeUpdates(updates));
      for (const c of this.connections) c.send(message);
      this.joinState.committed(message);
    }
    const due = this.afterCommit.filter((c) => c.at <= this.committed);
    this.afterCommit = this.afterCommit.filter((c) => c.at > this.committed);
    for (const c of due) c.fn();
    if (this.logRows >= this.opts.compactAfterRows || this.logBytes >= this.opts.compactAfterBytes) {
      this.scheduleCompaction();
    }
  }

  onCommitFailed(error: unknown): void {
    // The live document now holds updates that are not on disk. Drop the room so it reloads from the
    // store; the clients still hold their edits and send them again when they reconnect.
    this.outbox = [];
    this.afterCommit = [];
    this.queuedBytes = 0;
    this.committed = this.applied;
    this.opts.onFatal(this, error);
  }

  /** Run `fn` once everything applied so far is durable (at once when nothing is pending). */
  whenCommitted(fn: () => void): void {
    if (this.outbox.length === 0) fn();
    else this.afterCommit.push({ at: this.applied, fn });
  }

  /**
   * Validate the update for its sender (updateValidation.ts) and apply it, or refuse it with nothing
   * applied. Returns the refusal, or null when it was applied (possibly reverted by the column guard).
   */
  /** What the document takes in storage now: snapshot, log and what is about to be logged. */
  get storedBytes(): number {
    return this.snapshotBytes + this.logBytes + this.queuedBytes;
  }

  applyClientUpdate(conn: RoomConnection, update: Uint8Array, decoded: DecodedUpdate): Refusal | null {
    if (this.storedBytes + update.byteLength > this.opts.maxDocBytes) {
      return { code: CloseCode.TOO_LARGE, reason: 'this document is full' };
    }
    const verdict = validateUpdate(this.doc, decoded, {
      participantId: conn.principal.participantId,
      owners: this.owners,
      reserved: new Set([this.doc.clientID]),
      maxNewClients: MAX_NEW_CLIENTS_PER_UPDATE,
      maxStructs: this.opts.maxStructsPerUpdate,
      legacyWriter: (clientId) => legacyWriterOf(this.doc, clientId),
    });
    if (isRefusal(verdict)) return verdict;
    const schema = new SchemaCheck(this.opts.docName.kind, verdict.landingOf).check(verdict.landing);
    if (schema) return schema;
    if (verdict.newClients.length) {
      for (const clientId of verdict.newClients) this.owners.set(clientId, conn.principal.participantId);
      this.opts.committer.enqueueOwners(
        verdict.newClients.map((clientId) => ({
          room: this.opts.name,
          workshopId: this.opts.workshopId,
          clientId,
          participantId: conn.principal.participantId,
        })),
      );
    }
    this.applyValid(conn, update, verdict);
    if (this.doc.store.pendingStructs || this.doc.store.pendingDs) {
      // Cannot happen after validation; if Yjs ever disagrees, nothing pending may stay behind.
      this.doc.store.pendingStructs = null;
      this.doc.store.pendingDs = null;
    }
    return null;
  }

  private applyValid(conn: RoomConnection, update: Uint8Array, accepted: Accepted): void {
    const { privateCheck } = this.opts;
    if (this.opts.docName.kind === 'private') {
      if (!privateCheck) throw new Error('a private document needs its checks');
      const notice = applyPrivateGuarded(this.doc, update, conn.origin, () => privateCheck(conn.principal));
      if (notice) conn.send(encodeNotice(notice));
      return;
    }
    const rules = this.guardRules(conn);
    if (!rules) {
      Y.applyUpdate(this.doc, update, conn.origin);
      return;
    }
    const notice = applyGuarded(this.doc, update, conn.origin, rules, accepted);
    if (notice) conn.send(encodeNotice(notice));
  }

  /** The content rules for a connection's change: map documents by the session, drafts by the card table only. */
  private guardRules(conn: RoomConnection): GuardRules | null {
    const kind = this.opts.docName.kind;
    const who = conn.principal;
    const { people } = this.opts;
    const cardTextMax = this.sessionRoom
      ? cardTextLimit(readWorkshopSettings(this.sessionRoom.doc), this.opts.cardTextMax)
      : this.opts.cardTextMax;
    if (kind === 'drafts')
      return { writable: new Set(COLUMN_IDS), mayCreate: true, doc: 'drafts', who, people, cardTextMax };
    if (kind !== 'map' || !this.sessionRoom) return null;
    const session = readSession(this.sessionRoom.doc);
    return {
      writable: writableColumns(session, who),
      mayCreate: mayCreateCards(session, who),
      doc: 'map',
      who,
      rules: mapRules({
        rule: session.agreementRule,
        map: this.opts.docName.kind === 'map' ? this.opts.docName.map : 'joint',
        people: () => this.opts.workshopPeople?.() ?? [],
        tell: (notice) => this.tellWithFacilitators(conn, notice),
      }),
      people,
      cardTextMax,
    };
  }

  /** A notice for the sender and every facilitator in this room (news, not a refusal). */
  private tellWithFacilitators(sender: RoomConnection, notice: Notice): void {
    const frame = encodeNotice(notice);
    for (const c of this.connections) if (c === sender || c.principal.access === 'facilitator') c.send(frame);
  }

  /**
   * Sync step 2 for a client: the state as it is now, sent once everything in it is durable. Encoded
   * now, not when the commit lands: by then the room may hold newer changes whose batch is still on
   * its way to disk (P8), and those must not leave the server in a step 2 either.
   * A new client gets the step 2 of the whole document encoded earlier, after the changes since
   * (JoinState, [P10]).
   */
  sendStateTo(conn: RoomConnection, stateVector: Uint8Array): void {
    // An empty state vector is one zero byte (no clients): every joiner gets the same bytes.
    const messages =
      stateVector.length === 1 && stateVector[0] === 0
        ? this.joinState.framesFor(this.doc)
        : [encodeSyncStep2(this.doc, stateVector)];
    this.whenCommitted(() => {
      if (this.destroyed || !this.connections.has(conn)) return;
      for (const m of messages) conn.send(m);
    });
  }

  sendAwarenessTo(conn: RoomConnection): void {
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length) conn.send(encodeAwareness(this.awareness, clients));
  }

  applyAwareness(conn: RoomConnection, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, conn);
  }

  removeConnection(conn: RoomConnection): void {
    if (!this.connections.delete(conn)) return;
    const ids = [...conn.clientIds].filter((id) => this.awareness.getStates().has(id));
    if (ids.length) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  /** Whether some other live connection already publishes this awareness client id. */
  isClientIdTaken(clientId: number, by: RoomConnection): boolean {
    for (const c of this.connections) if (c !== by && c.clientIds.has(clientId)) return true;
    return false;
  }

  private scheduleCompaction(): void {
    if (this.compactScheduled) return;
    this.compactScheduled = true;
    // Off the message path: runs after the current batch has been broadcast.
    setImmediate(() => {
      this.compactScheduled = false;
      if (!this.destroyed) this.compactNow();
    });
  }

  /**
   * Replace the log by a snapshot of the live document. Only when nothing is pending, so the snapshot
   * holds exactly what is committed; otherwise the next commit schedules it again.
   */
  compactNow(): boolean {
    if (this.outbox.length > 0) return false;
    if (this.logRows === 0) return true;
    const state = Y.encodeStateAsUpdate(this.doc);
    // Written after every commit already sent to the writer and before any later one; a failure
    // keeps the log, which holds the same state.
    this.opts.writer
      .compact(this.opts.name, this.opts.workshopId, state)
      .catch((error: unknown) =>
        this.opts.log(`room ${this.opts.name}: compaction failed; the update log is kept`, error),
      );
    this.snapshotBytes = state.byteLength;
    this.logRows = 0;
    this.logBytes = 0;
    return true;
  }

  destroy(): void {
    this.destroyed = true;
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.off('update', this.onDocUpdate);
    this.doc.destroy();
    this.connections.clear();
  }
}
