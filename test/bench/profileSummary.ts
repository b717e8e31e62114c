import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * `node test/dist/bench/profileSummary.js FILE.cpuprofile [TOP]`: the frames a V8 CPU profile (`node --cpu-prof`,
 * or the federation bench's BENCH_PROFILE_DIR) spends the most time in, by self time and by inclusive time
 * (time in the frame and everything it calls, each sample counted once per frame even under recursion), as
 * percentages of the busy samples (those not idle: a gateway waiting on its subgraphs is not spending CPU).
 * Frames are grouped by function, file and line.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.startsWith('file://') ? relative(process.cwd(), url.slice('file://'.length)) : url;
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

function summarizeProfile(profile: CpuProfile): { self: Map<string, number>; inclusive: Map<string, number>; total: number } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const sampleCounts = new Map<number, number>();
  for (const id of profile.samples) sampleCounts.set(id, (sampleCounts.get(id) ?? 0) + 1);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  for (const [id, count] of sampleCounts) {
    const leaf = byId.get(id) as ProfileNode;
    if (leaf.callFrame.functionName === '(idle)') continue;
    busy += count;
    self.set(frameName(leaf), (self.get(frameName(leaf)) ?? 0) + count);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = frameName(byId.get(at) as ProfileNode);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + count);
    }
  }
  return { self, inclusive, total: busy };
}

function top(counts: Map<string, number>, total: number, count: number): string[] {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, samples]) => `${((100 * samples) / total).toFixed(1).padStart(5)}%  ${name}`);
}

const [file, count = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage: profileSummary FILE.cpuprofile [TOP]');
  process.exit(2);
}
const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
console.log(`self time (% of ${summary.total} busy samples)`);
console.log(top(summary.self, summary.total, Number(count)).join('\n'));
console.log('\ninclusive time');
console.log(top(summary.inclusive, summary.total, Number(count) * 2).join('\n'));
