import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { startWorker } from '../threads/startWorker.js';
import { HttpError } from '../http/respond.js';
import type { BackupSummary } from './backupCheck.js';
import type { BackupWorkerReply, BackupWorkerRequest } from './backupWorker.js';

/** A checked backup: its summary, and the port its rows come from until `stop`. */
export interface CheckedImport {
  backup: BackupSummary;
  /** Hand this to the store (Store.importWorkshop): it pulls the rows from the worker ([T18]). */
  rows: MessagePort;
  /** Ends the worker (after the store has the rows, or gave up). */
  stop(): void;
}

/**
 * Parse, check and decode a backup file in a worker thread (T13): a 50 MB file is seconds of one core
 * (JSON, base64, every document applied and its cards checked), during which no websocket would be
 * served. Resolves once everything is checked, with a summary; the rows stay in the worker until the
 * store pulls them over `rows` ([T18]), made under `workshopId`. Rejects with the 400 the check gave.
 */
export function checkBackupOffThread(
  body: Uint8Array,
  maxDocBytes: number,
  workshopId: string,
): Promise<CheckedImport> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(
      new URL(`./backupWorker${path.extname(new URL(import.meta.url).pathname)}`, import.meta.url),
    );
    const { port1, port2 } = new MessageChannel();
    // Ending the worker closes its end of the port, so a store still waiting for rows gives up.
    const stop = () => void worker.terminate();
    // Transferred, not copied: the body's memory moves to the worker.
    const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body : body.slice();
    worker.postMessage({ body: own, maxDocBytes, workshopId, rows: port1 } satisfies BackupWorkerRequest, [
      own.buffer as ArrayBuffer,
      port1,
    ]);
    let answered = false;
    worker.once('message', (m: BackupWorkerReply) => {
      answered = true;
      if (m.ok) resolve({ backup: m.backup, rows: port2, stop });
      else {
        stop();
        port2.close();
        reject(new HttpError(m.status, m.code, m.message, m.fields));
      }
    });
    worker.once('error', (error) => {
      answered = true;
      port2.close();
      reject(error);
    });
    worker.once('exit', () => {
      if (!answered) reject(new Error('the import worker stopped without an answer'));
    });
  });
}
