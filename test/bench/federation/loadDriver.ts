import { Agent, request } from 'node:http';
import * as hdr from 'hdr-histogram-js';
import { answerBytes, EXPECTED_RESPONSE_BYTES, EXPECTED_RESPONSE_SHA256, sha256, TEST_QUERY_BODY } from './testQuery';

/**
 * The load: `connections` keep-alive connections, each sending the TestQuery again as soon as the previous answer
 * arrived (closed loop, as k6's constant VUs do), for `seconds`. Every answer's length is checked and every
 * `hashEvery`-th answer's SHA-256; a non-2xx status, a failed connection or a wrong body is an error, and errors
 * are not counted as served requests.
 */
export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  /** A header value per request (each request a new caller), or none. */
  authorization?: () => string;
  hashEvery?: number;
  /** What each request sends and how its answer is judged (default: the TestQuery, checked byte for byte). */
  request?: LoadRequest;
}

/** A request body, and the judge of its answers: null when an answer is right, else what is wrong with it. */
export interface LoadRequest {
  body: Buffer;
  judge(status: number, body: Buffer, checkHash: boolean): string | null;
}

export interface LoadResult {
  seconds: number;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The first few distinct error reasons, with their counts. */
  errorReasons: Record<string, number>;
}

const TEST_QUERY_REQUEST: LoadRequest = { body: Buffer.from(TEST_QUERY_BODY), judge: wrongAnswer };

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  // Microseconds, up to a minute, three significant digits.
  const latencies = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
  const hashEvery = options.hashEvery ?? 100;
  const load = options.request ?? TEST_QUERY_REQUEST;
  const errorReasons: Record<string, number> = {};
  let requests = 0;
  let errors = 0;
  const fail = (reason: string) => {
    errors++;
    if (Object.keys(errorReasons).length < 10 || reason in errorReasons) errorReasons[reason] = (errorReasons[reason] ?? 0) + 1;
  };

  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const connection = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      const answer = await post(target, agent, load.body, options.authorization?.());
      const reason = answer.error ?? load.judge(answer.status, answer.body, (requests + errors) % hashEvery === 0);
      if (reason) {
        fail(reason);
      } else {
        requests++;
        latencies.recordValue(Math.max(1, Math.round((performance.now() - sent) * 1000)));
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, connection));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const ms = (percentile: number) => latencies.getValueAtPercentile(percentile) / 1000;
  const result: LoadResult = {
    seconds,
    requests,
    errors,
    requestsPerSecond: requests / seconds,
    p50Ms: ms(50),
    p95Ms: ms(95),
    p99Ms: ms(99),
    maxMs: latencies.maxValue / 1000,
    errorReasons,
  };
  latencies.destroy();
  return result;
}

function wrongAnswer(status: number, body: Buffer, checkHash: boolean): string | null {
  if (status < 200 || status > 299) return `HTTP ${status}: ${body.toString('utf8', 0, 120)}`;
  const answer = answerBytes(body);
  if (answer.length !== EXPECTED_RESPONSE_BYTES) return `wrong length ${answer.length}: ${answer.toString('utf8', 0, 120)}`;
  if (checkHash && sha256(answer) !== EXPECTED_RESPONSE_SHA256) return 'wrong body (SHA-256)';
  return null;
}

function post(target: URL, agent: Agent, body: Buffer, authorization: string | undefined): Promise<{ status: number; body: Buffer; error?: string }> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': body.length };
    if (authorization) headers.authorization = authorization;
    const outgoing = request(target, { method: 'POST', agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
      response.on('error', (error) => resolve({ status: 0, body: Buffer.alloc(0), error: `response: ${error.message}` }));
    });
    outgoing.on('error', (error) => resolve({ status: 0, body: Buffer.alloc(0), error: `request: ${error.message}` }));
    outgoing.end(body);
  });
}
