import type { FastifyInstance } from 'fastify';

export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean> | boolean;
}

export interface HealthRoutesOptions {
  /** Extra facts for the `/readyz` body (why the latest supergraph could not be loaded, say). */
  details?: () => object;
  /** True once the process drains: `/readyz` then answers 503 at once, so no new traffic is routed to it. */
  draining?: () => boolean;
  /** A check that has not answered within this many milliseconds fails (a database that hangs is not ready). */
  checkTimeoutMs?: number;
}

const DEFAULT_CHECK_TIMEOUT_MS = 2_000;

/**
 * `/healthz`: the process answers. `/readyz`: every readiness check passes within its timeout (503 with the
 * failing ones named otherwise), and 503 `draining` once the process stops. Neither carries data, so neither needs
 * an identity.
 */
export function registerHealthRoutes(app: FastifyInstance, checks: readonly ReadinessCheck[], options: HealthRoutesOptions = {}): void {
  const timeoutMs = options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_, reply) => {
    if (options.draining?.()) return reply.code(503).send({ status: 'draining' });
    const results = await Promise.all(checks.map(async ({ name, check }) => [name, await passesWithin(check, timeoutMs)] as const));
    const ready = results.every(([, ok]) => ok);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results), ...options.details?.() });
  });
}

async function passesWithin(check: ReadinessCheck['check'], timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve().then(check), timedOut]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
