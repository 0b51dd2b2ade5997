import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/**
 * Every process the bench starts is registered here and killed on exit, on Ctrl+C and on SIGTERM,
 * by its own pid (never by name).
 */
const children = new Set<ChildProcess>();

export function track<T extends ChildProcess>(child: T): T {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Pids of every live process the bench started (servers, load generators, builds, Chromium is not tracked). */
export function trackedPids(): number[] {
  return [...children].filter((c) => c.exitCode === null && c.signalCode === null && c.pid).map((c) => c.pid!);
}

/** Temp directories the bench made; removed on exit, also after Ctrl+C. */
const dirs = new Set<string>();

export function trackDir(dir: string): string {
  dirs.add(dir);
  return dir;
}

export function removeDir(dir: string): void {
  dirs.delete(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}

function removeDirs(): void {
  for (const dir of [...dirs]) {
    try {
      removeDir(dir);
    } catch {
      // best effort
    }
  }
}

export function killAll(signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
    }
  }
}

/** Stop a child: `signal` first, SIGKILL after `graceMs`. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

let installed = false;
export function installCleanup(): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => {
    killAll('SIGKILL');
    removeDirs();
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      console.error(`\n[bench] ${sig}: stopping the servers and load generators`);
      killAll('SIGKILL');
      process.exit(130);
    });
  }
  process.on('uncaughtException', (error) => {
    console.error('[bench] uncaught exception:', error);
    killAll('SIGKILL');
    process.exit(1);
  });
  process.on('unhandledRejection', (error) => {
    console.error('[bench] unhandled rejection:', error);
    killAll('SIGKILL');
    process.exit(1);
  });
}

/** Pin a process and all its threads to the given CPUs (taskset). Returns false when it failed. */
export async function pin(pid: number, cpus: string): Promise<boolean> {
  return new Promise((resolve) => {
    const p = spawn('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
    p.once('error', () => resolve(false));
    p.once('exit', (code) => resolve(code === 0));
  });
}
