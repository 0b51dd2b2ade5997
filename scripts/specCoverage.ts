/**
 * SPEC coverage: every behaviour rule in docs/SPEC.md (`- **X12 Title.** …`) is cited by at least one
 * test, and every id a test cites exists in the SPEC. A test cites a rule by starting its name with
 * `[X12]` (`it('[X12] …')`, `it('[X1][X2] …')`) in a `*.test.ts`, `*.test.tsx` or `*.spec.ts` file. Any prefix of capital
 * letters counts, so new sections need no change here.
 *
 * Run: `npm run check:spec` (part of `npm test`). Exits 1 and lists the problems when there are any.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SKIP = new Set(['node_modules', 'dist', 'data', '.git']);
const TEST_FILE = /\.(test\.tsx?|spec\.ts)$/;
/** A rule in the SPEC: a list item that starts with the bold id. */
const RULE = /^\s*- \*\*([A-Z]+\d+)\b/gm;
/**
 * A citation in a test: `[X12]` at the start of a string (right after its quote or backtick) or right
 * after another citation (`'[F1][F2] …'`). Test names start with the ids they check; a mention in a
 * comment or code such as `row[A1]` does not count.
 */
const CITATION = /(?<=['"`\]])\[([A-Z]+\d+)\]/g;

export interface Coverage {
  rules: Map<string, number>;
  citations: Map<string, string[]>;
  uncited: string[];
  unknown: { id: string; files: string[] }[];
  duplicates: string[];
}

export function specRules(markdown: string): string[] {
  return [...markdown.matchAll(RULE)].map((m) => m[1]);
}

export function citedIds(source: string): string[] {
  return [...source.matchAll(CITATION)].map((m) => m[1]);
}

function testFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) testFiles(full, out);
    else if (TEST_FILE.test(entry.name)) out.push(full);
  }
  return out;
}

export function coverage(specText: string, files: { name: string; text: string }[]): Coverage {
  const ids = specRules(specText);
  const rules = new Map<string, number>();
  for (const id of ids) rules.set(id, (rules.get(id) ?? 0) + 1);
  const citations = new Map<string, string[]>();
  for (const file of files) {
    for (const id of new Set(citedIds(file.text))) citations.set(id, [...(citations.get(id) ?? []), file.name]);
  }
  return {
    rules,
    citations,
    uncited: [...rules.keys()].filter((id) => !citations.has(id)),
    unknown: [...citations].filter(([id]) => !rules.has(id)).map(([id, f]) => ({ id, files: f })),
    duplicates: [...rules].filter(([, n]) => n > 1).map(([id]) => id),
  };
}

function main(): void {
  const spec = fs.readFileSync(path.join(root, 'docs', 'SPEC.md'), 'utf8');
  const files = testFiles(root).map((f) => ({ name: path.relative(root, f), text: fs.readFileSync(f, 'utf8') }));
  const result = coverage(spec, files);
  const problems: string[] = [];
  for (const id of result.uncited) problems.push(`[${id}] is a rule in docs/SPEC.md, but no test cites it`);
  for (const { id, files: where } of result.unknown)
    problems.push(`[${id}] is cited by ${where.join(', ')}, but docs/SPEC.md has no such rule`);
  for (const id of result.duplicates) problems.push(`[${id}] is defined more than once in docs/SPEC.md`);
  if (problems.length) {
    console.error(`SPEC coverage: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`SPEC coverage: all ${result.rules.size} rules are cited by tests (${files.length} test files).`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
