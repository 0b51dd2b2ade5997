/**
 * `npm run bench`: our sync server (SQLite, persistence before broadcast, column enforcement) against
 * the reference y-websocket server (in memory) and Hocuspocus with its SQLite extension, under the same
 * writes (upstream y-websocket clients; Hocuspocus' own provider against Hocuspocus); then the
 * client numbers in Chromium. Prints numbers; asserts nothing. See docs/PERFORMANCE.md.
 *
 * Knobs (environment):
 *   BENCH_QUICK=1            short smoke run (small scenarios, short windows, 3 ramp steps)
 *   BENCH_SCENARIOS=1x40@2,20x25@1   fixed scenarios: rooms x clients @ writes per second per client
 *   BENCH_ROOMS, BENCH_CLIENTS, BENCH_RATE   one custom fixed scenario instead (rate default 1)
 *   BENCH_DURATION=10        measured seconds per fixed scenario run (BENCH_WARMUP=2 before it)
 *   BENCH_ROUNDS=3           rounds of the fixed scenarios (servers alternate; the summary takes medians)
 *   BENCH_RAMP=10x4          rooms x clients of the ramp; BENCH_RAMP_RATES=16,32,…  per-client rates, step by step
 *   BENCH_RAMP_DURATION=5    measured seconds per ramp step
 *   BENCH_SERVERS=ours,reference,hocuspocus   which servers
 *   BENCH_WORKERS=2          load-generator processes (rooms are spread over them)
 *   BENCH_PIN=1              pin the server to CPU 0 and the load generator to CPU 1 (taskset)
 *   BENCH_SKIP=ramp,client   skip parts (sync, ramp, client, exports)
 *   BENCH_JSON=path          also write every number as JSON
 *   BENCH_PROFILE=dir        a V8 CPU profile of our server per run into dir (read with bench/profileSummary.ts)
 */
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { installCleanup } from './children.js';
import { measureClient, type ClientReport, type Metric } from './client.js';
import { measureExports } from './exports.js';
import { loadAverage, machineInfo } from './procfs.js';
import { ourBenchEnv, type ServerKind } from './servers.js';
import { fmt, fmtInt, ratio, table } from './stats.js';
import {
  CONVERGE_DEADLINE_MS,
  LOAD_REACHED,
  SERVER_BUSY_PCT,
  runRamps,
  runScenario,
  type BenchOptions,
  type LoadShape,
  type Measurement,
  type RampResult,
  type RampStep,
  type Timing,
} from './sync.js';

installCleanup();
process.setMaxListeners(0);

const env = process.env;
const quick = env.BENCH_QUICK === '1';
const num = (name: string, fallback: number) => {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${v}"`);
  return n;
};
const shape = (s: string): LoadShape => {
  const m = /^(\d+)x(\d+)(?:@(\d+(?:\.\d+)?))?$/.exec(s.trim());
  if (!m || Number(m[2]) < 2)
    throw new Error(`bad scenario "${s}": use ROOMSxCLIENTS@RATE, e.g. 20x25@1 (at least 2 clients)`);
  return { rooms: Number(m[1]), clients: Number(m[2]), rate: Number(m[3] ?? 1) };
};

const scenarios: LoadShape[] =
  env.BENCH_ROOMS || env.BENCH_CLIENTS || env.BENCH_RATE
    ? [{ rooms: num('BENCH_ROOMS', 1), clients: num('BENCH_CLIENTS', 40), rate: num('BENCH_RATE', 1) }]
    : (env.BENCH_SCENARIOS ?? (quick ? '1x10@2,4x5@1' : '1x40@2,20x25@1')).split(',').map(shape);
