import '../noTelemetry';
import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '../db/admin';
import { Database } from '../db/database';
import { createLogger } from '../log';
import type { SubgraphDefinition } from '../subgraph/definition';
import { prepareDomainDatabase, readSubgraphSdl, startSubgraph, type RunningSubgraph } from '../subgraph/server';
import { CLASSIFICATIONS, datasetFields, type Classification } from '../federation/classification';
import { createSigningKey, type SigningKey } from '../auth/keys';
import { FORWARDED_IDENTITY_ALGORITHM, FORWARDED_IDENTITY_HEADER, signForwardedIdentity, type ForwardedIdentity } from '../auth/forwarded';
import type { SubgraphRequest } from '../auth/subgraphRequest';
import type { DatasetGrant } from '../auth/grants';
import { hubDatasets } from '../reference';

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
  /** After `stop()`: serves again on the same port and the same (already seeded) data, as a restarted agency would. */
  restart(): Promise<void>;
}

/**
 * In tests that call a subgraph directly, the harness plays the gateway: it signs the forwarded identity with its
 * own key, which the subgraphs it starts trust. By default that identity is an agency holding an agreement (or
 * clearance) for every dataset, so a subgraph's own tests see all its data.
 */
let harnessKey: Promise<SigningKey> | undefined;
export function testGatewayKey(): Promise<SigningKey> {
  harnessKey ??= createSigningKey(FORWARDED_IDENTITY_ALGORITHM);
  return harnessKey;
}

export function fullAccessIdentity(): ForwardedIdentity {
  const grants: Record<string, DatasetGrant> = {};
  for (const dataset of hubDatasets()) grants[dataset.id] = fullGrant(dataset.classification, []);
  for (const [dataset, { level, coordinates }] of harnessDatasets) grants[dataset] = fullGrant(level, [...coordinates]);
  return {
    kind: 'agency',
    sub: 'test-harness',
    agency: 'TEST',
    purpose: 'TESTING',
    scopes: new Set(['agency', 'personal:read', 'sensitive:read', 'security:need-to-know']),
    grants,
  };
}

/** An agreement naming every field the harness's subgraphs classify in the dataset, sensitive ones too (clearance for SECRET). */
function fullGrant(level: Classification, fields: string[]): DatasetGrant {
  return level === 'SECRET' ? { clearance: { agreementId: 'TEST' } } : { sensitive: true, agreement: { id: 'TEST', fields } };
}

/**
 * The header one request to a test subgraph needs: the identity signed as the gateway would, for that subgraph and
 * that body alone (send the body exactly as given).
 */
export async function asGateway(
  subgraph: string,
  request: SubgraphRequest,
  identity: ForwardedIdentity = fullAccessIdentity(),
): Promise<Record<string, string>> {
  return { [FORWARDED_IDENTITY_HEADER]: await signForwardedIdentity(identity, await testGatewayKey(), { subgraph, request }) };
}

/** The harness's subgraphs (by URL, their names), which it signs for. */
const harnessSubgraphs = new Map<string, string>();
/** Datasets the harness's subgraphs name beyond the hub's catalogue (an agency's new subgraph): granted too. */
const harnessDatasets = new Map<string, { level: Classification; coordinates: Set<string> }>();

