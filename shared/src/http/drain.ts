import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { isProduction } from '../env';

/**
 * Once the server is closing (SIGTERM), every answer still in flight closes its connection: the server stops as
 * soon as those answers are out, instead of waiting for clients' idle keep-alive connections to time out.
 */
export function closeConnectionsWhenClosing(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}

/**
 * How long a stopping process keeps serving with `/readyz` at 503 before it stops taking connections
 * (`GOVHUB_DRAIN_DELAY_MS`): the time a load balancer or Kubernetes needs to see it and route elsewhere. In
 * development nothing routes by readiness, so it stops at once.
 */
export function drainDelayMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.GOVHUB_DRAIN_DELAY_MS;
  if (value === undefined || value === '') return isProduction() ? 5_000 : 0;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`GOVHUB_DRAIN_DELAY_MS must be a whole number of milliseconds, not "${value}"`);
  return ms;
}

/**
 * The order of a graceful stop: readiness fails first, traffic is still served for `delayMs` (so that whoever routes
 * by readiness sees it), then the server stops taking connections and finishes what is in flight.
 */
export class Drain {
  private started = false;

  get draining(): boolean {
    return this.started;
  }

  async run(close: () => Promise<void>, delayMs = 0): Promise<void> {
    this.started = true;
    if (delayMs > 0) await sleep(delayMs);
    await close();
  }
}
