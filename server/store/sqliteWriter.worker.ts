import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { pullImport } from './importStream.js';
import { withFreeJoinCode } from './joinCode.js';
import { configureConnection, prepareDocWrites } from './sqliteDocWrites.js';
import type { WriterReply, WriterRequest } from './SqliteWriterThread.js';
import { JoinCodeTaken, type NewParticipant } from './Store.js';

/**
 * The writer thread: its own connection to the same SQLite file, running the hot-path writes and an
 * import's large writes in the order they arrive and answering each once it is committed (with
 * fsync). The main thread's event loop never waits for a disk (docs/decisions/0022-commit-in-a-writer-thread.md).
 */
const db = new Database(workerData.file as string);
configureConnection(db);
const writes = prepareDocWrites(db);
const port = parentPort!;

function failure(id: number, error: unknown): WriterReply {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof JoinCodeTaken
    ? { id, ok: false, message, joinCodeTaken: error.code }
    : { id, ok: false, message };
}

/**
 * An import, pulled a slice at a time from the worker that checked it (importStream.ts). Between two
 * slices this thread's event loop turns, so live rooms' commits sent meanwhile are written between
 * them ([T13], [T18]). Last, the workshop with all its people; a join code that is taken is replaced
 * by a new one here, as the rows are gone from every other thread by then. On failure, what was
 * written is removed before the answer.
 */
async function importWorkshop(req: Extract<WriterRequest, { op: 'import' }>): Promise<WriterReply> {
  const people: NewParticipant[] = [...req.people];
  try {
    for await (const piece of pullImport(req.source, req.workshop.id)) {
      if ('people' in piece) people.push(...piece.people);
      else writes.importRows(piece.rows);
    }
    const joinCode = await withFreeJoinCode(req.workshop.joinCode, (code) =>
      writes.createWorkshop({ ...req.workshop, joinCode: code }, people),
    );
    return { id: req.id, ok: true, value: joinCode };
  } catch (error) {
    try {
      writes.deleteWorkshop(req.workshop.id);
    } catch {
      // What stays has no workshop row: unreachable, and dropped when the store next opens (T13).
    }
    return failure(req.id, error);
  }
}

port.on('message', (req: WriterRequest) => {
  if (req.op === 'import') {
    void importWorkshop(req).then((reply) => port.postMessage(reply));
    return;
  }
  let reply: WriterReply;
  try {
    let value: unknown;
    if (req.op === 'append') writes.appendUpdates(req.updates, req.owners);
    else if (req.op === 'compact') writes.compact(req.room, req.workshopId, req.state);
    else if (req.op === 'createWorkshop') writes.createWorkshop(req.workshop, req.people);
    else if (req.op === 'deleteWorkshop') writes.deleteWorkshop(req.workshopId);
    else if (req.op === 'addParticipant') writes.addParticipant(req.participant, req.tokenHash);
    else if (req.op === 'revokeParticipant') value = writes.revokeParticipant(req.workshopId, req.participantId);
    else if (req.op === 'insertVersion') value = writes.insertVersion(req.version);
    else if (req.op === 'close') db.close();
    reply = { id: req.id, ok: true, value };
  } catch (error) {
    reply = failure(req.id, error);
  }
  port.postMessage(reply);
  if (req.op === 'close') port.close();
});
