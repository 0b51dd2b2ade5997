import { pin, trackedPids } from './children.js';
import { Generator } from './generator.js';
import { cpuMs, machineCpuMs, peakRssMb, resetPeakRss } from './procfs.js';
import { startTarget, type ServerKind, type Target } from './servers.js';
import { mergeSorted, percentile } from './stats.js';
import type { RunResult } from './types.js';

export interface LoadShape {
  rooms: number;
  clients: number;
  /** Writes per second per client. */
  rate: number;
}

export interface Timing {
  warmupMs: number;
  measureMs: number;
  /** How long to keep watching for convergence after writing stops (to report the time it took). */
  watchMs: number;
  chars: number;
}

export interface BenchOptions {
  workers: number;
  /** CPU list for the servers and for the load generator (taskset), or null for no pinning. */
  pinServer: string | null;
  pinGenerator: string | null;
}

export const CONVERGE_DEADLINE_MS = 1500;

export interface Measurement extends LoadShape {
  server: ServerKind;
  writes: number;
  writesPerSec: number;
  targetWritesPerSec: number;
  deliveriesPerSec: number;
  /** Deliveries per second if every write reached every other client of its room at once. */
  expectedDeliveriesPerSec: number;
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  missing: number;
  serverCpuPct: number;
  serverPeakRssMb: number;
  /** CPU of the load-generator processes (sum, % of one core) and the busiest one. */
  generatorCpuPct: number;
  generatorMaxWorkerCpuPct: number;
  generatorLoopP99Ms: number;
  /** CPU used by other processes on the machine during the window (% of one core), and hypervisor steal. */
  foreignCpuPct: number;
  stealPct: number;
  roomsConverged: number;
  /** All rooms converged within CONVERGE_DEADLINE_MS. */
  converged: boolean;
  /** Slowest room's convergence time (ms), null when some room did not converge while watched. */
  convergeMs: number | null;
  closes: number;
  closeCodes: number[];
}

/**
 * CPU of the server, the generator workers, the bench's other processes (e.g. the idle server of the
 * ramp that waits for its turn) and the whole machine over one window. "Foreign" is what is left:
 * other people's processes and kernel threads.
 */
class WindowMeter {
  private a: {
    t: number;
    machine: number;
    steal: number;
    server: number;
    workers: number;
    pids: Map<number, number>;
    self: number;
  } | null = null;
  result: { serverPct: number; foreignPct: number; stealPct: number } | null = null;
  constructor(
    private readonly serverPid: number,
    private readonly workerPids: number[],
  ) {}
  private static cpu(pid: number): number {
    try {
      return cpuMs(pid);
    } catch {
      return NaN; // gone
    }
  }
  private snap() {
    const self = process.cpuUsage();
    const machine = machineCpuMs();
    const pids = new Map(trackedPids().map((p) => [p, WindowMeter.cpu(p)] as const));
    return {
      t: performance.now(),
      machine: machine.busy,
      steal: machine.steal,
      server: WindowMeter.cpu(this.serverPid),
      workers: this.workerPids.reduce((s, p) => s + WindowMeter.cpu(p), 0),
      pids,
      self: (self.user + self.system) / 1000,
    };
  }
  start() {
    this.a = this.snap();
  }
  stop() {
    const a = this.a;
    if (!a) return;
    const b = this.snap();
    const wall = b.t - a.t;
    const pct = (ms: number) => (100 * ms) / wall;
    let bench = b.self - a.self;
    for (const [pid, before] of a.pids) {
      const after = b.pids.get(pid);
      if (after !== undefined && Number.isFinite(after) && Number.isFinite(before)) bench += after - before;
    }
    this.result = {
      serverPct: pct(b.server - a.server),
      foreignPct: Math.max(0, pct(b.machine - a.machine - bench)),
      stealPct: pct(b.steal - a.steal),
    };
  }
}

