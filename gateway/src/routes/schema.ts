import type { FastifyInstance } from 'fastify';
import { printSchema, type GraphQLSchema } from 'graphql';

/**
 * `GET /schema.graphql`: the API schema (the supergraph minus what clients cannot see), as SDL, for typed clients
 * (`npx govhub codegen`) and editors. It follows every publish. Not served in production, where introspection is off
 * too: app developers generate against a development hub or a saved file (`--schema`).
 */
export function registerSchemaRoute(app: FastifyInstance, apiSchema: () => GraphQLSchema | null): void {
  const printed = new WeakMap<GraphQLSchema, string>();
  app.get('/schema.graphql', async (_, reply) => {
    const schema = apiSchema();
    if (!schema) return reply.code(503).send({ errors: [{ message: 'no supergraph loaded yet', extensions: { code: 'NOT_READY' } }] });
    if (!printed.has(schema)) printed.set(schema, printSchema(schema));
    return reply.type('text/plain; charset=utf-8').send(printed.get(schema));
  });
}