const rounds = num('BENCH_ROUNDS', quick ? 1 : 3);
const fixedTiming: Timing = {
  warmupMs: num('BENCH_WARMUP', quick ? 1 : 2) * 1000,
  measureMs: num('BENCH_DURATION', quick ? 4 : 10) * 1000,
  watchMs: 10_000,
  chars: 1,
};
const ramp = shape(env.BENCH_RAMP ?? (quick ? '4x4' : '10x4'));
const rampRates = (env.BENCH_RAMP_RATES ?? (quick ? '16,64,256' : '16,32,64,128,192,256,320,384,512'))
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const rampTiming: Timing = {
  warmupMs: (quick ? 1 : 1.5) * 1000,
  measureMs: num('BENCH_RAMP_DURATION', quick ? 3 : 5) * 1000,
  watchMs: 5000,
  chars: 1,
};
const servers = (env.BENCH_SERVERS ?? 'ours,reference,hocuspocus').split(',').map((s) => s.trim()) as ServerKind[];
const skip = new Set((env.BENCH_SKIP ?? '').split(',').map((s) => s.trim()));
const pinned = env.BENCH_PIN === '1';
const opts: BenchOptions = {
  workers: num('BENCH_WORKERS', 2),
  pinServer: pinned ? '0' : null,
  pinGenerator: pinned ? '1' : null,
};

const out = (s = '') => console.log(s);
const envText = (e: Record<string, string>) =>
  Object.entries(e)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;

// ---------------------------------------------------------------------------------------------

const machine = machineInfo();
let commit = '';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'shared'], { encoding: 'utf8' }).trim();
  if (dirty) commit += ' (+ uncommitted changes in server/ or shared/)';
} catch {
  // not a git checkout
}