export function summarize(
  server: ServerKind,
  shape: LoadShape,
  t: Timing,
  results: RunResult[],
  cpu: { serverPct: number; foreignPct: number; stealPct: number },
  rssMb: number,
): Measurement {
  const sorted = mergeSorted(results.map((r) => r.samples));
  const writes = results.reduce((s, r) => s + r.writes, 0);
  const seconds = t.measureMs / 1000;
  const rooms = results.flatMap((r) => r.rooms);
  const times = rooms.map((r) => r.convergedMs);
  const allSeen = times.every((x): x is number => x !== null);
  const convergeMs = allSeen ? Math.max(0, ...times) : null;
  const roomsConverged = times.filter((x) => x !== null && x <= CONVERGE_DEADLINE_MS).length;
  return {
    ...shape,
    server,
    writes,
    writesPerSec: writes / seconds,
    targetWritesPerSec: shape.rooms * shape.clients * shape.rate,
    deliveriesPerSec: results.reduce((s, r) => s + r.deliveriesInWindow, 0) / seconds,
    expectedDeliveriesPerSec: (writes / seconds) * (shape.clients - 1),
    samples: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    missing: results.reduce((s, r) => s + r.missing, 0),
    serverCpuPct: cpu.serverPct,
    foreignCpuPct: cpu.foreignPct,
    stealPct: cpu.stealPct,
    serverPeakRssMb: rssMb,
    generatorCpuPct: results.reduce((s, r) => s + r.cpuPct, 0),
    generatorMaxWorkerCpuPct: Math.max(...results.map((r) => r.cpuPct)),
    generatorLoopP99Ms: Math.max(...results.map((r) => r.loopDelayP99Ms)),
    roomsConverged,
    converged: roomsConverged === rooms.length,
    convergeMs,
    closes: results.reduce((s, r) => s + r.closes, 0),
    closeCodes: [...new Set(results.flatMap((r) => r.closeCodes))],
  };
}

/** One measured run on an already started server and generator. */
export async function measureOnce(
  target: Target,
  gen: Generator,
  shape: LoadShape,
  t: Timing,
  opts: { resetRss: boolean },
): Promise<Measurement> {
  if (opts.resetRss) resetPeakRss(target.pid);
  const startAt = Date.now() + 500;
  const meter = new WindowMeter(target.pid, gen.pids);
  const measureFrom = startAt + t.warmupMs;
  const startTimer = setTimeout(() => meter.start(), measureFrom - Date.now());
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    meter.stop();
  };
  const stopTimer = setTimeout(stop, measureFrom + t.measureMs - Date.now());
  try {
    const results = await gen.run({
      startAt,
      warmupMs: t.warmupMs,
      measureMs: t.measureMs,
      rate: shape.rate,
      chars: t.chars,
      convergeDeadlineMs: CONVERGE_DEADLINE_MS,
      watchMs: t.watchMs,
    });
    // The workers may report (IPC) before this process's own timer fired.
    stop();
    const cpu = meter.result ?? { serverPct: NaN, foreignPct: NaN, stealPct: NaN };
    return summarize(target.kind, shape, t, results, cpu, peakRssMb(target.pid));
  } finally {
    clearTimeout(startTimer);
    clearTimeout(stopTimer);
  }
}

/** A fixed scenario: fresh server process, fresh rooms, one measured run. */
export async function runScenario(
  kind: ServerKind,
  shape: LoadShape,
  t: Timing,
  opts: BenchOptions,
): Promise<Measurement> {
  const target = await startTarget(kind, shape.rate);
  let gen: Generator | null = null;
  try {
    if (opts.pinServer) await pin(target.pid, opts.pinServer);
    const rooms = await target.makeRooms(shape.rooms, shape.clients);
    gen = await Generator.start(rooms, opts.workers, opts.pinGenerator);
    return await measureOnce(target, gen, shape, t, { resetRss: false });
  } finally {
    await gen?.close();
    await target.stop();
  }
}

export interface RampStep extends Measurement {
  pass: boolean;
  reason: string;
  /**
   * What stopped a failing step: the server (no convergence, drops), the load generator (rate not
   * reached), or the machine (rate not reached while the server, too, was using most of a core).
   */
  limit: 'server' | 'generator' | 'machine' | null;
  attempt: number;
}

export interface RampResult {
  server: ServerKind;
  steps: RampStep[];
  /** The last passing step, or null when the first step failed already. */
  saturation: RampStep | null;
  /** Why the ramp ended: the last step's limit, or null when every step passed. */
  endedBy: RampStep['limit'];
}

/** A server using this much of a core (its event loop is single-threaded) is at its limit too. */
export const SERVER_BUSY_PCT = 85;

/** A step reaches its load when the clients made at least this share of the target writes. */
export const LOAD_REACHED = 0.95;

