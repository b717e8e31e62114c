import './noTelemetry';
import { randomUUID } from 'node:crypto';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { createLogger, Database, GATEWAY_PORT, isProduction, type Logger, type SubgraphSource } from '@govhub/shared';
import type { HubContext } from './context';
import { HubDataSource } from './dataSource';
import { domainErrorsPlugin } from './plugins/domainErrors';
import { registerHealthRoutes } from './routes/health';
import { graphqlShapedHttpErrors } from './routes/httpErrors';
import { StaticSupergraphManager } from './supergraph/staticSupergraph';

export interface HubGatewayOptions {
  subgraphs: readonly SubgraphSource[];
  /** The hub's database; `/readyz` checks that it answers. */
  databaseUrl?: string;
  port?: number;
  host?: string;
  logger?: Logger;
}

export interface RunningGateway {
  url: string;
  port: number;
  app: FastifyInstance;
  stop(): Promise<void>;
}

/** The hub's gateway: Apollo Gateway on a locally composed supergraph, served by Fastify with health routes. */
export async function startHubGateway(options: HubGatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway');
  let supergraphLoaded = false;
  const gateway = new ApolloGateway({
    supergraphSdl: new StaticSupergraphManager(options.subgraphs, logger),
    buildService: ({ name, url }) => new HubDataSource(name, url ?? ''),
    logger,
  });
  gateway.onSchemaLoadOrUpdate(() => {
    supergraphLoaded = true;
  });

  const app = Fastify({ bodyLimit: 1024 * 1024 });
  app.setErrorHandler(graphqlShapedHttpErrors(logger));
  const apollo = new ApolloServer<HubContext>({
    gateway,
    includeStacktraceInErrorResponses: !isProduction(),
    introspection: !isProduction(),
    csrfPrevention: true,
    plugins: [fastifyApolloDrainPlugin(app), ApolloServerPluginLandingPageDisabled(), domainErrorsPlugin()],
  });
  await apollo.start();

  const db = options.databaseUrl ? new Database({ url: options.databaseUrl, schema: 'public', logger, maxConnections: 2 }) : null;
  registerHealthRoutes(app, [
    { name: 'supergraph', check: () => supergraphLoaded },
    ...(db ? [{ name: 'database', check: () => db.ping() }] : []),
  ]);
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request) => {
      const requestId = (request.headers['x-request-id'] as string | undefined) ?? randomUUID();
      return { requestId, logger: logger.child({ requestId }) };
    },
  });

  const address = await app.listen({ port: options.port ?? GATEWAY_PORT, host: options.host ?? '127.0.0.1' });
  const port = Number(new URL(address).port);
  const url = `http://localhost:${port}/graphql`;
  logger.info({ url }, 'gateway listening');
  return {
    url,
    port,
    app,
    stop: async () => {
      await app.close();
      await apollo.stop();
      await db?.close();
    },
  };
}
