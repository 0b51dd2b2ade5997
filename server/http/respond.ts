import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError } from '../../shared/api.js';
import type { FieldError } from '../../shared/validation.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(data),
    'cache-control': 'no-store',
  });
  res.end(data);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  const body: ApiError = { error: error.code, message: error.message };
  if (error.fields) body.fields = error.fields;
  sendJson(res, error.status, body);
}

/** Read a JSON body up to `limit` bytes; a larger or unparsable body is a clear 4xx, never a crash. */
export function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const type = req.headers['content-type'] ?? '';
    if (!type.includes('application/json')) {
      reject(new HttpError(415, 'unsupported_media_type', 'Send the body as application/json.'));
      req.resume();
      return;
    }
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, 'too_large', `The request body is larger than ${limit} bytes.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
      } catch {
        reject(new HttpError(400, 'invalid_json', 'The request body is not valid JSON.'));
      }
    });
    req.on('error', reject);
  });
}
