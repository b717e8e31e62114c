import type { FastifyInstance } from 'fastify';
import { DEMO_PEOPLE, isProduction, provinces } from '@govhub/shared';
import { builtWebAppDir, registerWebApps } from './webApps';

/** A demo citizen the development sign-in offers (synthetic people; README.md, demo identities). */
export interface DemoCitizen {
  nationalId: string;
  nameTh: string;
  provinceCode: string;
  provinceNameTh: string;
  provinceNameEn: string;
}

/** The OpenID Connect provider citizens sign in with: authorization code flow with PKCE, a public client. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
}

/** `GET /app/config.json`: how the citizen app signs in. */
export interface CitizenAppConfig {
  signIn: 'demo' | 'oidc' | 'none';
  /** Development only. */
  demoCitizens?: DemoCitizen[];
  oidc?: OidcSettings;
}

const DEFAULT_SCOPE = 'openid citizen:self';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `GOVHUB_OIDC_ISSUER`, `GOVHUB_OIDC_CLIENT_ID`, `GOVHUB_OIDC_SCOPE`; null when no issuer is configured. */
export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): OidcSettings | null {
  const issuer = env.GOVHUB_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error('GOVHUB_OIDC_ISSUER must be a URL, e.g. https://login.example.go.th/realms/citizens');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new Error('GOVHUB_OIDC_ISSUER must be an https URL (http only on this machine)');
  }
  const clientId = env.GOVHUB_OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error('GOVHUB_OIDC_CLIENT_ID is required with GOVHUB_OIDC_ISSUER');
  return { issuer: issuer.replace(/\/$/, ''), clientId, scope: env.GOVHUB_OIDC_SCOPE?.trim() || DEFAULT_SCOPE };
}

export function demoCitizens(): DemoCitizen[] {
  const byCode = new Map(provinces().map((province) => [province.code, province]));
  return DEMO_PEOPLE.map((person) => ({
    nationalId: person.nationalId,
    nameTh: `${person.titleTh}${person.firstNameTh} ${person.lastNameTh}`,
    provinceCode: person.provinceCode,
    provinceNameTh: byCode.get(person.provinceCode)?.nameTh ?? person.provinceCode,
    provinceNameEn: byCode.get(person.provinceCode)?.nameEn ?? person.provinceCode,
  }));
}

/** Development signs in as a demo citizen (and through the issuer too, when one is configured); production only through the issuer. */
export function citizenAppConfig(production: boolean, oidc: OidcSettings | null): CitizenAppConfig {
  if (production) return oidc ? { signIn: 'oidc', oidc } : { signIn: 'none' };
  return { signIn: 'demo', demoCitizens: demoCitizens(), ...(oidc ? { oidc } : {}) };
}

export interface CitizenAppOptions {
  oidc: OidcSettings | null;
  /** Default: `HUB_ENV`. */
  production?: boolean;
  /** The built app (default `web/dist/app`). */
  dir?: string;
}

/** The citizen app at `/app/` (built into `web/dist/app`) and what it needs to sign in, at `/app/config.json`. */
export async function registerCitizenApp(app: FastifyInstance, options: CitizenAppOptions): Promise<void> {
  const { oidc, production = isProduction(), dir = builtWebAppDir('app') } = options;
  const config = citizenAppConfig(production, oidc);
  app.get('/app/config.json', (_, reply) => reply.header('cache-control', 'no-store').send(config));
  await registerWebApps(app, [{ path: '/app/', dir, connectOrigins: oidc ? [new URL(oidc.issuer).origin] : [] }]);
}