/** Migrates, seeds and serves a subgraph over real HTTP on a free port, against `databaseUrl`. */
export async function startTestSubgraph(
  definition: SubgraphDefinition,
  databaseUrl: string,
  options: { people?: number; gatewayKey?: SigningKey } = {},
): Promise<TestSubgraph> {
  const logger = createLogger(`test-${definition.name}`);
  const connect = () => new Database({ url: databaseUrl, schema: definition.name, logger });
  let db = connect();
  await prepareDomainDatabase(definition, db, { people: options.people ?? 300, logger });
  const gatewayKey = options.gatewayKey ?? (await testGatewayKey());
  const serve = (port: number) => startSubgraph(definition, { db, logger, port, gatewayKeys: { keys: [gatewayKey.publicJwk] } });
  let running = await serve(0);
  if (!options.gatewayKey) {
    harnessSubgraphs.set(running.url, running.name);
    for (const [dataset, { level, coordinates }] of datasetFields(readSubgraphSdl(definition))) {
      const known = harnessDatasets.get(dataset) ?? { level, coordinates: new Set<string>() };
      if (CLASSIFICATIONS.indexOf(level) > CLASSIFICATIONS.indexOf(known.level)) known.level = level;
      for (const coordinate of coordinates) known.coordinates.add(coordinate);
      harnessDatasets.set(dataset, known);
    }
  }
  return {
    name: running.name,
    url: running.url,
    port: running.port,
    get db() {
      return db;
    },
    stop: async () => {
      await running.stop();
      await db.close();
    },
    drain: async (delayMs) => {
      await running.drain(delayMs);
      await db.close();
    },
    restart: async () => {
      db = connect();
      running = await serve(running.port);
    },
  };
}

export interface TestSubgraphOptions {
  /** Size of the synthetic population to seed (default 300). */
  people?: number;
  /** Runs on the fresh, empty database before the subgraph migrates and seeds it (to time a seed on its own, say). */
  beforeStart?: (databaseUrl: string) => Promise<void>;
}

/** A subgraph one test file runs against: usable inside tests, once jest has run the `beforeAll` it registers. */
export interface TestSubgraphHandle {
  readonly url: string;
  readonly db: Database;
  query<D = Record<string, any>>(text: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<D>>;
  /**
   * Sends a request that must succeed (a failed one would be counted short) and counts the SQL statements
   * the subgraph issued to answer it.
   */
  statementsFor<D = Record<string, any>>(
    text: string,
    variables?: Record<string, unknown>,
  ): Promise<{ response: GraphQLResponse<D>; statements: number }>;
}

/**
 * Serves `definition` over real HTTP for the test file that calls it: registers a jest `beforeAll` that creates a
 * fresh database, migrates, seeds and starts the subgraph, and an `afterAll` that stops it and drops the database.
 */
export function useTestSubgraph(definition: SubgraphDefinition, options: TestSubgraphOptions = {}): TestSubgraphHandle {
  let database: TestDatabase | undefined;
  let subgraph: TestSubgraph | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(definition.name);
    await options.beforeStart?.(database.url);
    subgraph = await startTestSubgraph(definition, database.url, { people: options.people });
  });
  afterAll(async () => {
    await subgraph?.stop();
    await database?.drop();
  });
  const running = (): TestSubgraph => {
    if (!subgraph) throw new Error(`the ${definition.name} test subgraph is not running: use it inside a test`);
    return subgraph;
  };
  const query = <D = Record<string, any>>(text: string, variables?: Record<string, unknown>) => postGraphQL<D>(running().url, text, variables);
  return {
    get url() {
      return running().url;
    },
    get db() {
      return running().db;
    },
    query,
    statementsFor: async <D = Record<string, any>>(text: string, variables?: Record<string, unknown>) => {
      const before = running().db.statementCount;
      const response = await query<D>(text, variables);
      expect(response.errors).toBeUndefined();
      return { response, statements: running().db.statementCount - before };
    },
  };
}

export interface GraphQLResponse<D = Record<string, unknown>> {
  status: number;
  data?: D | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/** POSTs a GraphQL operation over real HTTP (to a harness subgraph, signed as the gateway unless headers say otherwise). */
export async function postGraphQL<D = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<D>> {
  const request = { query, variables };
  const subgraph = harnessSubgraphs.get(url);
  const harness = subgraph && !(FORWARDED_IDENTITY_HEADER in headers) ? await asGateway(subgraph, request) : {};
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...harness, ...headers },
    body: JSON.stringify(request),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<D>, 'status'>;
  return { status: response.status, ...body };
}
