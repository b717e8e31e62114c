import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { BenchSubgraph } from './benchSubgraph';

/**
 * A subgraph as a bare HTTP server on loopback: graphql-js over the `@apollo/subgraph` schema, with each
 * distinct document parsed and validated once. Kept this lean because the subgraphs share the machine with the
 * gateway under test; the public benchmark's are Rust servers for the same reason.
 */
export interface RunningSubgraph<Name extends string = BenchSubgraph['name']> {
  name: Name;
  url: string;
  sdl: string;
  close(): Promise<void>;
}

/** A subgraph to serve: its SDL, its resolvers, and optionally a change to each result (a fixture's broken subgraph). */
export interface ServedSubgraph<Name extends string> {
  name: Name;
  sdl: string;
  resolvers: BenchSubgraph['resolvers'];
  alterResult?: (result: ExecutionResult, variables: Record<string, unknown> | undefined) => ExecutionResult;
}

export async function startSubgraphServer<Name extends string = BenchSubgraph['name']>(
  subgraph: ServedSubgraph<Name>,
  host = '127.0.0.1',
  port = 0,
): Promise<RunningSubgraph<Name>> {
  const schema = buildSubgraphSchema({ typeDefs: parse(subgraph.sdl), resolvers: subgraph.resolvers });
  const documents = new Map<string, DocumentNode | readonly Error[]>();
  const server = createServer(async (request, response) => {
    const answer = await answerRequest(schema, documents, request, subgraph.alterResult);
    response.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer.body) });
    response.end(answer.body);
  });
  // Gateways keep connections open across requests: the server must not close them between bursts.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return { name: subgraph.name, url: `http://${host}:${bound}/graphql`, sdl: subgraph.sdl, close: () => closeServer(server) };
}

async function answerRequest(
  schema: GraphQLSchema,
  documents: Map<string, DocumentNode | readonly Error[]>,
  request: IncomingMessage,
  alterResult: ServedSubgraph<string>['alterResult'],
): Promise<{ status: number; body: string }> {
  if (request.method !== 'POST') return { status: 405, body: JSON.stringify({ errors: [{ message: 'POST only' }] }) };
  try {
    const { query, variables, operationName } = JSON.parse(await readBody(request)) as {
      query: string;
      variables?: Record<string, unknown>;
      operationName?: string;
    };
    let document = documents.get(query);
    if (!document) {
      const parsed = parse(query);
      const errors = validate(schema, parsed);
      document = errors.length > 0 ? errors : parsed;
      documents.set(query, document);
    }
    if (Array.isArray(document)) return { status: 400, body: JSON.stringify({ errors: document }) };
    const result = await execute({ schema, document: document as DocumentNode, variableValues: variables, operationName });
    return { status: 200, body: JSON.stringify(alterResult ? alterResult(result, variables) : result) };
  } catch (error) {
    return { status: 400, body: JSON.stringify({ errors: [{ message: (error as Error).message }] }) };
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