out('# Partnerschapskaart Live: sync benchmark');
out();
out(
  `machine: ${machine.cpu}, ${machine.cores} cores, ${fmt(machine.ramGb, 1)} GiB RAM, Node ${machine.node}, Linux ${machine.kernel}`,
);
out(
  `code: ${commit || 'unknown'}; load average at start: ${loadAverage()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
out(
  `servers: ours = server/main.ts as a child process (SQLite in a temp dir, persist before broadcast, column guard on map:joint), ` +
    `env ${envText(ourBenchEnv(Math.max(...scenarios.map((x) => x.rate))))} (all bench clients share 127.0.0.1)` +
    `${skip.has('ramp') ? '' : `, in the ramp ${envText(ourBenchEnv(Math.max(...rampRates)))} (a ramp step may type faster than the default 200 messages/s per participant)`}; ` +
    'one participant (token) per simulated client, every other limit at its default.',
);
out(
  '         reference = @y/websocket-server 0.1.1 setupWSConnection, in memory, its own child process (bench/referenceServer.ts).',
);
out(
  `load: upstream y-websocket providers (ws, disableBc) on real Y.Docs in ${opts.workers} load-generator process(es)` +
    `${pinned ? '; servers pinned to CPU 0, generator to CPU 1' : '; no CPU pinning: servers, generator and everything else share the cores'}.`,
);
out(
  '      each client owns one card and types into it (1 character appended per write, the text kept at 200 characters);' +
    " latency = write → the other clients of the room see the writer's Yjs clock reach that write.",
);
out();

const results: {
  machine: typeof machine;
  commit: string;
  scenarios: Measurement[];
  ramps: RampResult[];
  client: ClientReport | null;
} = { machine, commit, scenarios: [], ramps: [], client: null };

const scenarioName = (m: LoadShape) => `${m.rooms}×${m.clients} @ ${m.rate}/s`;

function convergenceText(m: Measurement): string {
  if (m.converged) return `yes, ${fmtInt(m.convergeMs ?? NaN)} ms`;
  if (m.convergeMs !== null)
    return `NO: ${m.roomsConverged}/${m.rooms} in ${CONVERGE_DEADLINE_MS} ms (slowest ${fmtInt(m.convergeMs)} ms)`;
  return `NO: ${m.roomsConverged}/${m.rooms} in ${CONVERGE_DEADLINE_MS} ms, some not at all`;
}

function scenarioRow(m: Measurement): string[] {
  return [
    scenarioName(m),
    m.server,
    fmt(m.p50),
    fmt(m.p95),
    fmt(m.p99),
    fmtInt(m.writesPerSec),
    `${fmtInt(m.deliveriesPerSec)} / ${fmtInt(m.expectedDeliveriesPerSec)}`,
    fmt(m.serverCpuPct, 0),
    fmt(m.serverPeakRssMb, 0),
    convergenceText(m),
    `${fmt(m.generatorCpuPct, 0)} / ${fmt(m.generatorLoopP99Ms, 0)}`,
    fmt(m.foreignCpuPct, 0),
    m.closes ? `${m.closes} (${m.closeCodes.join(',')})` : '0',
  ];
}

const SCENARIO_HEADER = [
  'scenario',
  'server',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'writes/s',
  'deliveries/s (got / ideal)',
  'server CPU %',
  'peak RSS MB',
  'converged (≤1.5 s)',
  'generator CPU % / loop p99 ms',
  'other CPU %',
  'drops',
];

// ---------------------------------------------------------------------------------------------
// Fixed scenarios

const median = (xs: number[]) => {
  const v = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};

/** The runs of one scenario on one server folded into one row: medians, except worst-case fields. */
function fold(runs: Measurement[]): Measurement {
  const m = (f: (x: Measurement) => number) => median(runs.map(f));
  const times = runs.map((r) => r.convergeMs);
  return {
    ...runs[0],
    writes: m((x) => x.writes),
    writesPerSec: m((x) => x.writesPerSec),
    deliveriesPerSec: m((x) => x.deliveriesPerSec),
    expectedDeliveriesPerSec: m((x) => x.expectedDeliveriesPerSec),
    samples: runs.reduce((s, r) => s + r.samples, 0),
    p50: m((x) => x.p50),
    p95: m((x) => x.p95),
    p99: m((x) => x.p99),
    max: Math.max(...runs.map((r) => r.max)),
    missing: runs.reduce((s, r) => s + r.missing, 0),
    serverCpuPct: m((x) => x.serverCpuPct),
    serverPeakRssMb: Math.max(...runs.map((r) => r.serverPeakRssMb)),
    generatorCpuPct: m((x) => x.generatorCpuPct),
    generatorMaxWorkerCpuPct: m((x) => x.generatorMaxWorkerCpuPct),
    generatorLoopP99Ms: m((x) => x.generatorLoopP99Ms),
    foreignCpuPct: m((x) => x.foreignCpuPct),
    stealPct: m((x) => x.stealPct),
    roomsConverged: Math.min(...runs.map((r) => r.roomsConverged)),
    converged: runs.every((r) => r.converged),
    convergeMs: times.every((x) => x !== null) ? Math.max(...(times as number[])) : null,
    closes: runs.reduce((s, r) => s + r.closes, 0),
    closeCodes: [...new Set(runs.flatMap((r) => r.closeCodes))],
  };
}

if (!skip.has('sync')) {
  out(
    `## Fixed scenarios (${rounds} round(s); in each round every scenario runs on each server in turn, on fresh server processes; ` +
      `warm-up ${fixedTiming.warmupMs / 1000} s, measured ${fixedTiming.measureMs / 1000} s)`,
  );
  const runs: (Measurement & { round: number })[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const sc of scenarios) {
      for (const kind of servers) {
        process.stderr.write(`[bench ${elapsed()}] round ${round}: ${scenarioName(sc)} on ${kind}…\n`);
        try {
          const m = await runScenario(kind, sc, fixedTiming, opts);
          runs.push({ ...m, round });
          process.stderr.write(
            `[bench ${elapsed()}]   p50 ${fmt(m.p50)} p99 ${fmt(m.p99)} ms, other CPU ${fmt(m.foreignCpuPct, 0)} %\n`,
          );
        } catch (error) {
          process.stderr.write(`[bench] ${scenarioName(sc)} on ${kind} failed: ${(error as Error).message}\n`);
        }
      }
    }
  }
  const same = (a: LoadShape, b: LoadShape) => a.rooms === b.rooms && a.clients === b.clients && a.rate === b.rate;
  for (const sc of scenarios) {
    for (const kind of servers) {
      const mine = runs.filter((r) => r.server === kind && same(r, sc));
      if (mine.length) results.scenarios.push(fold(mine));
    }
  }
  out();
  out(
    rounds > 1
      ? '### Summary (median over the rounds; peak RSS, convergence time and drops: worst round)'
      : '### Results',
  );
  out(table(SCENARIO_HEADER, results.scenarios.map(scenarioRow)));
  out();
  out(
    'CPU in % of one core over the measured window; peak RSS = VmHWM of the server process; deliveries = a write seen by',
  );
  out(
    'another client of its room; "other CPU" = every other process on the machine during the window (other people\'s',
  );
  out(
    'builds and tests, kernel threads); generator loop p99 = event-loop delay of the busiest load-generator process.',
  );
  out();
  for (const other of servers.filter((k) => k !== 'ours')) {
    const ratioRows: string[][] = [];
    for (const sc of scenarios) {
      const ours = results.scenarios.find((m) => m.server === 'ours' && same(m, sc));
      const them = results.scenarios.find((m) => m.server === other && same(m, sc));
      if (!ours || !them) continue;
      ratioRows.push([
        scenarioName(sc),
        ratio(ours.p50, them.p50),
        ratio(ours.p95, them.p95),
        ratio(ours.p99, them.p99),
        ratio(ours.deliveriesPerSec, them.deliveriesPerSec),
        ratio(ours.serverCpuPct, them.serverCpuPct),
        ratio(ours.serverPeakRssMb, them.serverPeakRssMb),
        ours.p99 <= them.p99
          ? `met (${fmt(ours.p99)} ≤ ${fmt(them.p99)} ms)`
          : `MISSED (${fmt(ours.p99)} vs ${fmt(them.p99)} ms)`,
      ]);
    }
    if (ratioRows.length) {
      out(`### Ratios ours / ${other}${rounds > 1 ? ' (of the medians)' : ''}`);
      out(
        table(
          ['scenario', 'p50', 'p95', 'p99', 'deliveries/s', 'server CPU', 'peak RSS', `target: our p99 ≤ ${other} p99`],
          ratioRows,
        ),
      );
      out();
    }
  }
  if (rounds > 1) {
    out('### Every round');
    out(
      table(
        ['round', ...SCENARIO_HEADER],
        runs.map((r) => [String(r.round), ...scenarioRow(r)]),
      ),
    );
    out();
  }
}

