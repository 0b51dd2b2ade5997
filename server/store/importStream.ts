import type { MessagePort } from 'node:worker_threads';
import type { ImportedRow, NewParticipant } from './Store.js';

/**
 * An import's rows on their way from the worker that checked them to the store's writer, over a
 * MessagePort of their own (docs/decisions/0035): the server's event loop never holds the backup's
 * tens of megabytes ([T18]). The writer pulls: it asks for the next piece once it has written the
 * last one, so the bytes arrive a slice at a time and the writer's other work goes in between.
 */
export type ImportPiece =
  | { rows: ImportedRow[] }
  /** The backup's people, last (written with the workshop, in its transaction). */
  | { people: NewParticipant[] }
  | { end: true };

/** The consumer's request for the next piece. */
const NEXT = 'next';

/**
 * About this many bytes of states per piece: one transaction of the writer. A request's write queued
 * meanwhile (a join, a version) waits for at most one such slice and its fsync ([T18]).
 */
export const SLICE_BYTES = 256 * 1024;

const bytesOf = (r: ImportedRow) => (r.kind === 'doc' ? r.state : r.version.state);

/**
 * The producer's side: answers each request with the next piece, its bytes transferred (moved, not
 * copied). Each state must have an ArrayBuffer of its own.
 */
export function serveImport(port: MessagePort, rows: readonly ImportedRow[], people: NewParticipant[]): void {
  let next = 0;
  let peopleSent = false;
  port.on('message', (m: unknown) => {
    if (m !== NEXT) return;
    if (next < rows.length) {
      const slice: ImportedRow[] = [];
      for (let bytes = 0; next < rows.length && (slice.length === 0 || bytes < SLICE_BYTES); next++) {
        slice.push(rows[next]);
        bytes += bytesOf(rows[next]).byteLength;
      }
      port.postMessage({ rows: slice } satisfies ImportPiece, [
        ...new Set(slice.map((r) => bytesOf(r).buffer as ArrayBuffer)),
      ]);
    } else if (!peopleSent) {
      peopleSent = true;
      port.postMessage({ people } satisfies ImportPiece);
    } else {
      // The consumer closes the port (pullImport); closing here could overtake this last message.
      port.postMessage({ end: true } satisfies ImportPiece);
    }
  });
}

/**
 * The consumer's side: the next piece, or a rejection when the producer went away first (its thread
 * stopped, the port closed) so an import never waits forever.
 */
export function nextPiece(port: MessagePort): Promise<ImportPiece> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: ImportPiece) => {
      port.off('close', onClose);
      resolve(m);
    };
    const onClose = () => {
      port.off('message', onMessage);
      reject(new Error('the rows of the import stopped arriving'));
    };
    port.once('message', onMessage);
    port.once('close', onClose);
    port.postMessage(NEXT);
  });
}

const workshopOf = (r: ImportedRow) => (r.kind === 'doc' ? r.workshopId : r.version.workshopId);

/**
 * Every piece of an import for `workshopId`, a slice at a time, until `end`; the people arrive before
 * it. A row of another workshop stops the import; people of another workshop are left out.
 */
export async function* pullImport(
  port: MessagePort,
  workshopId: string,
): AsyncGenerator<ImportPiece & { end?: never }> {
  try {
    for (;;) {
      const piece = await nextPiece(port);
      if ('end' in piece) return;
      if ('people' in piece) yield { people: piece.people.filter((p) => p.workshopId === workshopId) };
      else if (piece.rows.some((r) => workshopOf(r) !== workshopId))
        throw new Error('a row of the import belongs to another workshop');
      else yield piece;
    }
  } finally {
    port.close();
  }
}
