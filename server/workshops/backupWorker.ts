import { randomBytes } from 'node:crypto';
import { parentPort, type MessagePort } from 'node:worker_threads';
import { roomName } from '../../shared/protocol.js';
import { HttpError } from '../http/respond.js';
import { serveImport } from '../store/importStream.js';
import type { ImportedRow, NewParticipant } from '../store/Store.js';
import { type BackupSummary, checkBackup } from './backupCheck.js';

/**
 * The import worker's side (started by checkBackupOffThread): parse the file and check and decode
 * everything in it here, off the server's event loop (T13). Only a small summary goes back to the
 * server's thread; the rows (documents, versions, people) go to the store's writer over `rows`, a
 * slice at a time, their bytes transferred ([T18]). The thread lives until the store has them all.
 */
export type BackupWorkerReply =
  | { ok: true; backup: BackupSummary }
  | { ok: false; status: number; code: string; message: string; fields?: HttpError['fields'] };

/** From the server's thread: where the rows go, then the file a chunk at a time as it arrives, then its end. */
export type BackupWorkerMessage =
  | {
      start: {
        maxDocBytes: number;
        /** The new workshop's id (drawn by the server): the rows are made under it. */
        workshopId: string;
        rows: MessagePort;
      };
    }
  | { chunk: Uint8Array }
  | { end: true };

let start: Extract<BackupWorkerMessage, { start: unknown }>['start'] | null = null;
let chunks: Buffer[] = [];
parentPort!.on('message', (m: BackupWorkerMessage) => {
  if ('start' in m) start = m.start;
  else if ('chunk' in m) chunks.push(Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength));
  else {
    const body = Buffer.concat(chunks);
    chunks = [];
    check(body, start!);
  }
});

function check(body: Buffer, { maxDocBytes, workshopId, rows }: NonNullable<typeof start>): void {
  let reply: BackupWorkerReply;
  try {
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8') || 'null');
    } catch {
      throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
    }
    const { docs, versions, participants, ...summary } = checkBackup(value, maxDocBytes);
    value = null;
    const imported: ImportedRow[] = [
      ...docs.map(([doc, state]): ImportedRow => ({ kind: 'doc', room: roomName(workshopId, doc), workshopId, state })),
      ...versions.map(
        (v): ImportedRow => ({
          kind: 'version',
          version: {
            room: roomName(workshopId, v.doc),
            workshopId,
            kind: v.kind,
            label: v.label,
            cardCount: v.cardCount,
            state: v.stateBytes,
            createdAt: v.createdAt,
          },
        }),
      ),
    ];
    // People of the backup are kept for their names on cards, without a usable token.
    const noTokens = randomBytes(32 * participants.length);
    const people: NewParticipant[] = participants.map((p, i) => ({
      ...p,
      workshopId,
      access: 'participant',
      revoked: true,
      tokenHash: noTokens.subarray(32 * i, 32 * (i + 1)),
    }));
    serveImport(rows, imported, people);
    reply = { ok: true, backup: { ...summary, documents: docs.length, versions: versions.length } };
  } catch (error) {
    rows.close();
    reply =
      error instanceof HttpError
        ? { ok: false, status: error.status, code: error.code, message: error.message, fields: error.fields }
        : { ok: false, status: 400, code: 'invalid', message: 'This backup file could not be read.' };
  }
  parentPort!.postMessage(reply);
}