// ---------------------------------------------------------------------------------------------
// Ramp

/** Whether a saturation ratio shows the target met: only what the measurement can support. */
function verdict(x: number, target: number, oursSaturated: boolean, refSaturated: boolean): string {
  if (oursSaturated && refSaturated) return x >= target ? 'met' : 'MISSED';
  if (oursSaturated) return x >= target ? 'not shown (upper bound only)' : 'MISSED';
  if (refSaturated) return x >= target ? 'met (lower bound)' : 'not shown (lower bound only)';
  return 'not shown (neither server saturated)';
}

/** Server CPU time per write (µs): 1 core / this is what the server could take if CPU were its only limit. */
const cpuPerWriteUs = (m: Measurement) => ((m.serverCpuPct / 100) * 1e6) / m.writesPerSec;

function rampRow(s: RampStep): string[] {
  return [
    s.server,
    `${s.rate}/s${s.attempt > 1 ? ' (again)' : ''}`,
    `${fmtInt(s.writesPerSec)} / ${fmtInt(s.targetWritesPerSec)}`,
    `${fmtInt(s.deliveriesPerSec)} / ${fmtInt(s.expectedDeliveriesPerSec)}`,
    fmt(s.p50),
    fmt(s.p99),
    fmt(s.serverCpuPct, 0),
    fmtInt(cpuPerWriteUs(s)),
    fmt(s.serverPeakRssMb, 0),
    s.convergeMs === null ? 'not converged' : `${fmtInt(s.convergeMs)} ms`,
    `${fmt(s.generatorCpuPct, 0)} / ${fmt(s.generatorLoopP99Ms, 0)}`,
    fmt(s.foreignCpuPct, 0),
    s.pass ? 'pass' : `FAIL (${s.limit}): ${s.reason}`,
  ];
}

