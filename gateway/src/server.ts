import './noTelemetry';
import { randomUUID } from 'node:crypto';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import {
  createLogger, Database, DOMAINS, GATEWAY_PORT, isProduction,
  type Grant, type Logger, type SigningKey, type SubgraphSource,
} from '@govhub/shared';
import { registerAuthentication } from './auth/authenticate';
import { devSigningKey, gatewaySigningKey } from './auth/devKeys';
import { createTokenVerifier } from './auth/tokens';
import { ExchangeLog } from './audit/exchangeLog';
import { AgreementIndex } from './authorization/agreements';
import type { GrantSource, PolicyRegistry } from './authorization/decide';
import { authorizationRules, type AuthorizationRules } from './authorization/rules';
import { authConfigFromEnv, type AuthConfig } from './config';
import type { HubContext } from './context';
import { HubDataSource } from './dataSource';
import { authorizationPlugin } from './plugins/authorization';
import { domainErrorsPlugin } from './plugins/domainErrors';
import { nationalIdArgumentsPlugin } from './plugins/nationalIds';
import { registerHealthRoutes } from './routes/health';
import { registerSchemaRoute } from './routes/schema';
import { graphqlShapedHttpErrors } from './routes/httpErrors';
import { StaticSupergraphManager } from './supergraph/staticSupergraph';
import { SubgraphRegistry } from './registry/registry';
import { RegistrySupergraphManager } from './registry/registrySupergraph';
import { allowedSubgraphHosts } from './registry/checks';
import { registerAdminRoutes } from './routes/admin';
import { OperationUsage } from './registry/usage';

export interface HubGatewayOptions {
  subgraphs: readonly SubgraphSource[];
  /** The hub's database: readiness, sharing agreements and consents. */
  databaseUrl?: string;
  port?: number;
  host?: string;
  logger?: Logger;
  /** Overrides of the environment's identity and authorization settings. */
  auth?: Partial<AuthConfig>;
  /** `@policy` names and the TypeScript that decides them. */
  policies?: PolicyRegistry;
  /** The key that signs forwarded identities (default: kept in `.govhub/keys`). */
  identityKey?: SigningKey;
  /** The development token-signing key (default: kept in `.govhub/keys`). */
  devKey?: SigningKey;
  /**
   * false runs the gateway without the hub's authorization and exchange log, forwarding a grant for every dataset:
   * the baseline `npm run bench` compares enforcement against. Refused in production.
   */
  enforcement?: boolean;
}

export interface RunningGateway {
  url: string;
  port: number;
  app: FastifyInstance;
  stop(): Promise<void>;
}

/** The lead agency owns each built-in subgraph in the registry. */
function builtInOwners(): Record<string, string> {
  return Object.fromEntries(Object.values(DOMAINS).map((domain) => [domain.name, domain.lead]));
}

const NO_GRANTS: GrantSource = { agreementFor: () => null, hasConsent: () => false };

/** Every dataset a classification names, granted: only for the unenforced benchmark baseline. */
function grantEveryDataset(rules: AuthorizationRules): Record<string, Grant> {
  const grants: Record<string, Grant> = {};
  for (const requirement of [...rules.fields.values()].flat()) {
    if (requirement.kind !== 'classified' || !requirement.classification.dataset) continue;
    grants[requirement.classification.dataset] =
      requirement.classification.level === 'SECRET' ? { basis: 'clearance' } : { basis: 'agreement', agreementId: 'UNENFORCED', fields: null };
  }
  return grants;
}

