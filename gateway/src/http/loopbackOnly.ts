import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientError } from '@govhub/shared';

export const LOOPBACK_ONLY = 'LOOPBACK_ONLY';

/** The names of this machine a `Host` header may give, with the port the connection arrived on. */
const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?$/i;

/** Whether a peer address is this machine: 127.0.0.0/8, ::1, or 127.x written as IPv4-mapped IPv6. */
export function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && (/^(?:::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/i.test(address) || address === '::1');
}

/** Whether `Host` names this machine at the port the request came in on (an absent port is 80's). */
export function isLoopbackHost(host: string | undefined, localPort: number | undefined): boolean {
  const match = host === undefined ? null : LOOPBACK_HOST.exec(host);
  return match !== null && Number(match[1] ?? 80) === localPort;
}

/**
 * A route's onRequest hook for development-only routes (minting tokens, the development key): served only to a
 * peer on this machine that addressed the hub by a loopback name. A hub started on `0.0.0.0` would otherwise mint
 * tokens for the network, and a web page on a rebound DNS name (its `Host`) could read them from a developer's
 * browser. The socket's own addresses are used: `X-Forwarded-*` is the caller's to forge.
 */
export async function loopbackOnly(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (isLoopbackAddress(request.socket.remoteAddress) && isLoopbackHost(request.headers.host, request.socket.localPort)) return;
  return reply.code(403).send(clientError('This development route answers only on this machine, at localhost', LOOPBACK_ONLY));
}
