/**
 * Read a V8 CPU profile (`node --cpu-prof`, or the soak's `--profile=DIR`) and print where the time
 * went: self time per function, and total (inclusive) time per function, largest first.
 * `npx tsx bench/profileSummary.ts FILE.cpuprofile [--top=30] [--filter=server/] [--last=SECONDS]`
 * `--last=S` counts only the last S seconds (the soak's attack is the end of the server's run).
 * `--under=NAME` counts only samples with a function named NAME on the stack (what it calls).
 * With a directory, every profile in it is summarised (the server writes one per thread).
 */
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const TOP = Number(flag('top') ?? 30);
const FILTER = flag('filter');
const UNDER = flag('under');
const LAST_US = flag('last') ? Number(flag('last')) * 1e6 : Number.POSITIVE_INFINITY;

function label(n: ProfileNode): string {
  const { functionName, url, lineNumber } = n.callFrame;
  const file = url
    ? url
        .replace(/^file:\/\//, '')
        .replace(/^.*node_modules\//, 'nm:')
        .replace(process.cwd(), '.')
    : '';
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

function summarise(file: string): void {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Time per node: each sample's delta belongs to the node sampled.
  const selfUs = new Map<number, number>();
  const from = profile.endTime - LAST_US;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= from) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const totalUs = Math.min(LAST_US, profile.endTime - profile.startTime) || 1;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const hasOnStack = (id: number) => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur))
      if (byId.get(cur)!.callFrame.functionName === UNDER) return true;
    return false;
  };
  for (const [id, us] of selfUs) {
    if (UNDER && !hasOnStack(id)) continue;
    const node = byId.get(id)!;
    self.set(label(node), (self.get(label(node)) ?? 0) + us);
    // Inclusive: every distinct function on the stack once (recursion counted once).
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + us);
    }
  }
  const idle = [...self].filter(([l]) => l.startsWith('(idle)')).reduce((a, [, us]) => a + us, 0);
  console.log(
    `\n${path.basename(file)}: ${(totalUs / 1e6).toFixed(1)} s, busy ${(((totalUs - idle) / totalUs) * 100).toFixed(0)}%`,
  );
  const print = (title: string, m: Map<string, number>) => {
    console.log(`  ${title}`);
    const rows = [...m]
      .filter(([l]) => !l.startsWith('(idle)') && !l.startsWith('(root)') && (!FILTER || l.includes(FILTER)))
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP);
    for (const [l, us] of rows)
      console.log(`  ${(us / 1000).toFixed(0).padStart(8)} ms ${((us / totalUs) * 100).toFixed(1).padStart(5)}%  ${l}`);
  };
  print('self time', self);
  print('total time (function and what it calls)', inclusive);
}

const target = process.argv.find((a, i) => i >= 2 && !a.startsWith('--'));
if (!target) {
  console.error('usage: tsx bench/profileSummary.ts FILE_OR_DIR [--top=30] [--filter=TEXT]');
  process.exit(2);
}
const files = fs.statSync(target).isDirectory()
  ? fs
      .readdirSync(target)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => path.join(target, f))
  : [target];
for (const f of files) summarise(f);
