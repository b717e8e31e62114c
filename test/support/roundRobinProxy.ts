import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

export interface ProxyCounts {
  /** Requests each upstream answered, by its origin. */
  answeredBy: Record<string, number>;
  /** Attempts that found an upstream's connection refused (nothing reached it) and went on to the next. */
  refused: number;
  /** Attempts whose connection was reset after the request was sent, and that were tried again on the next upstream. */
  resetRetried: number;
  /** Attempts each upstream broke off, reset or cut short: the requests it held when it died. */
  brokenBy: Record<string, number>;
  /** Answers an upstream began and never finished (it died while sending): the client sees a broken response. */
  cut: number;
  /** Requests answered 502 because no upstream could take them (or a reset one could not be retried). */
  failed: number;
}

export interface RoundRobinProxy {
  url: string;
  counts: ProxyCounts;
  /** Requests each upstream holds right now (sent, not yet answered). */
  inFlight: Record<string, number>;
  stop(): Promise<void>;
}

/**
 * A load balancer of the test's own in front of gateway replicas: each request goes to the next upstream in turn.
 * A refused connection reached nobody, so any request moves on to the next upstream. A reset one may have been
 * served: only a request that is safe to run twice is tried again, a GraphQL query; a mutation (or a body that is
 * not a GraphQL document, whose effect the proxy cannot know) is answered 502 instead. The operation type is read
 * from the body itself, as a GraphQL-aware balancer would, so no test can mislabel a mutation as retriable.
 */
export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<RoundRobinProxy> {
  const origins = upstreams.map((upstream) => new URL(upstream).origin);
  const counts: ProxyCounts = {
    answeredBy: perOrigin(origins),
    brokenBy: perOrigin(origins),
    refused: 0,
    resetRetried: 0,
    cut: 0,
    failed: 0,
  };
  const inFlight = perOrigin(origins);
  let next = 0;

  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const body = await readBody(incoming);
    const retriable = isQuery(body);
    const first = next++ % origins.length;
    for (let attempt = 0; attempt < origins.length; attempt++) {
      const origin = origins[(first + attempt) % origins.length];
      inFlight[origin]++;
      const outcome = await forward(origin, incoming, body, outgoing).finally(() => inFlight[origin]--);
      if (outcome === 'answered') {
        counts.answeredBy[origin]++;
        return;
      }
      if (outcome === 'refused') {
        counts.refused++;
        continue;
      }
      counts.brokenBy[origin]++;
      if (outcome === 'cut') {
        counts.cut++;
        return;
      }
      if (!retriable) break;
      counts.resetRetried++;
    }
    counts.failed++;
    outgoing.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'no replica could answer' }] }));
  };

  const server = createServer((incoming, outgoing) => void handle(incoming, outgoing));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    counts,
    inFlight,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * One attempt on one upstream, on a connection of its own (no keep-alive pool), so that a dead replica shows as
 * a refused connection rather than a stale pooled socket. Once an answer's head is passed on, a failure can only
 * cut the answer short: it is never tried again.
 */
function forward(origin: string, incoming: IncomingMessage, body: Buffer, outgoing: ServerResponse): Promise<Outcome> {
  const target = new URL(incoming.url ?? '/', origin);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      if (outcome === 'cut') outgoing.destroy();
      resolve(outcome);
    };
    const upstream = request(target, { method: incoming.method, headers: forwardedHeaders(incoming.headers), agent: false }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
      answer.once('end', () => settle('answered'));
      answer.once('aborted', () => settle('cut'));
      answer.once('error', () => settle('cut'));
    });
    upstream.once('error', (error: NodeJS.ErrnoException) => {
      if (outgoing.headersSent) settle('cut');
      else settle(error.code === 'ECONNREFUSED' ? 'refused' : 'reset');
    });
    upstream.end(body);
  });
}

type Outcome = 'answered' | 'refused' | 'reset' | 'cut';

function perOrigin(origins: readonly string[]): Record<string, number> {
  return Object.fromEntries(origins.map((origin) => [origin, 0]));
}

function forwardedHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { host: _host, connection: _connection, ...rest } = headers;
  return rest;
}

function readBody(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.once('end', () => resolve(Buffer.concat(chunks)));
    incoming.once('error', reject);
  });
}

/** True when the body's operation (the one `operationName` names, else the only one) is a query. */
function isQuery(body: Buffer): boolean {
  try {
    const { query, operationName } = JSON.parse(body.toString('utf8')) as { query?: string; operationName?: string };
    if (typeof query !== 'string') return false;
    const operations = parse(query).definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    const chosen = operationName
      ? operations.find((operation) => operation.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
    return chosen?.operation === 'query';
  } catch {
    return false;
  }
}
