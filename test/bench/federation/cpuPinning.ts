import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * Which cores run what: the gateway under test alone on the last core, the load driver and the subgraphs on the
 * others (`BENCH_GATEWAY_CPUS`, `BENCH_LOAD_CPUS` override, in taskset's list syntax). Without taskset or with a
 * single core nothing is pinned, and the report says so.
 */
export interface CpuPlan {
  pinned: boolean;
  gatewayCpus: string | null;
  loadCpus: string | null;
  note: string;
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function planCpus(): CpuPlan {
  const cores = availableParallelism();
  if (!hasTaskset()) return { pinned: false, gatewayCpus: null, loadCpus: null, note: 'unpinned: taskset is not available' };
  if (cores < 2) return { pinned: false, gatewayCpus: null, loadCpus: null, note: 'unpinned: one core only' };
  const gatewayCpus = process.env.BENCH_GATEWAY_CPUS ?? String(cores - 1);
  const loadCpus = process.env.BENCH_LOAD_CPUS ?? (cores === 2 ? '0' : `0-${cores - 2}`);
  return { pinned: true, gatewayCpus, loadCpus, note: `gateway on CPU ${gatewayCpus}; load driver and subgraphs on CPU ${loadCpus}` };
}

/** The command and arguments that start `args` (a node script) pinned to `cpus`, or unpinned. */
export function pinnedNode(cpus: string | null, args: string[]): { command: string; args: string[] } {
  return cpus ? { command: 'taskset', args: ['-c', cpus, process.execPath, ...args] } : { command: process.execPath, args };
}

/** Pins this process (the load driver) to `cpus`. */
export function pinSelf(cpus: string | null): void {
  if (cpus) execFileSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], { stdio: 'ignore' });
}
