import { existsSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import fastifyStatic, { type SetHeadersResponse } from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { projectRoot } from '@govhub/shared';

/** A web app built to static files: `index.html` and content-hashed files under `assets/` (a Vite build). */
export interface WebApp {
  /** Where it is served, with both slashes, e.g. `/app/`. */
  path: string;
  /** The built folder. */
  dir: string;
  /** Origins its pages may call besides the hub itself (the citizen app's OpenID Connect issuer). */
  connectOrigins?: readonly string[];
}

/** Where `npm run build` writes the web app `name` (`web/dist/<name>`). */
export function builtWebAppDir(name: string): string {
  return join(projectRoot(), 'web', 'dist', name);
}

// A hashed file's name changes with its content, so it may be cached for good; the page itself must be revalidated
// or a browser keeps loading assets of an older build.
const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
const PAGE_CACHE = 'no-cache';

/**
 * Serves each built app at its path: its files, and `index.html` for the app's own routes (any path under it that
 * does not name a file), so a reload of `/app/consents` works. An app that is not built answers 503 saying how to
 * build it. Each app lives in its own encapsulated scope, so more apps (the developer portal) register alike.
 */
export async function registerWebApps(app: FastifyInstance, apps: readonly WebApp[]): Promise<void> {
  for (const webApp of apps) {
    const prefix = webApp.path.replace(/\/$/, '');
    app.get(prefix, (_, reply) => reply.redirect(webApp.path, 301));
    await app.register((scope) => serveWebApp(scope, webApp), { prefix });
  }
}

async function serveWebApp(scope: FastifyInstance, webApp: WebApp): Promise<void> {
  const assetsDir = join(webApp.dir, 'assets') + sep;
  await scope.register(fastifyStatic, {
    root: webApp.dir,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    dotfiles: 'ignore',
    // `npm run build` writes .br and .gz beside each text asset (web/build.mjs).
    preCompressed: true,
    cacheControl: false,
    setHeaders: (response, path) => {
      response.setHeader('cache-control', path.startsWith(assetsDir) ? HASHED_ASSET_CACHE : PAGE_CACHE);
      // The page may be served from its precompressed copy (index.html.br, index.html.gz).
      if (basename(path).replace(/\.(br|gz)$/, '') === 'index.html') allowConnections(response, webApp.connectOrigins ?? []);
    },
  });
  scope.setNotFoundHandler((request, reply) => {
    if (!existsSync(join(webApp.dir, 'index.html'))) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(`The app at ${webApp.path} is not built. Run \`npm run build\` (npm start does it too), then reload.\n`);
    }
    const path = request.url.split('?')[0];
    // A missing file (an asset of an older build, a dotfile) is a 404; any other path is one of the app's own routes.
    const namesFile = basename(path).includes('.');
    if (namesFile || !['GET', 'HEAD'].includes(request.method)) return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
    return reply.sendFile('index.html');
  });
}

/** Widens the hub's content security policy (helmet's, already set) to let the page call `origins` too. */
function allowConnections(response: SetHeadersResponse, origins: readonly string[]): void {
  const policy = response.getHeader('content-security-policy');
  if (origins.length === 0 || typeof policy !== 'string') return;
  const widened = policy.split(';').map((directive) => {
    const trimmed = directive.trim();
    return trimmed.startsWith('connect-src') ? `${trimmed} ${origins.join(' ')}` : trimmed;
  });
  response.setHeader('content-security-policy', widened.join(';'));
}