if (!skip.has('ramp')) {
  out(
    `## Ramp to saturation: ${ramp.rooms} rooms × ${ramp.clients} clients, per-client rate ${rampRates.join(', ')}/s ` +
      `(warm-up ${rampTiming.warmupMs / 1000} s, measured ${rampTiming.measureMs / 1000} s per step; the servers take the steps in turn)`,
  );
  out(
    `A step passes when the clients made ≥ ${LOAD_REACHED * 100} % of the target writes, no connection dropped, and every client of every room ` +
      `had an identical state within ${CONVERGE_DEADLINE_MS} ms after writing stopped. A failing step is run once more; the ramp ends when it fails twice.`,
  );
  process.stderr.write(`[bench ${elapsed()}] ramp on ${servers.join(' and ')}, taking turns…\n`);
  try {
    results.ramps = await runRamps(servers, ramp, rampRates, rampTiming, opts, (s) =>
      process.stderr.write(
        `[bench ${elapsed()}]   ${s.server} ${s.rate}/s: ${s.pass ? 'pass' : `FAIL (${s.reason})`}, p99 ${fmt(s.p99)} ms, server CPU ${fmt(s.serverCpuPct, 0)} %\n`,
      ),
    );
  } catch (error) {
    process.stderr.write(`[bench] ramp failed: ${(error as Error).message}\n`);
  }
  const rows = results.ramps.flatMap((r) => r.steps.map(rampRow));
  out();
  out(
    table(
      [
        'server',
        'rate/client',
        'writes/s (got / target)',
        'deliveries/s (got / ideal)',
        'p50 ms',
        'p99 ms',
        'server CPU %',
        'CPU µs / write',
        'peak RSS MB',
        'converged after',
        'generator CPU % / loop p99 ms',
        'other CPU %',
        'verdict',
      ],
      rows,
    ),
  );
  out();
  const ended = (r: RampResult) =>
    r.endedBy === 'server'
      ? 'the server (saturated)'
      : r.endedBy === 'generator'
        ? 'the load generator (server not saturated)'
        : r.endedBy === 'machine'
          ? `the machine (load not reached; the server at ≥ ${SERVER_BUSY_PCT} % of a core, the generator on the rest)`
          : 'the last rate (not saturated)';
  const satRows = results.ramps.map((r) => {
    const s = r.saturation;
    const last = r.steps[r.steps.length - 1];
    return [
      r.server,
      s ? `${s.rate}/s per client` : 'none (the first step failed)',
      s ? fmtInt(s.writesPerSec) : '–',
      s ? fmtInt(s.deliveriesPerSec) : '–',
      s ? `${fmt(s.serverCpuPct, 0)} %` : '–',
      s ? `${fmtInt(cpuPerWriteUs(s))} µs → ~${fmtInt(1e6 / cpuPerWriteUs(s))} writes/s` : '–',
      ended(r),
      last && !last.pass ? `${last.rate}/s: ${last.reason}` : '',
    ];
  });
  out('### Saturation point (highest passing step)');
  out(
    table(
      [
        'server',
        'step',
        'writes/s',
        'deliveries/s',
        'server CPU',
        'CPU per write → one core would take',
        'ramp ended by',
        'first failing step',
      ],
      satRows,
    ),
  );
  out(
    '(the last estimate assumes CPU is the only limit; our server also waits for an fsync per group commit, which costs no CPU but holds its event loop)',
  );
  const ro = results.ramps.find((r) => r.server === 'ours');
  // Targets at saturation: ≥ 1.5× the in-memory reference, ≥ 1.0× Hocuspocus (issue 15).
  const targets: Partial<Record<ServerKind, number>> = { reference: 1.5, hocuspocus: 1.0 };
  for (const rr of results.ramps.filter((r) => r.server !== 'ours')) {
    if (!ro?.saturation || !rr.saturation) continue;
    const target = targets[rr.server] ?? 1;
    const x = ro.saturation.deliveriesPerSec / rr.saturation.deliveriesPerSec;
    // 'machine': the load was not reached while the server used most of its one core: at its limit too.
    const oursAtLimit = ro.endedBy === 'server' || ro.endedBy === 'machine';
    const refAtLimit = rr.endedBy === 'server' || rr.endedBy === 'machine';
    const bound =
      oursAtLimit && refAtLimit
        ? ''
        : oursAtLimit
          ? ` (an upper bound: ${rr.server} was not at its limit when its ramp ended)`
          : refAtLimit
            ? ' (a lower bound: ours was not at its limit when its ramp ended)'
            : ' (neither server was at its limit: the ratio says nothing about the servers)';
    out(
      `saturation ours / ${rr.server}: ${x.toFixed(2)}× in deliveries/s${bound}; target ≥ ${target.toFixed(1)}×: ` +
        verdict(x, target, oursAtLimit, refAtLimit),
    );
    const est = cpuPerWriteUs(rr.saturation) / cpuPerWriteUs(ro.saturation);
    out(
      `server CPU per write, ${rr.server} / ours at the saturation steps: ${est.toFixed(2)}× (CPU-only capacity ratio ours / ${rr.server}, an estimate); ` +
        `server CPU ours / ${rr.server} at those steps: ${ratio(ro.saturation.serverCpuPct, rr.saturation.serverCpuPct)}`,
    );
  }
  out();
}

