import { Worker } from 'node:worker_threads';
import { HttpError } from './respond.js';

/**
 * JSON.parse of a large body (a backup import, up to PKL_MAX_IMPORT_BYTES) off the event loop (T13):
 * parsing 50 MB takes seconds of one core, during which no websocket would be served. One worker per
 * call; the parsed value comes back by structured clone. Plain JavaScript (no loader needed).
 */
const SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.once('message', (workerData) => {
let message;
try {
  const value = JSON.parse(Buffer.from(workerData.body).toString('utf8') || 'null');
  // Count limits are checked here, so a huge list never has to be copied back to the main thread.
  const over = Object.entries(workerData.maxItems).find(([key, max]) => {
    const v = value && typeof value === 'object' ? value[key] : undefined;
    const n = Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0;
    return n > max;
  });
  message = over ? { ok: false, tooMany: over[0], max: over[1] } : { ok: true, value };
} catch {
  message = { ok: false };
}
parentPort.postMessage(message);
});
`;

/** `maxItems`: top-level lists (or objects) of the body and how many entries each may have. */
export function parseJsonOffThread(body: Uint8Array, maxItems: Record<string, number> = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SOURCE, { eval: true });
    // Transferred, not copied: the body's memory moves to the worker.
    const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body : body.slice();
    worker.postMessage({ body: own, maxItems }, [own.buffer as ArrayBuffer]);
    worker.once('message', (m: { ok: boolean; value?: unknown; tooMany?: string; max?: number }) => {
      void worker.terminate();
      if (m.ok) resolve(m.value);
      else if (m.tooMany) reject(new HttpError(400, 'invalid', `The body holds more than ${m.max} ${m.tooMany}.`));
      else reject(new HttpError(400, 'invalid_json', 'The request body is not valid JSON.'));
    });
    worker.once('error', (error) => reject(error));
  });
}
