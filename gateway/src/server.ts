import './noTelemetry';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  closeConnectionsWhenClosing,
  createLogger,
  Database,
  Drain,
  graphqlShapedHttpErrors,
  graphqlShapedNotFound,
  registerHealthRoutes,
  DOMAINS,
  GATEWAY_PORT,
  isProduction,
  servingStatementTimeoutMs,
  type Classification,
  type Logger,
  type SigningKey,
  type SubgraphSource,
} from '@govhub/shared';
import { registerAuthentication } from './auth/authenticate';
import { devSigningKey, gatewaySigningKey } from './auth/devKeys';
import { createTokenVerifier } from './auth/tokens';
import { ExchangeLog } from './audit/exchangeLog';
import { AgreementIndex } from './authorization/agreements';
import type { GrantSource, PolicyRegistry } from './authorization/decide';
import { authConfigFromEnv, type AuthConfig } from './config';
import type { HubContext } from './context';
import { HubDataSource } from './dataSource';
import { forwardedIdentitySigner } from './forwardedIdentity';
import { authorizationPlugin } from './plugins/authorization';
import { domainErrorsPlugin } from './plugins/domainErrors';
import { limitsPlugin } from './plugins/limits';
import { nationalIdArgumentsPlugin } from './plugins/nationalIds';
import { inputTextPlugin } from './plugins/inputText';
import { registerSchemaRoute } from './routes/schema';
import { registerDocsRoutes } from './routes/docs';
import { registerCitizenApp, oidcSettingsFromEnv } from './routes/citizenApp';
import { registerDevTokenRoute } from './routes/devTokens';
import { registerIde } from './routes/ide';
import { HubMetrics } from './observability/metrics';
import { registerRequestLogging, requestIdOptions } from './observability/requests';
import { metricsPlugin } from './plugins/metrics';
import { errorPresentationPlugin } from './plugins/errorMasking';
import { stagesPlugin } from './plugins/stages';
import { loadPolicyFiles, warnUndecidedPolicies } from './authorization/policyFiles';
import { registerHttpSecurity } from './http/security';
import { startTracing, tracesEndpointFromEnv } from './observability/tracing';
import { registerCanonicalTargets } from './http/requestTarget';
import { registerGraphQLGetParameters } from './http/graphqlGet';
import { loopbackOnly } from './http/loopbackOnly';
import { LiveSupergraph } from './supergraph/liveSupergraph';
import { StaticSupergraphManager } from './supergraph/staticSupergraph';
import { SupergraphFileManager } from './supergraph/supergraphFile';
import { rulesWithDefaultClassification } from './authorization/defaultClassification';
import { SubgraphRegistry } from './registry/registry';
import { RegistrySupergraphManager } from './registry/registrySupergraph';
import { allowedSubgraphHosts } from './registry/checks';
import { registerAdminRoutes } from './routes/admin';
import { OperationUsage } from './registry/usage';
import { apolloServerLimits } from './limits/apolloServerOptions';
import { reservedAliasRule } from './authorization/reservedKeys';
import { registerHttpLimits } from './limits/http';
import { limitsFromEnv, type OperationLimits } from './limits/config';
import { resilienceConfigFromEnv, type ResilienceConfig } from './resilience/config';
import { SubgraphGuards } from './resilience/subgraphGuard';
import { rateLimitConfigFromEnv, type RateLimitConfig } from './rateLimit/config';
import { createRateLimiter } from './rateLimit/limiter';
import { registerRateLimits } from './rateLimit/hook';
import { trustProxyFromEnv } from './rateLimit/clientAddress';
import { persistedDocumentsConfigFromEnv, type PersistedDocumentsConfig } from './persisted/config';
import { TrustedDocuments } from './persisted/documents';
import { loadManifest, mergeManifests } from './persisted/manifest';
import { registerPersistedDocuments } from './plugins/persistedDocuments';
import { RedisApqCache } from './persisted/redisApqCache';
import { executorFromEnv, type ExecutorKind } from './executor/config';
import { DataSources } from './executor/dataSources';
import { LeanGateway } from './executor/leanGateway';

