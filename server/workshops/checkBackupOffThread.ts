import path from 'node:path';
import { startWorker } from '../threads/startWorker.js';
import { HttpError } from '../http/respond.js';
import type { CheckedBackup } from './backupCheck.js';
import type { BackupWorkerReply } from './backupWorker.js';

/**
 * Parse, check and decode a backup file in a worker thread (T13): a 50 MB file is seconds of one core
 * (JSON, base64, every document applied and its cards checked), during which no websocket would be
 * served. Resolves with the checked backup; rejects with the 400 the check gave.
 */
export function checkBackupOffThread(body: Uint8Array, maxDocBytes: number): Promise<CheckedBackup> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(
      new URL(`./backupWorker${path.extname(new URL(import.meta.url).pathname)}`, import.meta.url),
    );
    // Transferred, not copied: the body's memory moves to the worker.
    const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body : body.slice();
    worker.postMessage({ body: own, maxDocBytes }, [own.buffer as ArrayBuffer]);
    let answered = false;
    worker.once('message', (m: BackupWorkerReply) => {
      answered = true;
      void worker.terminate();
      if (m.ok) resolve(m.checked);
      else reject(new HttpError(m.status, m.code, m.message, m.fields));
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', () => {
      if (!answered) reject(new Error('the import worker stopped without an answer'));
    });
  });
}
