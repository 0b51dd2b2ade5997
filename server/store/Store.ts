import type { VersionInfo } from '../../shared/api.js';
import type { DocKind } from '../../shared/docName.js';
import type { Partner } from '../../shared/partners.js';
import type { Flow } from '../../shared/permissions.js';
import type { AccessRole } from '../../shared/roles.js';
import type { MessagePort } from 'node:worker_threads';

/**
 * The storage interfaces. SQLite is the embedded default; Postgres replaces it behind the same
 * interface when PKL_DATABASE_URL is set (docs/decisions/0030-postgres-store.md).
 */
export interface StoredUpdate {
  room: string;
  workshopId: string;
  data: Uint8Array;
}

/** A Yjs client id of a document bound to the participant who first wrote under it (docs/decisions/0012). */
export interface ClientOwner {
  room: string;
  workshopId: string;
  clientId: number;
  participantId: string;
}

/**
 * The writes of live rooms, off the event loop: each promise resolves once the write is durable, and
 * writes finish in the order they were made (docs/decisions/0022-commit-in-a-writer-thread.md).
 */
export interface DocWriter {
  /** Many updates in one transaction (group commit), with the client-id bindings they made. */
  appendUpdates(updates: readonly StoredUpdate[], owners?: readonly ClientOwner[]): Promise<void>;
  /** Replace a room's snapshot and drop its log rows, atomically. */
  compact(room: string, workshopId: string, state: Uint8Array): Promise<void>;
  /** Resolves when every write made so far has finished. */
  drain(): Promise<void>;
  /** Finish every write made so far, then stop. */
  close(): Promise<void>;
}

/** A room's stored state: snapshot plus every logged update, in log order. */
export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  logRows: number;
  logBytes: number;
}

/**
 * Every read and write returns a promise: SQLite answers at once, Postgres over the network
 * (docs/decisions/0030-postgres-store.md). Live rooms write through a DocWriter instead.
 */
export interface DocStore {
  /** Snapshot plus every logged update of a room, in log order, read in one transaction. */
  loadDoc(room: string): Promise<StoredDoc>;
  /**
   * Append many updates in one transaction (group commit); durable when it resolves. Client-id
   * bindings made by these updates go in the same transaction: an update is never stored without them.
   */
  appendUpdates(updates: readonly StoredUpdate[], owners?: readonly ClientOwner[]): Promise<void>;
  /** Owner (participant id) of each bound Yjs client id of a room. */
  loadClientOwners(room: string): Promise<Map<number, string>>;
  /** Replace a room's snapshot and drop its log rows, atomically. */
  compact(room: string, workshopId: string, state: Uint8Array): Promise<void>;
}

export interface WorkshopRecord {
  id: string;
  title: string;
  createdAt: number;
  partners: Partner[];
  joinCode: string;
  flow: Flow;
}

export interface ParticipantRecord {
  id: string;
  workshopId: string;
  name: string;
  partner: string;
  role: string;
  access: AccessRole;
  revoked: boolean;
}

/** A person created with their workshop (facilitator, projector, people of an imported backup). */
export interface NewParticipant extends ParticipantRecord {
  tokenHash: Buffer;
}

/** Thrown by createWorkshop when another workshop has the join code (the caller draws a new one). */
export class JoinCodeTaken extends Error {
  constructor(readonly code: string) {
    super(`join code ${code} is taken`);
  }
}

export interface WorkshopStore {
  /** The workshop and its first people in one transaction: it never exists without them. */
  createWorkshop(w: WorkshopRecord, people: readonly NewParticipant[]): Promise<void>;
  getWorkshop(id: string): Promise<WorkshopRecord | null>;
  addParticipant(p: Omit<ParticipantRecord, 'revoked'>, tokenHash: Buffer): Promise<void>;
  findParticipantByToken(workshopId: string, tokenHash: Buffer): Promise<ParticipantRecord | null>;
  findWorkshopByCode(code: string): Promise<WorkshopRecord | null>;
  getParticipant(workshopId: string, id: string): Promise<ParticipantRecord | null>;
  /** Resolves to false when there was no such active participant. */
  revokeParticipant(workshopId: string, id: string): Promise<boolean>;
  participantsOf(workshopId: string): Promise<ParticipantRecord[]>;
  /** Every row of the workshop, its documents and versions, in one transaction. */
  deleteWorkshop(id: string): Promise<void>;
}

export interface NewVersion {
  room: string;
  workshopId: string;
  kind: VersionInfo['kind'];
  label: string;
  cardCount: number;
  state: Uint8Array;
  /** Defaults to now; set when versions come from a backup. */
  createdAt?: number;
}

/** Named versions of map documents (at every step change, by hand, before a restore). Never deleted but with the workshop. */
export interface VersionStore {
  saveVersion(v: NewVersion): Promise<VersionInfo>;
  /** Newest first. */
  listVersions(room: string): Promise<VersionInfo[]>;
  getVersion(workshopId: string, id: number): Promise<{ info: VersionInfo; room: string; state: Uint8Array } | null>;
  /** Stored room names of a workshop holding documents of this kind. */
  roomsOf(workshopId: string, kind: DocKind): Promise<string[]>;
}

/** One write of an import: a document's state or a version (built in the import's worker, backupWorker.ts). */
export type ImportedRow =
  | { kind: 'doc'; room: string; workshopId: string; state: Uint8Array }
  | { kind: 'version'; version: NewVersion };

/** The whole store, SQLite or Postgres (server/store/openStore.ts chooses by configuration). */
export interface Store extends DocStore, WorkshopStore, VersionStore {
  /** Which engine: for logs and for tests that look at raw rows. */
  readonly engine: 'sqlite' | 'postgres';
  /**
   * A workshop from a backup: its documents and versions, then the workshop with its people (`people`
   * here, then the backup's own from `source`). The rows and the backup's people arrive from the worker
   * that checked them, a slice at a time (server/store/importStream.ts, [T18]). It exists only once
   * everything is written; a failure (also a kill -9) leaves nothing reachable (T13). A join code that
   * is taken is replaced by a new one; resolves with the code the workshop got.
   */
  importWorkshop(source: MessagePort, w: WorkshopRecord, people: readonly NewParticipant[]): Promise<string>;
  /** The writer of live rooms (commits and compactions, in order, durable when each resolves). */
  openWriter(): DocWriter;
  /**
   * A raw statement with `?` placeholders, for tests and maintenance only (the product uses the
   * methods above): rows of a read, nothing for a write. Keep to SQL both engines understand.
   */
  query(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** Closes the connections; the writer is closed first by its owner (RoomRegistry.closeAll). */
  close(): Promise<void>;
}