export interface HubGatewayOptions {
  /** The subgraphs to compose (with a database: registered in the registry, which then serves the supergraph). */
  subgraphs?: readonly SubgraphSource[];
  /** A composed supergraph file to serve and follow instead (the registry is then not used). */
  supergraphFile?: string;
  /**
   * The level of every field without `@classified`, for a supergraph that does not classify its fields (another
   * organisation's); without it such a supergraph is refused.
   */
  defaultClassification?: Classification;
  /**
   * The hub's database: readiness, sharing agreements and consents, the exchange log, usage and the registry.
   * Without it no personal data is released (no agreement grants it and no exchange log could record it).
   */
  databaseUrl?: string;
  port?: number;
  host?: string;
  logger?: Logger;
  /** Origins browser apps may call from (default: `GOVHUB_CORS_ORIGINS`). */
  corsOrigins?: readonly string[];
  /** Overrides of the environment's identity and authorization settings. */
  auth?: Partial<AuthConfig>;
  /** `@policy` names and the TypeScript that decides them (default: the files of `GOVHUB_POLICIES_DIR`). */
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
  /** Overrides of the environment's operation limits (`GOVHUB_LIMIT_*`). */
  limits?: Partial<OperationLimits>;
  /** Overrides of the environment's subgraph timeouts, request deadline, retries and circuit breakers. */
  resilience?: Partial<ResilienceConfig>;
  /** Overrides of the environment's rate limits (`GOVHUB_RATE_LIMIT_*`, `REDIS_URL`). */
  rateLimits?: Partial<RateLimitConfig>;
  /** Overrides of the environment's trusted documents and safelisted clients. */
  persistedDocuments?: Partial<PersistedDocumentsConfig>;
  /**
   * How often the registry's supergraph and the agreements are re-read although no notification came (default
   * 5 s and 30 s): the fallback for notifications lost while the database listener reconnects. For a supergraph
   * file, how often it is stat'ed in case its watch missed a change (default 1 s).
   */
  fallbackPollMs?: { supergraph?: number; agreements?: number };
  /** Which executor runs the query plans (default: `GOVHUB_EXECUTOR`, else stock). */
  executor?: ExecutorKind;
}

export interface RunningGateway {
  url: string;
  port: number;
  app: FastifyInstance;
  stop(): Promise<void>;
  /** A graceful stop (SIGTERM): `/readyz` answers 503 while requests are still served for `delayMs`, then `stop()`. */
  drain(delayMs: number): Promise<void>;
}

/** The lead agency owns each built-in subgraph in the registry. */
function builtInOwners(): Record<string, string> {
  return Object.fromEntries(Object.values(DOMAINS).map((domain) => [domain.name, domain.lead]));
}

/** What `/readyz` says of a gateway started without a database. */
const WITHOUT_DATABASE = 'none: no sharing agreements (personal data is denied), no exchange log (nothing personal is released), no registry';

const NO_GRANTS: GrantSource = { agreementFor: () => null, consentingSubjects: () => new Set() };

