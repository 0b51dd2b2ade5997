import fs from 'node:fs';

/** CPU and memory of another process, read from /proc (Linux only). */

const CLK_TCK = 100; // sysconf(_SC_CLK_TCK) is 100 on every Linux we run on.

/** utime + stime of the whole process (all threads), in milliseconds. */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; the fields after it start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLK_TCK;
}

function statusKb(pid: number, key: string): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
  return m ? Number(m[1]) : NaN;
}

/** Peak resident set size (VmHWM) in MiB. */
export function peakRssMb(pid: number): number {
  return statusKb(pid, 'VmHWM') / 1024;
}

export function rssMb(pid: number): number {
  return statusKb(pid, 'VmRSS') / 1024;
}

/**
 * Reset the peak RSS to the current RSS (`echo 5 > /proc/<pid>/clear_refs`, Linux ≥ 4.0), so the
 * peak of one scenario step is not the peak of an earlier one. Returns false when not permitted.
 */
export function resetPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** CPU used by a process between start() and stop(), as % of one core. */
export class CpuMeter {
  private cpu0 = 0;
  private t0 = 0;
  constructor(private readonly pid: number) {}
  start(): void {
    this.cpu0 = cpuMs(this.pid);
    this.t0 = performance.now();
  }
  /** % of one core since start(). */
  stop(): number {
    const used = cpuMs(this.pid) - this.cpu0;
    const wall = performance.now() - this.t0;
    return wall > 0 ? (100 * used) / wall : NaN;
  }
}

export function machineInfo(): { cpu: string; cores: number; ramGb: number; node: string; kernel: string } {
  let cpu = 'unknown';
  let cores = 0;
  try {
    const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
    cpu = /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim() ?? cpu;
    cores = (info.match(/^processor\s*:/gm) ?? []).length;
  } catch {
    // not Linux
  }
  let ramGb = NaN;
  try {
    const mem = fs.readFileSync('/proc/meminfo', 'utf8');
    ramGb = Number(/^MemTotal:\s+(\d+) kB/m.exec(mem)?.[1]) / 1024 / 1024;
  } catch {
    // not Linux
  }
  let kernel = '';
  try {
    kernel = fs.readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim();
  } catch {
    // not Linux
  }
  return { cpu, cores, ramGb, node: process.version, kernel };
}

/**
 * Process-context busy time (user + nice + system) and hypervisor steal of the whole machine (all
 * CPUs) from /proc/stat, in milliseconds. Interrupt and softirq time (where the kernel also does
 * loopback TCP work for the bench's own sockets) is left out, so that it is not taken for other load.
 */
export function machineCpuMs(): { busy: number; steal: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , , , steal] = f;
  return { busy: ((user + nice + system) * 1000) / CLK_TCK, steal: ((steal ?? 0) * 1000) / CLK_TCK };
}

export function loadAverage(): number[] {
  try {
    return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return [];
  }
}
