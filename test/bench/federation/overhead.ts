import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLoad, type LoadRequest } from './loadDriver';
import { machineLines, type MachineInfo } from './machine';
import { median } from './summary';

/** A query one subgraph answers alone (accounts' users, `username` included): one fetch, no entity joins. */
export const SINGLE_SUBGRAPH_QUERY = '{ users { id name username } }';

const SINGLE_SUBGRAPH_REQUEST: LoadRequest = {
  body: Buffer.from(JSON.stringify({ query: SINGLE_SUBGRAPH_QUERY })),
  judge: (status, body) => {
    const text = body.toString('utf8');
    if (status < 200 || status > 299) return `HTTP ${status}: ${text.slice(0, 120)}`;
    if (text.includes('"errors"') || !text.includes('"users":[{"id"')) return `wrong answer: ${text.slice(0, 120)}`;
    return null;
  },
};

export interface OverheadTarget {
  name: string;
  url: string;
}

export interface OverheadRow {
  target: string;
  requests: number;
  errors: number;
  /** Medians of the rounds' percentiles. */
  p50Ms: number;
  p99Ms: number;
  /** Over the subgraph asked directly (null for the subgraph itself). */
  addedP50Ms: number | null;
  addedP99Ms: number | null;
}

/**
 * What a gateway adds to the latency of a query to one subgraph: the subgraph asked directly and through each
 * gateway, one request at a time (latency, not throughput), in alternating rounds; the first target is the subgraph.
 */
export async function measureOverhead(
  subgraph: OverheadTarget,
  gateways: OverheadTarget[],
  options: { seconds: number; rounds: number; authorization: () => string },
): Promise<OverheadRow[]> {
  const targets = [subgraph, ...gateways];
  const results = new Map(targets.map((target) => [target.name, [] as Awaited<ReturnType<typeof runLoad>>[]]));
  for (let round = 1; round <= options.rounds; round++) {
    for (const target of targets) {
      const result = await runLoad({
        url: target.url,
        connections: 1,
        seconds: options.seconds,
        authorization: options.authorization,
        request: SINGLE_SUBGRAPH_REQUEST,
      });
      results.get(target.name)!.push(result);
      console.error(
        `overhead round ${round} ${target.name}: p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms, ${result.errors} errors`,
      );
    }
  }
  const rows = targets.map((target) => {
    const rounds = results.get(target.name)!;
    return {
      target: target.name,
      requests: rounds.reduce((sum, round) => sum + round.requests, 0),
      errors: rounds.reduce((sum, round) => sum + round.errors, 0),
      p50Ms: median(rounds.map((round) => round.p50Ms)),
      p99Ms: median(rounds.map((round) => round.p99Ms)),
    };
  });
  const direct = rows[0];
  return rows.map((row, index) => ({
    ...row,
    addedP50Ms: index === 0 ? null : row.p50Ms - direct.p50Ms,
    addedP99Ms: index === 0 ? null : row.p99Ms - direct.p99Ms,
  }));
}

export function writeOverheadReport(rows: OverheadRow[], machine: MachineInfo, settings: { seconds: number; rounds: number }, dir: string): string[] {
  const fixed = (value: number | null) => (value === null ? '–' : value.toFixed(2));
  const markdown = [
    '# What a gateway adds to a query to one subgraph',
    '',
    `\`${SINGLE_SUBGRAPH_QUERY}\` (the accounts subgraph alone), asked of the subgraph directly and through each gateway, one request at a time.`,
    '',
    ...machineLines(machine),
    `- ${settings.rounds} rounds × ${settings.seconds} s per target, alternating; medians of the rounds' percentiles`,
    '',
    '| target | requests | errors | p50 ms | p99 ms | added p50 ms | added p99 ms |',
    '|--------|---------:|-------:|-------:|-------:|-------------:|-------------:|',
    ...rows.map(
      (row) =>
        `| ${row.target} | ${row.requests} | ${row.errors} | ${fixed(row.p50Ms)} | ${fixed(row.p99Ms)} | ${fixed(row.addedP50Ms)} | ${fixed(row.addedP99Ms)} |`,
    ),
    '',
  ].join('\n');
  const files = [join(dir, 'overhead.md'), join(dir, 'overhead.json')];
  writeFileSync(files[0], markdown);
  writeFileSync(files[1], `${JSON.stringify({ machine, settings, query: SINGLE_SUBGRAPH_QUERY, rows }, null, 2)}\n`);
  console.log(markdown);
  return files;
}