/** The hub's gateway: Apollo Gateway on a locally composed supergraph, enforcing the hub's authorization. */
export async function startHubGateway(options: HubGatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway');
  const metrics = new HubMetrics(() => guards.circuits());
  const tracing = startTracing(tracesEndpointFromEnv(), logger);
  const enforcement = options.enforcement ?? true;
  if (!enforcement && isProduction()) throw new Error('the gateway cannot run without enforcement in production');
  const config: AuthConfig = { ...authConfigFromEnv(), ...options.auth };
  const resilience: ResilienceConfig = { ...resilienceConfigFromEnv(), ...options.resilience };
  if (!config.keys && isProduction())
    throw new Error('HUB_ENV=production verifies tokens with GOVHUB_JWKS_URL or GOVHUB_JWKS_FILE, never a development key');
  const devKey = config.keys ? null : (options.devKey ?? (await devSigningKey()));
  const identityKey = options.identityKey ?? (await gatewaySigningKey());
  // Subgraphs accept forwarded identities of one algorithm only: a key of another would fail every subgraph call.
  if (identityKey.publicJwk.crv !== 'Ed25519') throw new Error('the gateway identity key must be an Ed25519 (EdDSA) key');
  const verify = createTokenVerifier({
    keys: config.keys ?? { jwks: { keys: [devKey!.publicJwk] } },
    issuer: config.issuer,
    audience: config.audience,
    scopeClaim: config.scopeClaim,
  });

  const db = options.databaseUrl
    ? new Database({ url: options.databaseUrl, schema: 'public', logger, maxConnections: 4, statementTimeoutMs: servingStatementTimeoutMs() })
    : null;
  const agreements = db ? new AgreementIndex(db, logger) : null;
  const exchangeLog = db ? new ExchangeLog(db, metrics) : null;
  await agreements?.start(options.databaseUrl as string, options.fallbackPollMs?.agreements);

  // A supergraph file is served as it is and followed as it changes. Otherwise, with a database the supergraph comes
  // from the registry (the built-in subgraphs registered at start) and follows every publish without a restart;
  // without one it is composed once from the given subgraphs.
  const fileManager = options.supergraphFile
    ? new SupergraphFileManager(options.supergraphFile, options.defaultClassification ?? null, logger, options.fallbackPollMs?.supergraph)
    : null;
  const registry = db && !fileManager ? new SubgraphRegistry(db) : null;
  const usage = db ? new OperationUsage(db, logger) : null;
  usage?.start();
  await registry?.registerBuiltIns(options.subgraphs ?? [], builtInOwners());
  const registryManager = registry
    ? new RegistrySupergraphManager(registry, options.databaseUrl as string, logger, options.fallbackPollMs?.supergraph)
    : null;
  /** The supergraph source that follows changes, and reports why the latest one could not be loaded. */
  const followed = fileManager ?? registryManager;
  const supergraphManager = followed ?? new StaticSupergraphManager(options.subgraphs ?? [], logger);
  const live = new LiveSupergraph(options.defaultClassification ? rulesWithDefaultClassification(options.defaultClassification) : undefined);
  const limits: OperationLimits = { ...limitsFromEnv(), ...options.limits };
  const guards = new SubgraphGuards(resilience, logger);
  const dataSources = new DataSources();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphManager,
    buildService: dataSources.track(
      ({ name, url }) =>
        new HubDataSource(url ?? '', forwardedIdentitySigner(identityKey, name, live.datasetsServedBy), guards.for(name), (seconds, errorCode) =>
          metrics.subgraphFetch(name, seconds, errorCode),
        ),
    ),
    logger,
  });
  const executor: GatewayInterface =
    (options.executor ?? executorFromEnv()) === 'lean' ? new LeanGateway(gateway, { dataSources, logger, registry: metrics.registry }) : gateway;
  const policies = options.policies ?? (process.env.GOVHUB_POLICIES_DIR ? await loadPolicyFiles(process.env.GOVHUB_POLICIES_DIR) : new Map());
  gateway.onSchemaLoadOrUpdate(live.loaded);
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    const rules = live.rulesFor(apiSchema);
    if (rules) warnUndecidedPolicies(rules, policies, logger);
  });

  const persisted: PersistedDocumentsConfig = { ...persistedDocumentsConfigFromEnv(), ...options.persistedDocuments };
  const trustedDocuments = new TrustedDocuments(
    persisted.manifestPaths.length > 0 ? mergeManifests(persisted.manifestPaths.map(loadManifest)) : null,
  );
  const rateLimiter = await createRateLimiter({ ...rateLimitConfigFromEnv(), ...options.rateLimits }, logger, (consumerClass) =>
    metrics.rateLimitRejected(consumerClass),
  );

  const apqCache = process.env.REDIS_URL ? new RedisApqCache(process.env.REDIS_URL, logger) : null;
  await apqCache?.connect();

  const drain = new Drain();
  const app = Fastify({
    bodyLimit: limits.bodyBytes,
    trustProxy: trustProxyFromEnv(),
    // While draining, a request that reaches an open connection is still answered (that connection then closes):
    // Fastify's default would answer it 503 although the client sent it before the stop.
    return503OnClosing: false,
    ...requestIdOptions,
  });
  registerRequestLogging(app, logger);
  registerCanonicalTargets(app);
  await registerHttpSecurity(app, options.corsOrigins);
  app.setErrorHandler(graphqlShapedHttpErrors(logger));
  app.setNotFoundHandler(graphqlShapedNotFound);
  closeConnectionsWhenClosing(app);
  registerAuthentication(app, verify, (path) => path === '/graphql' || path.startsWith('/admin/'));
  registerRateLimits(app, '/graphql', rateLimiter);
  registerGraphQLGetParameters(app, '/graphql');
  registerHttpLimits(app, '/graphql', limits);
  registerPersistedDocuments(app, '/graphql', trustedDocuments, persisted.safelist);
  const serverLimits = apolloServerLimits(limits);
  const apollo = new ApolloServer<HubContext>({
    gateway: executor,
    includeStacktraceInErrorResponses: !isProduction(),
    introspection: !isProduction(),
    hideSchemaDetailsFromClientErrors: isProduction(),
    csrfPrevention: true,
    // Registered documents live a day; with Redis every replica shares them, otherwise each keeps its own.
    ...(apqCache ? { persistedQueries: { cache: apqCache, ttl: 86_400 } } : {}),
    ...serverLimits,
    validationRules: [...(serverLimits.validationRules ?? []), reservedAliasRule],
    // The process that runs the gateway decides how to stop it (cli/start.ts drains and exits).
    stopOnTerminationSignals: false,
    plugins: [
      fastifyApolloDrainPlugin(app),
      ApolloServerPluginLandingPageDisabled(),
      // The request stages, in the order they decide: limits and input checks before authorization, metrics after it.
      stagesPlugin([
        limitsPlugin({ limits, weightsFor: (schema) => live.costWeightsFor(schema) }),
        nationalIdArgumentsPlugin(),
        inputTextPlugin(),
        ...(enforcement
          ? [
              authorizationPlugin({
                mode: config.mode,
                reporting: config.reporting,
                requireAuthentication: config.requireAuthentication,
                policies,
                grants: agreements ?? NO_GRANTS,
                rulesFor: (schema) => live.rulesFor(schema),
                requiredWithArgumentsFor: (schema) => live.fieldsRequiredWithArgumentsFor(schema),
                exchangeLog,
                usage,
                onDecision: (classification, granted) => metrics.authorization(classification, granted),
              }),
            ]
          : []),
        domainErrorsPlugin(),
        metricsPlugin(metrics),
        errorPresentationPlugin(isProduction()),
      ]),
    ],
  });
  await apollo.start();

  registerHealthRoutes(
    app,
    [{ name: 'supergraph', check: () => live.apiSchema !== null }, ...(db ? [{ name: 'database', check: () => db.ping() }] : [])],
    {
      details: () => ({
        ...(followed ? { supergraph: followed.status } : {}),
        ...(db ? {} : { database: WITHOUT_DATABASE }),
        subgraphs: guards.circuits(),
      }),
      draining: () => drain.draining,
    },
  );
  if (devKey) app.get('/.well-known/jwks.json', { onRequest: loopbackOnly }, async () => ({ keys: [devKey.publicJwk] }));
  if (!isProduction()) registerSchemaRoute(app, () => live.apiSchema);
  if (!isProduction() || process.env.GOVHUB_PUBLIC_DOCS === '1') {
    registerDocsRoutes(app, {
      supergraph: () => live.current,
      publishers: async () => Object.fromEntries(((await registry?.current()) ?? []).map((subgraph) => [subgraph.name, subgraph.owner])),
      agreementsOver: (dataset) => agreements?.agreementsOver(dataset) ?? [],
    });
  }
  if (devKey) {
    registerDevTokenRoute(app, { key: devKey, issuer: config.issuer, audience: config.audience });
    await registerIde(app);
  }
  await registerCitizenApp(app, { oidc: oidcSettingsFromEnv() });
  app.get('/metrics', async (_, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));
  app.get('/.well-known/gateway-jwks.json', async () => ({ keys: [identityKey.publicJwk] }));
  if (registry) registerAdminRoutes(app, registry, allowedSubgraphHosts(), usage);
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request) => {
      const requestId = request.id;
      return {
        requestId,
        logger: logger.child({ requestId }),
        identity: request.identity,
        grants: enforcement ? {} : live.unenforcedGrants,
        deadline: Date.now() + resilience.requestDeadlineMs,
      };
    },
  });

  const address = await app.listen({ port: options.port ?? GATEWAY_PORT, host: options.host ?? '127.0.0.1' });
  const port = Number(new URL(address).port);
  const url = `http://localhost:${port}/graphql`;
  logger.info({ url }, 'gateway listening');
  const stop = async () => {
    await app.close();
    await apollo.stop();
    await agreements?.stop();
    await usage?.stop();
    await db?.close();
    await rateLimiter.close();
    apqCache?.close();
    await tracing?.stop();
  };
  return { url, port, app, stop, drain: (delayMs) => drain.run(stop, delayMs) };
}
