import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { HttpError } from '../http/respond.js';
import type { CheckedBackup } from './backupCheck.js';
import type { BackupWorkerReply } from './backupWorker.js';

/**
 * The worker runs backupWorker.ts. Under tsx (how the server runs, and the tests) a worker does not
 * inherit the TypeScript loader, so it registers tsx itself before importing the entry; built to
 * JavaScript, the entry is imported as it is.
 */
function workerSource(): string {
  const here = fileURLToPath(import.meta.url);
  const entry = pathToFileURL(path.join(path.dirname(here), `backupWorker${path.extname(here)}`)).href;
  if (!here.endsWith('.ts')) return `import(${JSON.stringify(entry)});`;
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
}

/**
 * Parse, check and decode a backup file in a worker thread (T13): a 50 MB file is seconds of one core
 * (JSON, base64, every document applied and its cards checked), during which no websocket would be
 * served. Resolves with the checked backup; rejects with the 400 the check gave.
 */
export function checkBackupOffThread(body: Uint8Array, maxDocBytes: number): Promise<CheckedBackup> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource(), { eval: true });
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
