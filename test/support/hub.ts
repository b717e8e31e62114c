import { DOMAIN_NAMES, createLogger, readSubgraphSdl, type DomainName, type SubgraphDefinition } from '@govhub/shared';
import {
  createTestDatabase, postGraphQL, startTestSubgraph, type GraphQLResponse, type TestDatabase, type TestSubgraph,
} from '@govhub/shared/dist/testing';
import { startHubGateway, type RunningGateway } from '@govhub/gateway';
import { governance } from '@govhub/subgraph-governance';
import { citizen } from '@govhub/subgraph-citizen';
import { water } from '@govhub/subgraph-water';
import { security } from '@govhub/subgraph-security';
import { resources } from '@govhub/subgraph-resources';
import { disaster } from '@govhub/subgraph-disaster';
import { tourism } from '@govhub/subgraph-tourism';
import { business } from '@govhub/subgraph-business';

export const DEFINITIONS: Record<DomainName, SubgraphDefinition> = {
  governance, citizen, water, security, resources, disaster, tourism, business,
} as Record<DomainName, SubgraphDefinition>;

export interface TestHub {
  url: string;
  gateway: RunningGateway;
  subgraphs: Record<DomainName, TestSubgraph>;
  query<D = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<D>>;
  /** SQL statements issued so far by every subgraph together. */
  statementCount(): number;
  stop(): Promise<void>;
}

/** The whole hub in one test process: every subgraph over real HTTP on its own port, one database, the gateway. */
export async function startTestHub(options: { people?: number } = {}): Promise<TestHub> {
  const database: TestDatabase = await createTestDatabase('hub');
  const entries = await Promise.all(
    DOMAIN_NAMES.map(async (name) => [name, await startTestSubgraph(DEFINITIONS[name], database.url, options)] as const),
  );
  const subgraphs = Object.fromEntries(entries) as Record<DomainName, TestSubgraph>;
  const gateway = await startHubGateway({
    subgraphs: DOMAIN_NAMES.map((name) => ({ name, url: subgraphs[name].url, sdl: readSubgraphSdl(DEFINITIONS[name]) })),
    databaseUrl: database.url,
    port: 0,
    logger: createLogger('test-gateway'),
  });
  return {
    url: gateway.url,
    gateway,
    subgraphs,
    query: (query, variables, headers) => postGraphQL(gateway.url, query, variables, headers),
    statementCount: () => Object.values(subgraphs).reduce((sum, subgraph) => sum + subgraph.db.statementCount, 0),
    stop: async () => {
      await gateway.stop();
      await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.stop().catch(() => undefined)));
      await database.drop();
    },
  };
}
