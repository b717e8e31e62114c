import type { FastifyInstance } from 'fastify';

export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean> | boolean;
}

/**
 * `/healthz`: the process answers. `/readyz`: every readiness check passes (503 with the failing ones otherwise),
 * with `details` (such as why the latest supergraph could not be loaded) in the body.
 */
export function registerHealthRoutes(app: FastifyInstance, checks: readonly ReadinessCheck[], details: () => object = () => ({})): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_, reply) => {
    const results = await Promise.all(checks.map(async ({ name, check }) => [name, await Promise.resolve(check()).catch(() => false)] as const));
    const ready = results.every(([, ok]) => ok);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results), ...details() });
  });
}
