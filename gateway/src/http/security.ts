import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { isProduction } from '@govhub/shared';

/** Origins a browser app may call the hub from: `GOVHUB_CORS_ORIGINS` (exact origins, comma separated). */
export function corsOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.GOVHUB_CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean);
}

/** In development any page served from this machine may call the hub, as a local app under development would. */
const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/**
 * Browser-facing protections: CORS by allow-list (no wildcard; tokens travel in headers, never cookies, so
 * credentials are off), and security headers (helmet) with a same-origin content security policy that the hub's
 * own pages (the IDE, the citizen app) work under. HSTS only in production, which is served over HTTPS.
 */
export async function registerHttpSecurity(app: FastifyInstance, allowedOrigins: readonly string[] = corsOriginsFromEnv()): Promise<void> {
  const production = isProduction();
  await app.register(cors, {
    origin: (origin, callback) => {
      callback(null, !origin || allowedOrigins.includes(origin) || (!production && LOCAL_ORIGIN.test(origin)));
    },
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: [
      'content-type',
      'authorization',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      'apollographql-client-name',
      'apollographql-client-version',
      'graphql-client-name',
      'x-request-id',
    ],
    exposedHeaders: ['x-request-id', 'ratelimit', 'ratelimit-policy', 'retry-after'],
    maxAge: 600,
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}
