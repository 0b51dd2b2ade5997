import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Nothing is loaded from anywhere else: the policy keeps the app working on a closed network and
 * makes an accidental outside call fail loudly in development.
 */
export const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Serves the built client; unknown paths get index.html so the client router can show its own pages. */
export function createStaticHandler(root: string) {
  const rootResolved = path.resolve(root);
  const indexPath = path.join(rootResolved, 'index.html');

  return (req: IncomingMessage, res: ServerResponse, pathname: string): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let file = path.resolve(rootResolved, `.${decodeURIComponent(pathname)}`);
    // With the separator: a sibling directory that merely starts with the same name is outside (T12).
    if (file !== rootResolved && !file.startsWith(rootResolved + path.sep)) file = indexPath;
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    const isAsset = pathname.startsWith('/assets/');
    if (!stat?.isFile()) {
      if (isAsset || path.extname(pathname)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      file = indexPath;
      stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat) {
        res
          .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
          .end('The client has not been built yet. Run `npm start` (it builds first) or `npm run build`.');
        return;
      }
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      // Hashed asset names can be cached for ever; the HTML must always be fresh.
      'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  };
}
