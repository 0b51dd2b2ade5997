/**
 * Read a V8 CPU profile (`node --cpu-prof`, or the soak's `--profile=DIR`) and print where the time
 * went: self time per function, and total (inclusive) time per function, largest first.
 * `npx tsx bench/profileSummary.ts FILE.cpuprofile [--top=30] [--filter=server/] [--last=SECONDS]`
 * `--last=S` counts only the last S seconds (the soak's attack is the end of the server's run).
 * `--under=NAME` counts only samples with a function named NAME on the stack (what it calls).
 * `--stalls=N` also lists the N longest stretches the thread was busy without a break (a healthy
 * client's message waits that long), with our own functions that took most of each.
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
const STALLS = Number(flag('stalls') ?? 0);
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
  if (STALLS > 0) printStalls(profile, byId, parent, from);
}

/** The longest runs of consecutive busy samples, each with the functions of ours most on its stacks. */
function printStalls(profile: Profile, byId: Map<number, ProfileNode>, parent: Map<number, number>, from: number) {
  const isIdle = (id: number) => {
    const name = byId.get(id)!.callFrame.functionName;
    return name === '(idle)' || name === '(program)' || name === '(garbage collector)';
  };
  type Run = { start: number; us: number; samples: number[]; maxGap: number };
  const runs: Run[] = [];
  let at = profile.startTime;
  let run: Run | null = null;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (at < from) return;
    if (isIdle(id)) {
      if (run) runs.push(run);
      run = null;
      return;
    }
    run ??= { start: at, us: 0, samples: [], maxGap: 0 };
    run.us += dt;
    run.maxGap = Math.max(run.maxGap, dt);
    run.samples.push(id);
  });
  if (run) runs.push(run);
  runs.sort((a, b) => b.us - a.us);
  // A long gap between two samples is the process waiting for a core (another process ran): time
  // the thread lost, not work it did.
  console.log(`  longest busy stretches (of ${runs.length}; samples, longest gap between two):`);
  for (const r of runs.slice(0, STALLS)) {
    const ours = new Map<string, number>();
    for (const id of r.samples) {
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const node = byId.get(cur)!;
        if (!node.callFrame.url.includes('/server/') && !node.callFrame.url.includes('/shared/')) continue;
        const l = label(node);
        if (!seen.has(l)) ours.set(l, (ours.get(l) ?? 0) + 1);
        seen.add(l);
      }
    }
    const top = [...ours]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([l, n]) => `${l.split(' ')[0]} ${Math.round((n / r.samples.length) * 100)}%`);
    console.log(
      `  ${(r.us / 1000).toFixed(1).padStart(7)} ms at ${((r.start - profile.startTime) / 1e6).toFixed(2)} s (${r.samples.length}, ${(r.maxGap / 1000).toFixed(0)} ms): ${top.join(', ')}`,
    );
  }
}

// Piped into `head`: stop quietly when the reader has gone.
process.stdout.on('error', () => process.exit(0));
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
