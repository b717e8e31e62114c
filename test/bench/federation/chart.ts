import type { FederationBenchSummary } from './summary';

/**
 * Two horizontal bar charts in one SVG, drawn by hand so that no browser or charting package is needed:
 * requests per second (more is better) and CPU milliseconds per request (less is better), one bar per gateway.
 */
const WIDTH = 980;
const PANEL = 460;
const LABEL = 190;
const BAR = 26;
const GAP = 12;
const TOP = 70;
const COLOURS = ['#6b7280', '#e11d48', '#f59e0b', '#2563eb', '#16a34a'];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function panel(x: number, title: string, values: { name: string; value: number; label: string }[]): string {
  const max = Math.max(...values.map(({ value }) => value), 1e-9);
  const room = PANEL - LABEL - 70;
  const bars = values.map(({ name, value, label }, index) => {
    const y = TOP + index * (BAR + GAP);
    const length = Math.max(1, (value / max) * room);
    return [
      `<text x="${x + LABEL - 8}" y="${y + BAR * 0.68}" text-anchor="end">${escapeXml(name)}</text>`,
      `<rect x="${x + LABEL}" y="${y}" width="${length.toFixed(1)}" height="${BAR}" fill="${COLOURS[index % COLOURS.length]}"/>`,
      `<text x="${x + LABEL + length + 6}" y="${y + BAR * 0.68}">${escapeXml(label)}</text>`,
    ].join('\n');
  });
  return [`<text x="${x}" y="${TOP - 18}" font-weight="bold">${escapeXml(title)}</text>`, ...bars].join('\n');
}

export function barChartSvg(summary: FederationBenchSummary): string {
  const { gateways, machine } = summary;
  const height = TOP + gateways.length * (BAR + GAP) + 40;
  const rps = gateways.map((g) => ({
    name: g.name,
    value: g.requestsPerSecond,
    label: `${g.requestsPerSecond.toFixed(0)}${g.ratioToApolloGateway === null ? '' : ` (×${g.ratioToApolloGateway.toFixed(2)})`}`,
  }));
  const cpu = gateways.map((g) => ({ name: g.name, value: g.cpuMsPerRequest, label: g.cpuMsPerRequest.toFixed(2) }));
  const caption = `${machine.date.slice(0, 10)} · ${machine.nproc} CPUs, ${machine.cpuModel} · Node ${machine.node} · ${machine.commit.slice(0, 10)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="DejaVu Sans, Arial, sans-serif" font-size="13">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="20" y="24" font-size="16" font-weight="bold">Federation benchmark (TestQuery, ${summary.settings.connections} connections)</text>`,
    panel(20, 'requests/s, median of rounds (more is better)', rps),
    panel(20 + PANEL + 40, 'gateway CPU ms per request (less is better)', cpu),
    `<text x="20" y="${height - 14}" font-size="11" fill="#555555">${escapeXml(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
