import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';

/** Resolves a host name to all its addresses; injectable so that tests never send DNS traffic. */
export type HostLookup = (host: string, options: { all: true }) => Promise<{ address: string; family: number }[]>;

/**
 * Where the gateway may send traffic on an agency's behalf. Only http(s), no credentials in the URL, and no
 * loopback, private, link-local or cloud-metadata address unless the allow-list names the host (development allows
 * loopback). Hosts are judged as the WHATWG URL parser normalises them, so decimal (2130706433) and hex (0x7f.1)
 * IPv4 forms are caught. Names are not resolved (no DNS here): a name that resolves to a private address is the
 * allow-list's and the network's business; `resolvedRoutingUrlProblem` resolves them.
 */
export function routingUrlProblem(value: string, allowedHosts: readonly string[]): string | null {
  const parsed = parseRoutingUrl(value);
  if (typeof parsed === 'string') return parsed;
  if (allowedHosts.includes(parsed.host)) return null;
  const reason = restrictedHost(parsed.host);
  return reason ? `${reason} address ${parsed.host} is not allowed` : null;
}

/**
 * `routingUrlProblem`, then the host name resolved: every address it resolves to is judged as a literal one would
 * be, so a public-looking name pointing at 10.0.0.5 or 169.254.169.254 is refused too (unless allow-listed). A name
 * that does not resolve is refused: the gateway could not route to it. The answer holds at check time only; the
 * network still has to keep the gateway from private ranges.
 */
export async function resolvedRoutingUrlProblem(
  value: string,
  allowedHosts: readonly string[],
  lookup: HostLookup = dns.lookup as HostLookup,
): Promise<string | null> {
  const literal = routingUrlProblem(value, allowedHosts);
  const parsed = parseRoutingUrl(value);
  if (literal || typeof parsed === 'string' || allowedHosts.includes(parsed.host) || isIP(parsed.host)) return literal;
  let addresses: { address: string }[];
  try {
    addresses = await lookup(parsed.host, { all: true });
  } catch (error) {
    return `host ${parsed.host} does not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  for (const { address } of addresses) {
    const reason = restrictedHost(address.toLowerCase());
    if (reason) return `host ${parsed.host} resolves to ${reason} address ${address}, which is not allowed`;
  }
  return addresses.length ? null : `host ${parsed.host} does not resolve`;
}

function parseRoutingUrl(value: string): { host: string } | string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `protocol ${url.protocol} is not allowed (http or https only)`;
  if (url.username || url.password) return 'credentials in the URL are not allowed';
  return { host: url.hostname.replace(/^\[|\]$/g, '').toLowerCase() };
}

function restrictedHost(host: string): string | null {
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  const version = isIP(host);
  if (version === 4) return restrictedIPv4(host.split('.').map(Number));
  if (version === 6) return restrictedIPv6(host);
  return null;
}

function restrictedIPv4([a, b]: number[]): string | null {
  if (a === 127) return 'loopback';
  if (a === 0) return 'unspecified';
  if (a === 169 && b === 254) return 'link-local (cloud metadata)';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'shared (carrier-grade NAT, cloud metadata)';
  return null;
}

function restrictedIPv6(host: string): string | null {
  if (host === '::1') return 'loopback';
  if (host === '::') return 'unspecified';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host) ?? /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) {
    const v4 =
      mapped.length === 2
        ? mapped[1]
        : [parseInt(mapped[1], 16) >> 8, parseInt(mapped[1], 16) & 255, parseInt(mapped[2], 16) >> 8, parseInt(mapped[2], 16) & 255].join('.');
    return restrictedIPv4(v4.split('.').map(Number));
  }
  if (/^f[cd][0-9a-f]{0,2}:/.test(host)) return 'private (unique local)';
  if (/^fe[89ab][0-9a-f]?:/.test(host)) return 'link-local';
  return null;
}
