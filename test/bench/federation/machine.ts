import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Where and on what a result was measured: it means nothing without. */
export interface MachineInfo {
  date: string;
  nproc: number;
  cpuModel: string;
  node: string;
  commit: string;
  /** True when the working tree had uncommitted changes: the commit does not quite describe what ran. */
  dirty: boolean;
}

export function machineInfo(): MachineInfo {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', cwd: __dirname }).trim();
  const cpuModel = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? 'unknown';
  return {
    date: new Date().toISOString(),
    nproc: availableParallelism(),
    cpuModel,
    node: process.version,
    commit: git('rev-parse', 'HEAD'),
    dirty: git('status', '--porcelain', '--untracked-files=no').length > 0,
  };
}

/** The two lines every report starts with: when, on which commit, on what. */
export function machineLines(machine: MachineInfo): string[] {
  return [
    `- date: ${machine.date}; commit ${machine.commit.slice(0, 12)}${machine.dirty ? ' (with uncommitted changes)' : ''}`,
    `- machine: ${machine.nproc} CPUs, ${machine.cpuModel}; Node ${machine.node}`,
  ];
}
