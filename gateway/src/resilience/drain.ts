import type { FastifyInstance } from 'fastify';

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
