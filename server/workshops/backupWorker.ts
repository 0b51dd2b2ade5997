import { parentPort } from 'node:worker_threads';
import { HttpError } from '../http/respond.js';
import { checkBackup, type CheckedBackup } from './backupCheck.js';

/**
 * The import worker's side (started by checkBackupOffThread): parse the file and check and decode
 * everything in it here, off the server's event loop (T13). Only the checked result goes back, its
 * document states transferred (moved, not copied).
 */
export type BackupWorkerReply =
  | { ok: true; checked: CheckedBackup }
  | { ok: false; status: number; code: string; message: string; fields?: HttpError['fields'] };

parentPort!.once('message', ({ body, maxDocBytes }: { body: Uint8Array; maxDocBytes: number }) => {
  let reply: BackupWorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(body).toString('utf8') || 'null');
    } catch {
      throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
    }
    const checked = checkBackup(value, maxDocBytes);
    reply = { ok: true, checked };
    transfer = [...checked.docs.map(([, s]) => s), ...checked.versions.map((v) => v.stateBytes)].map(
      (s) => s.buffer as ArrayBuffer,
    );
  } catch (error) {
    reply =
      error instanceof HttpError
        ? { ok: false, status: error.status, code: error.code, message: error.message, fields: error.fields }
        : { ok: false, status: 400, code: 'invalid', message: 'This backup file could not be read.' };
  }
  parentPort!.postMessage(reply, transfer);
});
