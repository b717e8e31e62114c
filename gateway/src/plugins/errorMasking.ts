import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { HubContext } from '../context';
import { catalogueEntry } from '@govhub/shared';

/**
 * Extension keys written by the hub for clients, never carrying its internals (a subgraph failure's `reason` is the
 * hub's own words, such as "circuit open", never an address).
 */
const CLIENT_DETAILS = ['code', 'domain', 'limit', 'actual', 'cost', 'reason', 'paths'] as const;

/**
 * Production errors (`HUB_ENV=production`): a stable code, a message and the domain, nothing else. Messages of
 * codes the error catalogue shows in production stay (Apollo Server's `hideSchemaDetailsFromClientErrors` has already dropped field
 * suggestions, which would map the schema with introspection off); any other error, such as a subgraph's database
 * failure, becomes an internal error naming only its domain.
 */
export function maskError(error: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = error.extensions ?? {};
  const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  const domain =
    typeof extensions.domain === 'string' ? extensions.domain : typeof extensions.serviceName === 'string' ? extensions.serviceName : undefined;
  if (!catalogueEntry(code)?.shownInProduction) {
    return {
      message: domain ? `[${domain}] internal error in the ${domain} subgraph` : 'Internal server error',
      ...(error.path ? { path: error.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(domain ? { domain } : {}) },
    };
  }
  const kept: Record<string, unknown> = {};
  for (const key of CLIENT_DETAILS) {
    if (extensions[key] !== undefined) kept[key] = extensions[key];
  }
  if (domain) kept.domain = domain;
  return {
    message: error.message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions: kept,
  };
}

/** A client error in development: as in any mode, no stack trace (it helps nobody and shows the machine's paths). */
export function withoutClientStackTrace(error: GraphQLFormattedError): GraphQLFormattedError {
  if (!error.extensions?.stacktrace || !catalogueEntry(error.extensions.code)?.client) return error;
  const { stacktrace: _stacktrace, ...extensions } = error.extensions;
  return { ...error, extensions };
}

/**
 * Runs last, after the domain names are added, so what it lets through is exactly what the client sees: production
 * masks every error; development keeps stack traces of internal errors only.
 */
export function errorPresentationPlugin(production: boolean): ApolloServerPlugin<HubContext> {
  const present = production ? maskError : withoutClientStackTrace;
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map(present);
        },
      };
    },
  };
}
