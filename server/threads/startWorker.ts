import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread from one of our modules. The server runs from TypeScript under tsx (and the
 * tests under vitest); neither passes its loader on to worker threads, so a `.ts` module's worker
 * registers tsx itself before importing it. A compiled `.js` module starts directly.
 */
export function startWorker(module: URL, workerData?: unknown): Worker {
  const file = onDisk(module);
  if (!file.pathname.endsWith('.ts')) return new Worker(file, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); })`;
  return new Worker(source, { eval: true, workerData });
}

/**
 * vitest's browser-like environments (jsdom, for the client tests that start a real server) give
 * modules an http URL relative to the project root; a worker needs the file itself.
 */
function onDisk(module: URL): URL {
  return module.protocol === 'file:' ? module : pathToFileURL(path.join(process.cwd(), module.pathname));
}
