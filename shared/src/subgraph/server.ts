import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import { buildSubgraphSchema } from '@apollo/subgraph';
import Fastify from 'fastify';
import { parse, type GraphQLSchema } from 'graphql';
import type { JSONWebKeySet } from 'jose';
import { FORWARDED_IDENTITY_HEADER, forwardedIdentityVerifier } from '../auth/forwarded';
import type { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { isProduction } from '../env';
import type { Logger } from '../log';
import { scalarResolvers } from '../scalars';
import { enforceRowLevelAccess, SubjectAccess } from './access';
import { requestError } from '../errorCatalogue';
import type { SeedOptions, SubgraphContext, SubgraphDefinition } from './definition';
import { closeConnectionsWhenClosing, Drain } from '../http/drain';
import { graphqlShapedHttpErrors, graphqlShapedNotFound } from '../http/errors';
import { registerHealthRoutes } from '../http/health';
import { SubgraphMetrics } from './metrics';

export function readSubgraphSdl(definition: Pick<SubgraphDefinition, 'dir'>): string {
  return readFileSync(join(definition.dir, 'schema.graphql'), 'utf8');
}

export function buildDomainSchema(definition: SubgraphDefinition): GraphQLSchema {
  const sdl = readSubgraphSdl(definition);
  return enforceRowLevelAccess(buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: { ...scalarResolvers(sdl), ...definition.resolvers } }));
}

/** Applies the domain's migrations, then its (idempotent) seed. */
export async function prepareDomainDatabase(definition: SubgraphDefinition, db: Database, options: SeedOptions): Promise<void> {
  const { applied } = await migrate(db, join(definition.dir, 'migrations'));
  if (applied.length) options.logger.info({ domain: definition.name, applied }, 'migrations applied');
  await definition.seed(db, options);
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  /** Stops taking connections; in-flight requests finish. */
  stop(): Promise<void>;
  /** A graceful stop (SIGTERM): `/readyz` answers 503 while requests are still served for `delayMs`, then `stop()`. */
  drain(delayMs: number): Promise<void>;
}

export interface StartSubgraphOptions {
  db: Database;
  logger: Logger;
  /** The gateway's public keys: only requests it signed are answered. */
  gatewayKeys: JSONWebKeySet;
  port?: number;
  /** The address to listen on (default 127.0.0.1; a container listens on 0.0.0.0). */
  host?: string;
}

/** The gateway's entity batches can be large; far above any real one, yet bounded. */
const SUBGRAPH_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * Serves one subgraph over HTTP (Fastify and its own @apollo/server): GraphQL at `/` and `/graphql`, answered only
 * for requests the gateway signed; `/healthz`, `/readyz` (its database answers) and `/metrics` for anyone, as they
 * carry no data.
 */
export async function startSubgraph<Loaders>(definition: SubgraphDefinition<Loaders>, options: StartSubgraphOptions): Promise<RunningSubgraph> {
  const metrics = new SubgraphMetrics(definition.name, options.db);
  const drain = new Drain();
  const app = Fastify({ bodyLimit: SUBGRAPH_BODY_LIMIT_BYTES, return503OnClosing: false });
  app.setErrorHandler(graphqlShapedHttpErrors(options.logger));
  app.setNotFoundHandler(graphqlShapedNotFound);
  closeConnectionsWhenClosing(app);
  const server = new ApolloServer<SubgraphContext<Loaders>>({
    schema: buildDomainSchema(definition as SubgraphDefinition),
    includeStacktraceInErrorResponses: !isProduction(),
    introspection: true,
    csrfPrevention: true,
    stopOnTerminationSignals: false,
    // The forwarded identity is bound to the body's query: a query looked up by hash would escape that binding.
    persistedQueries: false,
    plugins: [ApolloServerPluginInlineTraceDisabled(), fastifyApolloDrainPlugin(app), metrics.plugin()],
  });
  await server.start();
  registerHealthRoutes(app, [{ name: 'database', check: () => options.db.ping() }], { draining: () => drain.draining });
  app.get('/metrics', async (_, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));
  const verifyIdentity = forwardedIdentityVerifier(options.gatewayKeys, definition.name);
  const handler = fastifyApolloHandler(server, {
    context: async (request) => {
      const requestId = headerValue(request.headers['x-request-id']) ?? randomUUID();
      const token = headerValue(request.headers[FORWARDED_IDENTITY_HEADER]);
      // The gateway only POSTs; the identity is checked against the parsed body Apollo Server executes.
      const identity =
        token && request.method === 'POST' && isObject(request.body) ? await verifyIdentity(token, request.body).catch(() => null) : null;
      if (!identity) {
        throw requestError('UNAUTHENTICATED', 'Requests must come through the govhub gateway');
      }
      return {
        db: options.db,
        loaders: definition.createLoaders(options.db),
        logger: options.logger.child({ requestId }),
        requestId,
        identity,
        access: new SubjectAccess(identity),
      };
    },
  });
  for (const url of ['/', '/graphql']) app.route({ method: ['GET', 'POST', 'OPTIONS'], url, handler });
  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  const port = Number(new URL(address).port);
  const url = `http://localhost:${port}/`;
  options.logger.info({ domain: definition.name, url, address }, 'subgraph listening');
  const stop = async () => {
    await app.close();
    await server.stop();
  };
  return { name: definition.name, url, port, stop, drain: (delayMs) => drain.run(stop, delayMs) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
