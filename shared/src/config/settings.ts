import { z } from 'zod';

/**
 * One setting of the hub: its key in `govhub.yaml`, the environment variable that overrides it (and that the code
 * reads), what it means and its default. Values are validated as the text the environment would hold.
 */
export interface Setting {
  key: string;
  env: string;
  description: string;
  default?: string;
  check: z.ZodType<string>;
}

/** A setting per named part (a domain, a subgraph): `database.domains.water` is `WATER_DATABASE_URL`. */
export interface SettingFamily {
  key: string;
  env: (name: string) => string;
  example: string;
  description: string;
  check: z.ZodType<string>;
}

const text = z.string().min(1, 'must not be empty');
const wholeNumber = z.string().regex(/^[1-9]\d*$/, 'must be a whole number of 1 or more');
const port = z
  .string()
  .regex(/^\d+$/, 'must be a port number')
  .refine((value) => Number(value) <= 65535, 'must be at most 65535');
const url = z.string().url('must be a URL');
const oneOf = (...values: [string, ...string[]]) => z.enum(values, { errorMap: () => ({ message: `must be one of ${values.join(', ')}` }) });
const flag = oneOf('0', '1');
const list = z.string();
const rate = z.string().regex(/^(off|0|[1-9]\d*\/(s|min)(,burst=[1-9]\d*)?)$/, 'must be "N/s" or "N/min", optionally ",burst=B", or "off"');

const setting = (key: string, env: string, check: z.ZodType<string>, description: string, defaultValue?: string): Setting => ({
  key,
  env,
  check,
  description,
  default: defaultValue,
});

