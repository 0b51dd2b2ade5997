/**
 * A size budget for the participant page's initial JavaScript (issue 6, item 5), for CI:
 *   npx tsx bench/jsBudget.ts [dist/client]      exits 1 when the entry chunk and its static imports
 *                                                exceed PKL_JS_BUDGET_KB (KB gzip, default 125).
 * The default is the figure measured by `npm run bench` (docs/PERFORMANCE.md) plus about 10 % headroom.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipKb, initialChunks } from './jsSize.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(process.argv[2] ?? path.join(root, 'dist', 'client'));
const budget = Number(process.env.PKL_JS_BUDGET_KB ?? 125);
const files = initialChunks(dir);
if (files.length === 0) {
  console.error(`no module entry in ${path.join(dir, 'index.html')}: build first (vite build)`);
  process.exit(2);
}
const sizes = files.map((f) => ({ file: path.basename(f), kb: gzipKb(f) }));
const total = sizes.reduce((s, x) => s + x.kb, 0);
for (const s of sizes) console.log(`${s.kb.toFixed(1).padStart(7)} KB  ${s.file}`);
console.log(`${total.toFixed(1).padStart(7)} KB gzip initial JavaScript of the participant page; budget ${budget} KB`);
if (total > budget) {
  console.error(`over budget by ${(total - budget).toFixed(1)} KB`);
  process.exit(1);
}
