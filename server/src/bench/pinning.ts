/**
 * Internal to the benchmark: CPU pinning with `taskset` (util-linux), so a server and the load
 * that drives it never share a core. Without `taskset` or with one core, nothing is pinned and
 * the benchmark says so.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** The cores servers and load run on, or null when they cannot be kept apart. */
export interface Pinning {
  server: string;
  load: string;
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Core 0 for servers, core 1 for load; null on a one-core machine or without taskset. */
export function choosePinning(): Pinning | null {
  return availableParallelism() >= 2 && hasTaskset() ? { server: '0', load: '1' } : null;
}

/** Pins this process (the load generator) to `cores`. */
export function pinSelf(cores: string): void {
  execFileSync('taskset', ['-a', '-p', '-c', cores, String(process.pid)], { stdio: 'ignore' });
}

/** The command line running `args` with node, pinned to `cores` when given. */
export function nodeCommand(args: string[], cores: string | undefined): [string, string[]] {
  return cores === undefined ? [process.execPath, args] : ['taskset', ['-c', cores, process.execPath, ...args]];
}
