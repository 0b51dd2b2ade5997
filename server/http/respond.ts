import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError } from '../../shared/api.js';
import type { FieldError } from '../../shared/validation.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(data),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(data);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  const body: ApiError = { error: error.code, message: error.message };
  if (error.fields) body.fields = error.fields;
  sendJson(res, error.status, body, error.headers);
}

/** The media type of a request, without parameters, lower case (`application/json; charset=utf-8` → `application/json`). */
function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** Read a JSON body up to `limit` bytes; a larger or unparsable body is a clear 4xx, never a crash. */
export function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  return readJsonBytes(req, limit).then((bytes) => {
    try {
      return JSON.parse(Buffer.from(bytes).toString('utf8') || 'null');
    } catch {
      throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
    }
  });
}

/** The raw bytes of a JSON request body (same checks as readJson), for parsing elsewhere. */
export function readJsonBytes(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    // Exactly this media type: `text/plain; application/json` is a cross-site "simple" request (T12).
    if (mediaType(req) !== 'application/json') {
      reject(new HttpError(415, 'unsupported_media_type', 'Send the body as application/json.'));
      req.resume();
      return;
    }
    // The answer to a too large body is a 413 in JSON; the connection closes after it, so the rest
    // of the body is never read (T12).
    const tooLarge = () =>
      new HttpError(413, 'too_large', `The request body is larger than ${limit} bytes.`, undefined, {
        connection: 'close',
      });
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      reject(tooLarge());
      return;
    }
    let size = 0;
    let done = false;
    const chunks: Buffer[] = [];
    // With a declared length the body is copied into its own buffer as it arrives, a chunk at a time,
    // so nothing is left to join at the end (joining 44 MB held the loop for 100+ ms, T13).
    const declared = Number(req.headers['content-length']);
    const whole = Number.isSafeInteger(declared) && declared > JOIN_STEP ? Buffer.allocUnsafeSlow(declared) : null;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      if (whole && size + chunk.length <= whole.length) chunk.copy(whole, size);
      else chunks.push(chunk);
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
    });
    req.on('end', () => {
      if (done) return;
      if (whole && size === whole.length) resolve(whole);
      else if (whole) reject(new HttpError(400, 'invalid_length', 'The request body does not match its length.'));
      else joinChunks(chunks, size).then(resolve, reject);
    });
    req.on('error', reject);
  });
}

/** How many bytes of a body are joined in one go before the event loop gets a turn (a body without a length). */
const JOIN_STEP = 1024 * 1024;

/**
 * The chunks of a body as one buffer of its own (transferable to a worker). Copying a 50 MB import
 * in one go held the event loop for over 100 ms on a busy machine (T13): a large body is copied a
 * few megabytes per turn.
 */
async function joinChunks(chunks: Buffer[], size: number): Promise<Buffer> {
  if (size <= JOIN_STEP) return Buffer.concat(chunks, size);
  const out = Buffer.allocUnsafeSlow(size);
  let at = 0;
  let sinceYield = 0;
  for (const chunk of chunks) {
    chunk.copy(out, at);
    at += chunk.length;
    sinceYield += chunk.length;
    if (sinceYield >= JOIN_STEP) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return out;
}
