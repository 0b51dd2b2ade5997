import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { configureConnection, prepareDocWrites } from './sqliteDocWrites.js';
import type { WriterReply, WriterRequest } from './SqliteWriterThread.js';
import { JoinCodeTaken } from './Store.js';

/**
 * The writer thread: its own connection to the same SQLite file, running the hot-path writes and an
 * import's large writes in the order they arrive and answering each once it is committed (with
 * fsync). The main thread's event loop never waits for a disk (docs/decisions/0022-commit-in-a-writer-thread.md).
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
    else if (req.op === 'importRows') writes.importRows(req.rows);
    else if (req.op === 'createWorkshop') writes.createWorkshop(req.workshop, req.people);
    else if (req.op === 'deleteWorkshop') writes.deleteWorkshop(req.workshopId);
    else if (req.op === 'close') db.close();
    reply = { id: req.id, ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    reply =
      error instanceof JoinCodeTaken
        ? { id: req.id, ok: false, message, joinCodeTaken: error.code }
        : { id: req.id, ok: false, message };
  }
  port.postMessage(reply);
  if (req.op === 'close') port.close();
});
