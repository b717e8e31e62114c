import '../noTelemetry';
import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '../db/admin';
import { Database } from '../db/database';
import { createLogger } from '../log';
import type { SubgraphDefinition } from '../subgraph/definition';
import { prepareDomainDatabase, startSubgraph, type RunningSubgraph } from '../subgraph/server';

export function testServerUrl(): string {
  const url = process.env.GOVHUB_TEST_SERVER_URL;
  if (!url) throw new Error('GOVHUB_TEST_SERVER_URL is not set: run tests through jest with the govhub global setup');
  return url;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file, on the test server. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const url = await ensureDatabase(testServerUrl(), name);
  return { url, drop: () => dropDatabase(testServerUrl(), name) };
}

export interface TestSubgraph extends RunningSubgraph {
  db: Database;
}

/** Migrates, seeds and serves a subgraph over real HTTP on a free port, against `databaseUrl`. */
export async function startTestSubgraph(
  definition: SubgraphDefinition,
  databaseUrl: string,
  options: { people?: number } = {},
): Promise<TestSubgraph> {
  const logger = createLogger(`test-${definition.name}`);
  const db = new Database({ url: databaseUrl, schema: definition.name, logger });
  await prepareDomainDatabase(definition, db, { people: options.people ?? 300, logger });
  const running = await startSubgraph(definition, { db, logger, port: 0 });
  return {
    ...running,
    db,
    stop: async () => {
      await running.stop();
      await db.close();
    },
  };
}

export interface GraphQLResponse<D = Record<string, unknown>> {
  status: number;
  data?: D | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/** POSTs a GraphQL operation over real HTTP. */
export async function postGraphQL<D = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<D>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<D>, 'status'>;
  return { status: response.status, ...body };
}
