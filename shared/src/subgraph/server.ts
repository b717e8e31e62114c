import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
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
  stop(): Promise<void>;
}

export interface StartSubgraphOptions {
  db: Database;
  logger: Logger;
  /** The gateway's public keys: only requests it signed are answered. */
  gatewayKeys: JSONWebKeySet;
  port?: number;
  host?: string;
}

/** Serves one subgraph over HTTP with its own @apollo/server. */
export async function startSubgraph<Loaders>(definition: SubgraphDefinition<Loaders>, options: StartSubgraphOptions): Promise<RunningSubgraph> {
  const server = new ApolloServer<SubgraphContext<Loaders>>({
    schema: buildDomainSchema(definition as SubgraphDefinition),
    includeStacktraceInErrorResponses: !isProduction(),
    introspection: true,
    csrfPrevention: true,
    stopOnTerminationSignals: false,
    // The forwarded identity is bound to the body's query: a query looked up by hash would escape that binding.
    persistedQueries: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const host = options.host ?? '127.0.0.1';
  const verifyIdentity = forwardedIdentityVerifier(options.gatewayKeys, definition.name);
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port ?? 0, host },
    context: async ({ req }) => {
      const requestId = headerValue(req.headers['x-request-id']) ?? randomUUID();
      const token = headerValue(req.headers[FORWARDED_IDENTITY_HEADER]);
      // The gateway only POSTs; the identity is checked against the parsed body Apollo Server executes.
      const body = (req as { body?: unknown }).body;
      const identity = token && req.method === 'POST' && isObject(body) ? await verifyIdentity(token, body).catch(() => null) : null;
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
  const port = Number(new URL(url).port);
  options.logger.info({ domain: definition.name, url }, 'subgraph listening');
  return { name: definition.name, url, port, stop: () => server.stop() };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
