import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Linux /proc readings of a gateway process: CPU time and peak resident memory. */
const CLOCK_TICKS_PER_SECOND = clockTicks();

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** The process and its descendants (a gateway may fork workers), from /proc/PID/task/TID/children. */
export function processTree(pid: number): number[] {
  const children = readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
    readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
  );
  return [pid, ...children.flatMap(livingTree)];
}

/** A descendant that exits while the tree is read (a worker restarting) is left out, not an error of the run. */
function livingTree(pid: number): number[] {
  try {
    return processTree(pid);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ESRCH') return [];
    throw error;
  }
}

/** CPU milliseconds of a process and its descendants. */
export function treeCpuMilliseconds(pid: number): number {
  return processTree(pid).reduce((sum, member) => sum + cpuMilliseconds(member), 0);
}

/** The peak resident set of a process and its descendants, summed, in megabytes. */
export function treePeakRssMegabytes(pid: number): number {
  return processTree(pid).reduce((sum, member) => sum + peakRssMegabytes(member), 0);
}

/** User plus system CPU time the process has used, in milliseconds (fields 14 and 15 of /proc/PID/stat). */
export function cpuMilliseconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces: the fields after it start past its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** The process's peak resident set so far (VmHWM), in megabytes. */
export function peakRssMegabytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((candidate) => candidate.startsWith('VmHWM:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
}
