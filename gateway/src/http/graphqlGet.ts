import type { FastifyInstance, FastifyRequest } from 'fastify';
import { clientError } from '@govhub/shared';
import { servedBy } from './route';

export const REPEATED_PARAMETER = 'REPEATED_PARAMETER';

/** The GraphQL-over-HTTP parameters of a GET (and the persisted documents proposal's `documentId`). */
const OPERATION_PARAMETERS = ['query', 'operationName', 'variables', 'extensions', 'documentId'] as const;

export type GetParameters = Record<string, string | string[]>;

/**
 * A GraphQL GET's parameters are read once, by Fastify's own query-string parser (`request.query`), and Apollo
 * Server is handed exactly those. Its Fastify integration re-reads the URL with URLSearchParams, which keeps the first
 * of a repeated key where Fastify keeps them all and splits at `#` where Fastify does not: the hub's hooks could
 * check one query while Apollo ran another. A repeated operation parameter has no one meaning: 400
 * REPEATED_PARAMETER.
 */
export function registerGraphQLGetParameters(app: FastifyInstance, route: string): void {
  app.addHook('preValidation', async (request, reply) => {
    if (request.method !== 'GET' || !servedBy(request, route)) return;
    const parameters = request.query as GetParameters;
    const repeated = OPERATION_PARAMETERS.find((name) => Array.isArray(parameters[name]));
    if (repeated) return reply.code(400).send(clientError(`The parameter \`${repeated}\` may appear once in the query string`, REPEATED_PARAMETER));
    setGetParameters(request, parameters);
  });
}

/** Makes `parameters` the GET's parameters for the hub's hooks (`request.query`) and Apollo Server (the URL) alike. */
export function setGetParameters(request: FastifyRequest, parameters: GetParameters): void {
  const search = new URLSearchParams();
  for (const [name, values] of Object.entries(parameters)) for (const value of [values].flat()) search.append(name, value);
  request.query = parameters;
  request.raw.url = `${request.routeOptions.url}?${search}`;
}
