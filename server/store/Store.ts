import type { VersionInfo } from '../../shared/api.js';
import type { DocKind } from '../../shared/docName.js';
import type { Partner } from '../../shared/partners.js';
import type { Flow } from '../../shared/permissions.js';
import type { AccessRole } from '../../shared/roles.js';

/**
 * The storage interfaces. SQLite is the embedded default; a Postgres store can replace it behind the
 * same interface when one machine is no longer enough (see docs/ARCHITECTURE.md).
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

export interface DocStore {
  /** Snapshot plus every logged update of a room, in log order, read in one transaction. */
  loadDoc(room: string): { snapshot: Uint8Array | null; updates: Uint8Array[]; logRows: number; logBytes: number };
  /**
   * Append many updates in one transaction (group commit); durable when this returns. Client-id
   * bindings made by these updates go in the same transaction: an update is never stored without them.
   */
  appendUpdates(updates: readonly StoredUpdate[], owners?: readonly ClientOwner[]): void;
  /** Owner (participant id) of each bound Yjs client id of a room. */
  loadClientOwners(room: string): Map<number, string>;
  /** Replace a room's snapshot and drop its log rows, atomically. */
  compact(room: string, workshopId: string, state: Uint8Array): void;
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

export interface WorkshopStore {
  createWorkshop(w: WorkshopRecord): void;
  getWorkshop(id: string): WorkshopRecord | null;
  addParticipant(p: Omit<ParticipantRecord, 'revoked'>, tokenHash: Buffer): void;
  findParticipantByToken(workshopId: string, tokenHash: Buffer): ParticipantRecord | null;
  findWorkshopByCode(code: string): WorkshopRecord | null;
  getParticipant(workshopId: string, id: string): ParticipantRecord | null;
  /** Returns false when there was no such active participant. */
  revokeParticipant(workshopId: string, id: string): boolean;
  participantsOf(workshopId: string): ParticipantRecord[];
  deleteWorkshop(id: string): void;
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
  saveVersion(v: NewVersion): VersionInfo;
  /** Newest first. */
  listVersions(room: string): VersionInfo[];
  getVersion(workshopId: string, id: number): { info: VersionInfo; room: string; state: Uint8Array } | null;
  /** Stored room names of a workshop holding documents of this kind. */
  roomsOf(workshopId: string, kind: DocKind): string[];
}
