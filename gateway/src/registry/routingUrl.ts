import { isIP } from 'node:net';

/**
 * Where the gateway may send traffic on an agency's behalf. Only http(s), no credentials in the URL, and no
 * loopback, private, link-local or cloud-metadata address unless the allow-list names the host (development allows
 * loopback). Hosts are judged as the WHATWG URL parser normalises them, so decimal (2130706433) and hex (0x7f.1)
 * IPv4 forms are caught. Names are not resolved (no DNS here): a name that resolves to a private address is the
 * allow-list's and the network's business.
 */
export function routingUrlProblem(value: string, allowedHosts: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `protocol ${url.protocol} is not allowed (http or https only)`;
  if (url.username || url.password) return 'credentials in the URL are not allowed';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (allowedHosts.includes(host)) return null;
  const reason = restrictedHost(host);
  return reason ? `${reason} address ${host} is not allowed` : null;
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
    const v4 = mapped.length === 2 ? mapped[1] : [parseInt(mapped[1], 16) >> 8, parseInt(mapped[1], 16) & 255, parseInt(mapped[2], 16) >> 8, parseInt(mapped[2], 16) & 255].join('.');
    return restrictedIPv4(v4.split('.').map(Number));
  }
  if (/^f[cd][0-9a-f]{0,2}:/.test(host)) return 'private (unique local)';
  if (/^fe[89ab][0-9a-f]?:/.test(host)) return 'link-local';
  return null;
}
