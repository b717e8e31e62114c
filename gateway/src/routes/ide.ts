import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { servedBy } from '../http/route';
import { builtWebAppDir, registerWebApps } from './webApps';

/**
 * The GraphQL IDE (GraphiQL, built from `web/ide` into the hub's own assets: no CDN) on `GET /graphql` when a browser
 * asks for a page, with its assets under `/ide/`. Development only: the server registers it only then. A query
 * string (`?query=...&variables=...`, as the docs' examples link) opens in the editor rather than running.
 */
export async function registerIde(app: FastifyInstance): Promise<void> {
  const dir = builtWebAppDir('ide');
  await registerWebApps(app, [{ path: '/ide/', dir }]);
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || !servedBy(request, '/graphql') || !request.headers.accept?.includes('text/html')) return;
    const index = join(dir, 'index.html');
    if (!existsSync(index))
      return reply.code(503).type('text/plain; charset=utf-8').send('The IDE is not built. Run `npm run build`, then reload.\n');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(readFileSync(index));
  });
}