// ---------------------------------------------------------------------------------------------
// Client

function metricText(m: Metric, goal?: { max: number; label: string }): string[] {
  if (!m.ok) return ['not measured yet', m.reason];
  const verdict = goal ? (m.value <= goal.max ? ` (goal ${goal.label}: met)` : ` (goal ${goal.label}: MISSED)`) : '';
  return [`${fmt(m.value)} ${m.unit}${verdict}`, m.detail];
}

if (!skip.has('client')) {
  process.stderr.write(`[bench ${elapsed()}] client numbers in Chromium…\n`);
  out('## Client (Chromium, against our server)');
  try {
    const c = await measureClient((s) => process.stderr.write(`[bench ${elapsed()}] ${s}\n`), { quick });
    results.client = c;
    out(`build: ${c.build.note}`);
    out();
    out(
      table(
        ['metric', 'value', 'how'],
        [
          [
            'initial JS of /w/<id> (entry + static imports)',
            ...metricText(c.initialJsKb, { max: 250, label: '≤ 250 KB' }),
          ],
          ['JS Chromium fetches for /w/<id>', ...metricText(c.browserJsKb)],
          ['JS Chromium fetches for /w/<id>/map', ...metricText(c.mapPageJsKb)],
          ['projector: render 300 cards', ...metricText(c.projectorRenderMs, { max: 150, label: '≤ 150 ms' })],
          ['projector: cold load to 300 cards', ...metricText(c.projectorColdMs)],
          ['projector: fit 120 cards', ...metricText(c.projectorFitMs, { max: 150, label: '≤ 150 ms' })],
          [
            'edit-to-render, 2 contexts, 40 connected',
            ...metricText(c.editToRenderP95Ms, { max: 50, label: 'p95 ≤ 50 ms' }),
          ],
        ],
      ),
    );
    out();
    out('gzip at level 9 of the built files; times in ms from performance.now() in the pages.');
  } catch (error) {
    out(`client numbers failed: ${(error as Error).message}`);
  }
  out();
}

if (!skip.has('exports')) {
  out('## Exports (server side, ordinary cards; goal: A3 PDF of 120 cards ≤ 1 s)');
  out();
  try {
    const rows = await measureExports();
    const kinds = Object.keys(rows[0].files);
    out(
      table(
        ['cards', 'A3 sheets', 'card text pt', 'smallest pt', ...kinds.map((k) => `${k} ms (CPU ms) / KiB`)],
        rows.map((r) => [
          String(r.cards),
          String(r.sheets),
          fmt(r.cardPt),
          fmt(r.smallestPt),
          ...kinds.map((k) => `${fmtInt(r.files[k][0])} (${fmtInt(r.files[k][2])}) / ${fmtInt(r.files[k][1])}`),
        ]),
      ),
    );
  } catch (error) {
    out(`export numbers failed: ${(error as Error).message}`);
  }
  out();
}

out(`total time ${elapsed()}`);
if (env.BENCH_JSON) {
  fs.writeFileSync(
    env.BENCH_JSON,
    JSON.stringify(results, (_k, v) => (v instanceof Float64Array ? undefined : v), 2),
  );
}
process.exit(0);
