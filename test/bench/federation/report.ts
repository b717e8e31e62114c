import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { barChartSvg } from './chart';
import { machineLines } from './machine';
import type { FederationBenchSummary } from './summary';

/** Writes federation.json, federation.md, federation.svg and (when a converter is installed) federation.png. */
export function writeReports(summary: FederationBenchSummary, dir: string): { markdown: string; files: string[] } {
  mkdirSync(dir, { recursive: true });
  const markdown = markdownReport(summary);
  const svg = barChartSvg(summary);
  const files = [join(dir, 'federation.json'), join(dir, 'federation.md'), join(dir, 'federation.svg')];
  writeFileSync(files[0], `${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(files[1], markdown);
  writeFileSync(files[2], svg);
  const png = join(dir, 'federation.png');
  if (svgToPng(files[2], png)) files.push(png);
  return { markdown, files };
}

export function markdownReport(summary: FederationBenchSummary): string {
  const { machine, cpus, settings } = summary;
  const fixed = (value: number, digits = 1) => value.toFixed(digits);
  return [
    '# Federation benchmark',
    '',
    `The public federation benchmark's TestQuery (${summary.expected.bytes.toLocaleString('en')} bytes, SHA-256 \`${summary.expected.sha256.slice(0, 16)}…\`, ` +
      "every answer's length checked) from https://github.com/graphql-hive/graphql-gateways-benchmark, re-implemented in `test/bench/federation/`.",
    '',
    ...machineLines(machine),
    `- ${cpus.note}`,
    ...(process.env.BENCH_NOTE ? [`- note: ${process.env.BENCH_NOTE}`] : []),
    `- load: ${settings.connections} keep-alive connections, a new Authorization header per request; ` +
      `${settings.warmupSeconds} s warm-up per gateway, then ${settings.rounds} rounds × ${settings.seconds} s, alternating gateways`,
    '',
    '| gateway | req/s (median) | × @apollo/gateway | p50 ms | p95 ms | p99 ms | CPU ms/request | peak RSS MB | errors |',
    '|---------|---------------:|------------------:|-------:|-------:|-------:|---------------:|------------:|-------:|',
    ...summary.gateways.map(
      (gateway) =>
        `| ${gateway.name} | ${fixed(gateway.requestsPerSecond, 0)} | ${gateway.ratioToApolloGateway === null ? '–' : fixed(gateway.ratioToApolloGateway, 2)} ` +
        `| ${fixed(gateway.p50Ms)} | ${fixed(gateway.p95Ms)} | ${fixed(gateway.p99Ms)} | ${fixed(gateway.cpuMsPerRequest, 2)} | ${fixed(gateway.peakRssMb, 0)} | ${gateway.errors} |`,
    ),
    '',
    ...summary.gateways.map((gateway) => `- **${gateway.name}**: ${gateway.description}`),
    ...Object.entries(summary.skipped).map(([name, reason]) => `- **${name}** not run: ${reason}`),
    '',
  ].join('\n');
}

/** PNG from the SVG without a browser: rsvg-convert if installed, else ImageMagick. */
function svgToPng(svg: string, png: string): boolean {
  for (const [command, args] of [
    ['rsvg-convert', ['-o', png, svg]],
    ['convert', [svg, png]],
  ] as const) {
    try {
      execFileSync(command, args, { stdio: 'ignore' });
      return true;
    } catch {
      // Not installed, or cannot read SVG: try the next.
    }
  }
  return false;
}
