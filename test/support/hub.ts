import {
  DOMAIN_NAMES,
  FORWARDED_IDENTITY_ALGORITHM,
  createLogger,
  createSigningKey,
  readSubgraphSdl,
  type DomainName,
  type SigningKey,
  type SubgraphDefinition,
} from '@govhub/shared';
import {
  createTestDatabase,
  postGraphQL,
  startTestSubgraph,
  type GraphQLResponse,
  type TestDatabase,
  type TestSubgraph,
} from '@govhub/shared/dist/testing';
import { mintToken, startHubGateway, type AuthConfig, type HubGatewayOptions, type RunningGateway, type TokenRequest } from '@govhub/gateway';
import { governance } from '@govhub/subgraph-governance';
import { citizen } from '@govhub/subgraph-citizen';
import { water } from '@govhub/subgraph-water';
import { security } from '@govhub/subgraph-security';
import { resources } from '@govhub/subgraph-resources';
import { disaster } from '@govhub/subgraph-disaster';
import { tourism } from '@govhub/subgraph-tourism';
import { business } from '@govhub/subgraph-business';

export const DEFINITIONS: Record<DomainName, SubgraphDefinition> = {
  governance,
  citizen,
  water,
  security,
  resources,
  disaster,
  tourism,
  business,
} as Record<DomainName, SubgraphDefinition>;

export interface TestHub {
  url: string;
  /** The database every subgraph and the gateway share (one PostgreSQL schema per domain). */
  databaseUrl: string;
  gateway: RunningGateway;
  subgraphs: Record<DomainName, TestSubgraph>;
  query<D = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<D>>;
  /** SQL statements issued so far by every subgraph together. */
  statementCount(): number;
  /** An Authorization header with a token the hub accepts. */
  as(request: Partial<TokenRequest>): Promise<Record<string, string>>;
  /** Another gateway on the same subgraphs, database and keys, with some options changed (stopped with the hub). */
  startGateway(overrides: Partial<HubGatewayOptions>): Promise<RunningGateway>;
  stop(): Promise<void>;
}

export interface TestHubOptions {
  people?: number;
  /** Overrides of the test hub's identity settings (by default it trusts the test token key as a development key). */
  auth?: Partial<AuthConfig>;
  /** The key `as()` signs tokens with. */
  tokenKey?: SigningKey;
  /** The key the gateway signs forwarded identities with, which the subgraphs trust (default: a fresh one). */
  identityKey?: SigningKey;
  /** The database to run on (default: a fresh one on the shared test server). */
  database?: TestDatabase;
  /** Domains that run on a database of their own instead (its connection string), as an agency runs its subgraph. */
  domainDatabases?: Partial<Record<DomainName, string>>;
  /** Overrides of the gateway's rate limits (by default the environment's). */
  rateLimits?: HubGatewayOptions['rateLimits'];
  /** Overrides of the gateway's trusted documents and safelisted clients (by default the environment's). */
  persistedDocuments?: HubGatewayOptions['persistedDocuments'];
  /** How often the gateway re-reads the registry and the agreements without a notification (default: the gateway's). */
  fallbackPollMs?: HubGatewayOptions['fallbackPollMs'];
  /** The executor of the hub's gateway (by default the environment's). */
  executor?: HubGatewayOptions['executor'];
}

/** The whole hub in one test process: every subgraph over real HTTP on its own port, one database, the gateway. */
export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  const database: TestDatabase = options.database ?? (await createTestDatabase('hub'));
  const [identityKey, devKey] = await Promise.all([
    options.identityKey ?? createSigningKey(FORWARDED_IDENTITY_ALGORITHM),
    options.tokenKey ?? createSigningKey(),
  ]);
  const entries = await Promise.all(
    DOMAIN_NAMES.map(
      async (name) =>
        [
          name,
          await startTestSubgraph(DEFINITIONS[name], options.domainDatabases?.[name] ?? database.url, {
            people: options.people,
            gatewayKey: identityKey,
          }),
        ] as const,
    ),
  );
  const subgraphs = Object.fromEntries(entries) as Record<DomainName, TestSubgraph>;
  const gatewayOptions: HubGatewayOptions = {
    subgraphs: DOMAIN_NAMES.map((name) => ({ name, url: subgraphs[name].url, sdl: readSubgraphSdl(DEFINITIONS[name]) })),
    databaseUrl: database.url,
    port: 0,
    logger: createLogger('test-gateway'),
    identityKey,
    devKey,
    auth: { keys: null, mode: 'filter', reporting: 'errors', requireAuthentication: false, ...options.auth },
    rateLimits: options.rateLimits,
    persistedDocuments: options.persistedDocuments,
    fallbackPollMs: options.fallbackPollMs,
    executor: options.executor,
  };
  const gateway = await startHubGateway(gatewayOptions);
  const others: RunningGateway[] = [];
  return {
    url: gateway.url,
    databaseUrl: database.url,
    gateway,
    subgraphs,
    query: (query, variables, headers) => postGraphQL(gateway.url, query, variables, headers),
    statementCount: () => Object.values(subgraphs).reduce((sum, subgraph) => sum + subgraph.db.statementCount, 0),
    as: async (request) => ({ authorization: `Bearer ${await mintToken(devKey, { sub: request.agency ?? 'officer', ...request })}` }),
    startGateway: async (overrides) => {
      const other = await startHubGateway({ ...gatewayOptions, ...overrides });
      others.push(other);
      return other;
    },
    stop: async () => {
      await Promise.all(others.map((other) => other.stop()));
      await gateway.stop();
      await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.stop().catch(() => undefined)));
      await database.drop();
    },
  };
}

/** The demo callers (README, demo identities). */
export const CALLERS = {
  /** DOPA reading citizen data for welfare eligibility: its agreements cover registry, low income and health. */
  dopaWelfare: { agency: 'DOPA', sub: 'dopa-officer-7', purpose: 'WELFARE_ELIGIBILITY', scope: ['agency', 'personal:read', 'sensitive:read'] },
  /** An agency with no agreement at all. */
  tatNoAgreement: { agency: 'TAT', sub: 'tat-officer-1', purpose: 'WELFARE_ELIGIBILITY', scope: ['agency', 'personal:read', 'sensitive:read'] },
  /** A security agency with need-to-know clearance. */
  nscSecurity: { agency: 'NSC', sub: 'nsc-analyst-3', purpose: 'NATIONAL_SECURITY', scope: ['agency', 'security:need-to-know'] },
  citizen: (nationalId: string) => ({ sub: nationalId, scope: ['citizen:self'] }),
} as const;
