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
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  const size = await streamJsonBody(req, limit, (chunk) => chunks.push(chunk));
  try {
    return JSON.parse(Buffer.concat(chunks, size).toString('utf8') || 'null');
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}

/**
 * The chunks of a JSON request body as they arrive, each handed to `onChunk` (for a body parsed
 * elsewhere: an import's goes straight to its worker, so the server's thread never holds the whole
 * file, [T18]); resolves with the size. The same checks as readJson: exactly `application/json`
 * (415), at most `limit` bytes (413, also when the declared length says so), the length it declared.
 */
export function streamJsonBody(req: IncomingMessage, limit: number, onChunk: (chunk: Buffer) => void): Promise<number> {
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
    const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        reject(tooLarge());
        return;
      }
      onChunk(chunk);
    });
    req.on('end', () => {
      if (done) return;
      if (declared !== null && size !== declared)
        reject(new HttpError(400, 'invalid_length', 'The request body does not match its length.'));
      else resolve(size);
    });
    req.on('error', reject);
  });
}