export const SETTINGS: readonly Setting[] = [
  setting(
    'hub.env',
    'HUB_ENV',
    oneOf('development', 'production'),
    'development, or production: no stack traces, no introspection, no IDE, no development keys',
    'development',
  ),
  setting(
    'log.level',
    'LOG_LEVEL',
    oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
    'the log level (pino, JSON on stdout)',
    'info',
  ),
  setting('gateway.port', 'PORT', port, "the gateway's port; a subgraph alone: its port (default its domain's, 4001-4008)", '4000'),
  setting('gateway.host', 'HOST', text, 'the address the gateway or a subgraph listens on (0.0.0.0 in a container)', '127.0.0.1'),
  setting(
    'process.drainDelayMs',
    'GOVHUB_DRAIN_DELAY_MS',
    z.string().regex(/^\d+$/, 'must be a whole number of milliseconds'),
    'on SIGTERM, how long a process still serves with /readyz at 503 before it stops taking connections (default 5000 in production)',
    '0',
  ),
  setting('gateway.corsOrigins', 'GOVHUB_CORS_ORIGINS', list, 'origins browser apps may call the hub from (development adds any local origin)'),
  setting(
    'gateway.trustProxy',
    'GOVHUB_TRUST_PROXY',
    text,
    "which proxies' X-Forwarded-For names the client: true, a number of hops, or addresses and CIDR ranges",
  ),
  setting('gateway.publicDocs', 'GOVHUB_PUBLIC_DOCS', flag, 'serve /docs/ in production too (development always does)'),
  setting('gateway.policiesDir', 'GOVHUB_POLICIES_DIR', text, 'the folder of @policy files, one policy a file'),
  setting(
    'gateway.allowedSubgraphHosts',
    'GOVHUB_ALLOWED_SUBGRAPH_HOSTS',
    list,
    'hosts a routing URL may name although restricted (loopback, private)',
  ),
  setting(
    'gateway.executor',
    'GOVHUB_EXECUTOR',
    oneOf('stock', 'lean'),
    "what executes query plans: lean (the hub's, stock where it must) or stock (@apollo/gateway's executor)",
    'lean',
  ),
  setting('gateway.requireAuthentication', 'GOVHUB_REQUIRE_AUTHENTICATION', flag, 'refuse anonymous requests outright (401)'),
  setting('database.url', 'DATABASE_URL', url, 'the PostgreSQL database to use instead of the embedded one (one schema per domain)'),
  setting(
    'database.statementTimeoutMs',
    'GOVHUB_DB_STATEMENT_TIMEOUT_MS',
    wholeNumber,
    'statement_timeout while serving (not for migrations and seeds)',
    '5000',
  ),
  setting('data.dir', 'GOVHUB_DATA_DIR', text, 'where the embedded database keeps its files (development)', '.govhub/pgdata'),
  setting('keys.dir', 'GOVHUB_KEYS_DIR', text, 'where development keys are kept (production uses none)', '.govhub/keys'),
  setting(
    'keys.gatewayKeyFile',
    'GOVHUB_GATEWAY_KEY_FILE',
    text,
    "the gateway's Ed25519 key that signs the identity forwarded to subgraphs (a JWK file; created in development)",
  ),
  setting(
    'keys.gatewayKey',
    'GOVHUB_GATEWAY_KEY',
    text,
    "the same key as GOVHUB_GATEWAY_KEY_FILE, given as the private JWK's JSON (a secret in the environment)",
  ),
  setting('redis.url', 'REDIS_URL', url, 'share rate-limit buckets and persisted queries between gateway replicas'),
  setting('seed.people', 'GOVHUB_SEED_PEOPLE', wholeNumber, 'the size of the synthetic population', '3000'),
  setting('subgraphs.ports', 'GOVHUB_SUBGRAPH_PORTS', oneOf('auto'), 'auto: give the subgraphs free ports instead of 4001-4008'),
  setting(
    'subgraphs.gatewayJwks',
    'GOVHUB_GATEWAY_JWKS',
    text,
    "a subgraph alone: the gateway keys it trusts, a JWKS's JSON or a file holding it (required in production)",
  ),
  setting('auth.jwksUrl', 'GOVHUB_JWKS_URL', url, "the identity provider's keys, refreshed (required in production, or the file)"),
  setting('auth.jwksFile', 'GOVHUB_JWKS_FILE', text, "the identity provider's keys as a file, re-read when it changes"),
  setting('auth.issuer', 'GOVHUB_JWT_ISSUER', text, 'the accepted iss', 'https://govhub.local/dev'),
  setting('auth.audience', 'GOVHUB_JWT_AUDIENCE', text, 'the accepted aud', 'govhub'),
  setting('auth.scopeClaim', 'GOVHUB_SCOPE_CLAIM', text, 'the claim holding scopes (a space-separated string or a JSON array)', 'scope'),
  setting(
    'authorization.mode',
    'GOVHUB_AUTHZ_MODE',
    oneOf('filter', 'reject', 'dry-run'),
    'filter denied fields, reject the whole operation (403), or dry-run (report only)',
    'filter',
  ),
  setting('authorization.errors', 'GOVHUB_AUTHZ_ERRORS', oneOf('errors', 'extensions', 'disabled'), 'where denials are reported', 'errors'),
  setting('limits.bodyBytes', 'GOVHUB_LIMIT_BODY_BYTES', wholeNumber, 'the HTTP request body', '1048576'),
  setting('limits.documentCharacters', 'GOVHUB_LIMIT_DOCUMENT_CHARACTERS', wholeNumber, 'the GraphQL document, checked before it is parsed', '15000'),
  setting('limits.depth', 'GOVHUB_LIMIT_DEPTH', wholeNumber, 'nesting of fields, through fragments', '12'),
  setting('limits.aliases', 'GOVHUB_LIMIT_ALIASES', wholeNumber, 'aliases, counted at every spread of a fragment', '30'),
  setting('limits.rootFields', 'GOVHUB_LIMIT_ROOT_FIELDS', wholeNumber, 'field selections at the root', '20'),
  setting('limits.directives', 'GOVHUB_LIMIT_DIRECTIVES', wholeNumber, 'directives on one field or fragment', '5'),
  setting('limits.fields', 'GOVHUB_LIMIT_FIELDS', wholeNumber, 'field selections once fragments are expanded', '500'),
  setting(
    'limits.validationErrors',
    'GOVHUB_LIMIT_VALIDATION_ERRORS',
    z.string().regex(/^([2-9]|[1-9]\d+)$/, 'must be a whole number of 2 or more'),
    'errors in one answer',
    '10',
  ),
  setting(
    'limits.batch',
    'GOVHUB_LIMIT_BATCH',
    z.string().regex(/^(off|on|[1-9]\d*)$/, 'must be off, on or the largest batch'),
    'operations in one batched request',
    'off',
  ),
  setting(
    'limits.pageSize',
    'GOVHUB_LIMIT_PAGE_SIZE',
    wholeNumber.refine((value) => Number(value) <= 100, 'must be at most 100'),
    'first, last and limit arguments',
    '100',
  ),
  setting('limits.cost', 'GOVHUB_LIMIT_COST', wholeNumber, 'cost points of one operation', '5000'),
  setting('limits.listSize', 'GOVHUB_LIMIT_LIST_SIZE', wholeNumber, 'the length assumed for a list with no size argument and no @listSize', '10'),
  setting('rateLimits.agency', 'GOVHUB_RATE_LIMIT_AGENCY', rate, "one agency's systems together", '1000/s,burst=2000'),
  setting('rateLimits.citizen', 'GOVHUB_RATE_LIMIT_CITIZEN', rate, 'one signed-in person', '100/s,burst=200'),
  setting('rateLimits.anonymous', 'GOVHUB_RATE_LIMIT_ANONYMOUS', rate, 'one anonymous address', '200/s,burst=400'),
  setting(
    'persisted.documents',
    'GOVHUB_PERSISTED_DOCUMENTS',
    text,
    'trusted-documents manifests, comma separated (off: none)',
    'gateway/persisted-documents.json',
  ),
  setting('persisted.safelistClients', 'GOVHUB_SAFELIST_CLIENTS', list, 'client names (or *) that may run only trusted documents'),
  setting('resilience.subgraphTimeoutMs', 'GOVHUB_SUBGRAPH_TIMEOUT_MS', wholeNumber, 'the timeout of one subgraph call', '5000'),
  setting('resilience.requestDeadlineMs', 'GOVHUB_REQUEST_DEADLINE_MS', wholeNumber, 'no subgraph call of a client request outlives this', '10000'),
  setting('oidc.issuer', 'GOVHUB_OIDC_ISSUER', url, 'the provider citizens sign in with (the citizen app, production)'),
  setting('oidc.clientId', 'GOVHUB_OIDC_CLIENT_ID', text, "the citizen app's client id at the provider"),
  setting('oidc.scope', 'GOVHUB_OIDC_SCOPE', text, 'the scopes the citizen app asks for', 'openid citizen:self'),
  setting('tracing.otlpEndpoint', 'OTEL_EXPORTER_OTLP_ENDPOINT', url, 'send OpenTelemetry traces there (/v1/traces is added); off when unset'),
  setting('tracing.otlpTracesEndpoint', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', url, 'send OpenTelemetry traces to this full URL'),
  setting('cli.url', 'GOVHUB_URL', url, "the hub the CLI's registry commands talk to", 'http://localhost:4000'),
  setting('cli.token', 'GOVHUB_TOKEN', text, "the token the CLI's registry commands send"),
];

const upper = (name: string) => name.toUpperCase().replace(/-/g, '_');

export const SETTING_FAMILIES: readonly SettingFamily[] = [
  {
    key: 'database.domains',
    env: (name) => `${upper(name)}_DATABASE_URL`,
    example: 'water',
    check: url,
    description: 'one domain on its own database',
  },
  {
    key: 'resilience.subgraphTimeoutsMs',
    env: (name) => `GOVHUB_SUBGRAPH_TIMEOUT_MS_${upper(name)}`,
    example: 'water',
    check: wholeNumber,
    description: "one subgraph's own call timeout",
  },
  {
    key: 'subgraphs.urls',
    env: (name) => `GOVHUB_SUBGRAPH_URL_${upper(name)}`,
    example: 'water',
    check: url,
    description: "a built-in domain's routing URL, registered by `govhub gateway` in the registry at start",
  },
];
