import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { configureConnection, prepareDocWrites } from './sqliteDocWrites.js';
import type { WriterReply, WriterRequest } from './SqliteWriterThread.js';

/**
 * The writer thread: its own connection to the same SQLite file, running the hot-path writes in the
 * order they arrive and answering each once it is committed (with fsync). The main thread's event
 * loop never waits for a disk (docs/decisions/0022-commit-in-a-writer-thread.md).
 */
const db = new Database(workerData.file as string);
configureConnection(db);
const writes = prepareDocWrites(db);
const port = parentPort!;

port.on('message', (req: WriterRequest) => {
  let reply: WriterReply;
  try {
    if (req.op === 'append') writes.appendUpdates(req.updates, req.owners);
    else if (req.op === 'compact') writes.compact(req.room, req.workshopId, req.state);
    else if (req.op === 'close') db.close();
    reply = { id: req.id, ok: true };
  } catch (error) {
    reply = { id: req.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
  if (req.op === 'close') port.close();
});
