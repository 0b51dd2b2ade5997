import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { startWorker } from '../threads/startWorker.js';
import { HttpError } from '../http/respond.js';
import type { BackupSummary } from './backupCheck.js';
import type { BackupWorkerMessage, BackupWorkerReply } from './backupWorker.js';

/** A checked backup: its summary, and the port its rows come from until `stop`. */
export interface CheckedImport {
  backup: BackupSummary;
  /** Hand this to the store (Store.importWorkshop): it pulls the rows from the worker ([T18]). */
  rows: MessagePort;
  /** Ends the worker (after the store has the rows, or gave up). */
  stop(): void;
}

/**
 * The file as it arrives: `read` hands each chunk to `write` and resolves once the whole file is
 * there (streamJsonBody), or rejects (too large, broken off).
 */
export type BackupBody = (write: (chunk: Uint8Array) => void) => Promise<unknown>;

/**
 * Parse, check and decode a backup file in a worker thread (T13): a 50 MB file is seconds of one core
 * (JSON, base64, every document applied and its cards checked), during which no websocket would be
 * served. The file goes to the worker a chunk at a time as it arrives, never whole on this thread
 * ([T18]: holding its tens of megabytes here made V8 collect garbage on the event loop). Resolves
 * once everything is checked, with a summary; the rows, made under `workshopId`, stay in the worker
 * until the store pulls them over `rows`. Rejects with the 4xx the body or the check gave.
 */
export async function checkBackupOffThread(
  read: BackupBody,
  maxDocBytes: number,
  workshopId: string,
): Promise<CheckedImport> {
  const worker = startWorker(
    new URL(`./backupWorker${path.extname(new URL(import.meta.url).pathname)}`, import.meta.url),
  );
  const { port1, port2 } = new MessageChannel();
  // Ending the worker closes its end of the port, so a store still waiting for rows gives up.
  const stop = () => void worker.terminate();
  const answer = new Promise<BackupWorkerReply>((resolve, reject) => {
    let answered = false;
    worker.once('message', (m: BackupWorkerReply) => {
      answered = true;
      resolve(m);
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', () => {
      if (!answered) reject(new Error('the import worker stopped without an answer'));
    });
  });
  // Settled here so a worker that fails while the body still arrives is no unhandled rejection.
  answer.catch(() => {});
  const send = (m: BackupWorkerMessage, transfer: MessagePort[] = []) => worker.postMessage(m, transfer);
  try {
    send({ start: { maxDocBytes, workshopId, rows: port1 } }, [port1]);
    // Each chunk is copied into the message (its memory is not this thread's heap), not kept here.
    await read((chunk) => send({ chunk }));
    send({ end: true });
    const m = await answer;
    if (!m.ok) throw new HttpError(m.status, m.code, m.message, m.fields);
    return { backup: m.backup, rows: port2, stop };
  } catch (error) {
    stop();
    port2.close();
    throw error;
  }
}
