import { isIPv6 } from 'node:net';
import type { FastifyServerOptions } from 'fastify';

/**
 * `GOVHUB_TRUST_PROXY`: which proxies' `X-Forwarded-For` names the client (Fastify's `trustProxy`): `true` (any),
 * a number of hops, or addresses and CIDR ranges, comma separated. Unset: the connection's own address, which behind
 * a load balancer is the balancer's, so every anonymous caller would share one bucket.
 */
export function trustProxyFromEnv(env: NodeJS.ProcessEnv = process.env): FastifyServerOptions['trustProxy'] {
  const value = env.GOVHUB_TRUST_PROXY?.trim();
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address: string, hop: number) => hop < hops;
  }
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * The key an anonymous caller is counted under: its IPv4 address, or the /64 network of an IPv6 one (a subscriber
 * is usually given a whole /64, and would otherwise have 2^64 buckets).
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.toLowerCase().split('%')[0].split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
