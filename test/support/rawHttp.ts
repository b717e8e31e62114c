import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The body as JSON, or null when it is not JSON. */
  json: { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: unknown } | null;
}

/**
 * One HTTP/1.1 request written to a socket byte for byte, so nothing on the client side normalises the request
 * target or the headers (fetch and http.request would resolve `/./graphql`, refuse a newline in a header, ...).
 */
export function rawRequest(
  port: number,
  { method = 'POST', target, headers = {}, body = '' }: { method?: string; target: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  const head = [
    `${method} ${target} HTTP/1.1`,
    ...Object.entries({ host: `localhost:${port}`, connection: 'close', ...headers }).map(([name, value]) => `${name}: ${value}`),
    ...(body ? [`content-length: ${Buffer.byteLength(body)}`] : []),
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => resolve(parseResponse(Buffer.concat(chunks))));
    socket.write(`${head}\r\n\r\n${body}`);
  });
}

function parseResponse(bytes: Buffer): RawResponse {
  const split = bytes.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = bytes.subarray(0, split).toString('latin1').split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  const rest = bytes.subarray(split + 4);
  const body = (headers['transfer-encoding'] === 'chunked' ? dechunk(rest) : rest).toString('utf8');
  let json: RawResponse['json'] = null;
  try {
    json = JSON.parse(body);
  } catch {
    // Not every answer is JSON (Node's own 400 for a malformed request has no body).
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body, json };
}

/** Chunk sizes count bytes, so the body is joined before it is decoded. */
function dechunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; ; ) {
    const lineEnd = bytes.indexOf('\r\n', at);
    const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
