import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread from one of our modules. The server runs from TypeScript under tsx (and the
 * tests under vitest); neither passes its loader on to worker threads, so a `.ts` module's worker
 * registers tsx itself before importing it. A compiled `.js` module starts directly.
 */
export function startWorker(module: URL, workerData?: unknown): Worker {
  if (!module.pathname.endsWith('.ts')) return new Worker(module, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(source, { eval: true, workerData });
}
