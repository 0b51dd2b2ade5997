import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Size of the JavaScript a page loads before anything else, from a vite build's index.html. */

export const gzipKb = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;

/** Static `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"`; not `import("./x.js")`. */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[1]);
  return out;
}

function resolveAsset(dir: string, from: string, spec: string): string {
  if (spec.startsWith('/')) return path.join(dir, spec);
  return path.resolve(path.dirname(from), spec);
}

/** The entry module of index.html, its modulepreloads and, transitively, their static imports. */
export function initialChunks(dir: string): string[] {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const starts = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
  ].map((p) => path.join(dir, p));
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    for (const spec of staticImports(fs.readFileSync(file, 'utf8'))) queue.push(resolveAsset(dir, file, spec));
  }
  return [...seen];
}