export function stepVerdict(m: Measurement): { pass: boolean; reason: string; limit: RampStep['limit'] } {
  if (m.writesPerSec < LOAD_REACHED * m.targetWritesPerSec) {
    return {
      pass: false,
      limit: m.serverCpuPct >= SERVER_BUSY_PCT ? 'machine' : 'generator',
      reason:
        `load not reached: ${Math.round(m.writesPerSec)} of ${m.targetWritesPerSec} writes/s (generator CPU ${Math.round(m.generatorCpuPct)} %, ` +
        `server ${Math.round(m.serverCpuPct)} %, other ${Math.round(m.foreignCpuPct)} %)` +
        (m.converged
          ? ''
          : `; and ${m.roomsConverged} of ${m.rooms} rooms converged within ${CONVERGE_DEADLINE_MS} ms`),
    };
  }
  if (m.closes > 0)
    return {
      pass: false,
      limit: 'server',
      reason: `${m.closes} connection(s) dropped (codes ${m.closeCodes.join(', ')})`,
    };
  if (!m.converged) {
    const bad =
      m.convergeMs === null ? 'not converged while watched' : `converged after ${Math.round(m.convergeMs)} ms`;
    return {
      pass: false,
      limit: 'server',
      reason: `${m.roomsConverged} of ${m.rooms} rooms within ${CONVERGE_DEADLINE_MS} ms; slowest ${bad}`,
    };
  }
  return { pass: true, limit: null, reason: '' };
}

/** Wait until the given processes together use less than 10 % of a core (at most 5 s). */
async function settle(pids: number[]): Promise<void> {
  const total = () => pids.reduce((sum, p) => sum + (Number.isFinite(cpuMsSafe(p)) ? cpuMsSafe(p) : 0), 0);
  const t0 = Date.now();
  await new Promise((res) => setTimeout(res, 300));
  while (Date.now() - t0 < 5000) {
    const a = total();
    await new Promise((res) => setTimeout(res, 250));
    if (total() - a < 25) return;
  }
}

function cpuMsSafe(pid: number): number {
  try {
    return cpuMs(pid);
  } catch {
    return NaN;
  }
}

/**
 * The ramp: per server one process, one set of rooms and clients; the edit rate per client rises step
 * by step until a step fails (load not reached, a dropped connection, or some client not converged
 * within 1.5 s after writing stops). The saturation point is the last passing step. The servers take
 * their steps in turn (ours at rate r, the reference at rate r, then both at the next rate), so that
 * load from other processes on the machine, which comes and goes, falls on both alike; the idle one
 * keeps its connections open but gets no writes meanwhile.
 */
export async function runRamps(
  kinds: ServerKind[],
  base: { rooms: number; clients: number },
  rates: number[],
  t: Timing,
  opts: BenchOptions,
  onStep: (s: RampStep) => void,
): Promise<RampResult[]> {
  const running: { kind: ServerKind; target: Target; gen: Generator | null; steps: RampStep[]; done: boolean }[] = [];
  try {
    for (const kind of kinds) {
      const target = await startTarget(kind, Math.max(...rates));
      const entry = { kind, target, gen: null as Generator | null, steps: [] as RampStep[], done: false };
      running.push(entry);
      if (opts.pinServer) await pin(target.pid, opts.pinServer);
      const rooms = await target.makeRooms(base.rooms, base.clients);
      entry.gen = await Generator.start(rooms, opts.workers, opts.pinGenerator);
    }
    for (const rate of rates) {
      for (const r of running) {
        if (r.done) continue;
        // A failing step is run once more before it counts: the machine is shared, and one stall of an
        // unrelated process should not end a ramp. A server that is really saturated fails both times.
        let step: RampStep | null = null;
        for (let attempt = 1; attempt <= 2; attempt++) {
          const m = await measureOnce(r.target, r.gen!, { ...base, rate }, t, { resetRss: true });
          step = { ...m, ...stepVerdict(m), attempt };
          r.steps.push(step);
          onStep(step);
          if (step.pass) break;
          await new Promise((res) => setTimeout(res, 1000));
        }
        if (!step!.pass) r.done = true;
        // Let the pair that just ran settle (a server still flushing, V8 shrinking a heap that grew in
        // the step) before the other pair's step starts, so it does not measure our own leftovers.
        await settle([r.target.pid, ...r.gen!.pids]);
      }
      if (running.every((r) => r.done)) break;
    }
  } finally {
    for (const r of running) {
      await r.gen?.close();
      await r.target.stop();
    }
  }
  return running.map((r) => {
    const passing = r.steps.filter((s) => s.pass);
    const last = r.steps[r.steps.length - 1];
    return {
      server: r.kind,
      steps: r.steps,
      saturation: passing.length ? passing[passing.length - 1] : null,
      endedBy: last && !last.pass ? last.limit : null,
    };
  });
}