/** The hub's gateway: Apollo Gateway on a locally composed supergraph, enforcing the hub's authorization. */
export async function startHubGateway(options: HubGatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway');
  const enforcement = options.enforcement ?? true;
  if (!enforcement && isProduction()) throw new Error('the gateway cannot run without enforcement in production');
  const config: AuthConfig = { ...authConfigFromEnv(), ...options.auth };
  const devKey = config.keys ? null : (options.devKey ?? (await devSigningKey()));
  const identityKey = options.identityKey ?? (await gatewaySigningKey());
  const verify = createTokenVerifier({
    keys: config.keys ?? { jwks: { keys: [devKey!.publicJwk] } },
    issuer: config.issuer,
    audience: config.audience,
    scopeClaim: config.scopeClaim,
  });

  const db = options.databaseUrl ? new Database({ url: options.databaseUrl, schema: 'public', logger, maxConnections: 4 }) : null;
  const agreements = db ? new AgreementIndex(db, logger) : null;
  const exchangeLog = db ? new ExchangeLog(db) : null;
  await agreements?.start(options.databaseUrl as string);

  // With a database the supergraph comes from the registry (the built-in subgraphs registered at start) and follows
  // every publish without a restart; without one it is composed once from the given subgraphs.
  const registry = db ? new SubgraphRegistry(db) : null;
  const usage = db ? new OperationUsage(db, logger) : null;
  usage?.start();
  await registry?.registerBuiltIns(options.subgraphs, builtInOwners());
  const supergraphManager = registry
    ? new RegistrySupergraphManager(registry, options.databaseUrl as string, logger)
    : new StaticSupergraphManager(options.subgraphs, logger);
  const rulesBySchema = new WeakMap<GraphQLSchema, AuthorizationRules>();
  let supergraphLoaded = false;
  let liveApiSchema: GraphQLSchema | null = null;
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphManager,
    buildService: ({ name, url }) => new HubDataSource(name, url ?? '', identityKey),
    logger,
  });
  let unenforcedGrants: Record<string, Grant> = {};
  gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    const rules = authorizationRules(coreSupergraphSdl);
    rulesBySchema.set(apiSchema, rules);
    unenforcedGrants = grantEveryDataset(rules);
    liveApiSchema = apiSchema;
    supergraphLoaded = true;
  });

  const app = Fastify({ bodyLimit: 1024 * 1024 });
  app.setErrorHandler(graphqlShapedHttpErrors(logger));
  registerAuthentication(app, verify, (path) => path === '/graphql' || path.startsWith('/admin/'));
  const apollo = new ApolloServer<HubContext>({
    gateway,
    includeStacktraceInErrorResponses: !isProduction(),
    introspection: !isProduction(),
    csrfPrevention: true,
    // The process that runs the gateway decides how to stop it (cli/start.ts drains and exits).
    stopOnTerminationSignals: false,
    plugins: [
      fastifyApolloDrainPlugin(app),
      ApolloServerPluginLandingPageDisabled(),
      nationalIdArgumentsPlugin(),
      ...(enforcement
        ? [authorizationPlugin({
            mode: config.mode,
            reporting: config.reporting,
            requireAuthentication: config.requireAuthentication,
            policies: options.policies ?? new Map(),
            grants: agreements ?? NO_GRANTS,
            rulesFor: (schema) => rulesBySchema.get(schema),
            exchangeLog,
            usage,
          })]
        : []),
      domainErrorsPlugin(),
    ],
  });
  await apollo.start();

  registerHealthRoutes(
    app,
    [{ name: 'supergraph', check: () => supergraphLoaded }, ...(db ? [{ name: 'database', check: () => db.ping() }] : [])],
    () => (supergraphManager instanceof RegistrySupergraphManager ? { supergraph: supergraphManager.status } : {}),
  );
  if (devKey && !isProduction()) {
    app.get('/.well-known/jwks.json', async () => ({ keys: [devKey.publicJwk] }));
  }
  if (!isProduction()) registerSchemaRoute(app, () => liveApiSchema);
  app.get('/.well-known/gateway-jwks.json', async () => ({ keys: [identityKey.publicJwk] }));
  if (registry) registerAdminRoutes(app, registry, allowedSubgraphHosts(), usage);
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request) => {
      const requestId = (request.headers['x-request-id'] as string | undefined) ?? randomUUID();
      return { requestId, logger: logger.child({ requestId }), identity: request.identity, grants: enforcement ? {} : unenforcedGrants };
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
      await agreements?.stop();
      await usage?.stop();
      await db?.close();
    },
  };
}
