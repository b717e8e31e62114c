import { join } from 'node:path';
import { SignJWT } from 'jose';
import { gatewaySigningKey, keysDir, loadOrCreateSigningKey, SIGNING_ALGORITHM, type SigningKey } from '@govhub/shared';

export { gatewaySigningKey, keysDir };

/** Development identity defaults: the hub's own issuer and audience. */
export const DEV_ISSUER = 'https://govhub.local/dev';
export const DEV_AUDIENCE = 'govhub';

/** The development signing key: created on first start, kept in `.govhub/keys`, published at /.well-known/jwks.json. */
export function devSigningKey(dir: string = keysDir()): Promise<SigningKey> {
  return loadOrCreateSigningKey(join(dir, 'dev-signing.jwk.json'));
}

export interface TokenRequest {
  sub: string;
  scope?: readonly string[];
  agency?: string;
  purpose?: string;
  /** jose duration, e.g. `15m`, `1h`. */
  ttl?: string;
  issuer?: string;
  audience?: string;
}

export function mintToken(key: SigningKey, request: TokenRequest): Promise<string> {
  const claims: Record<string, unknown> = { scope: (request.scope ?? []).join(' ') };
  if (request.agency) claims.agency = request.agency;
  if (request.purpose) claims.purpose = request.purpose;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuer(request.issuer ?? DEV_ISSUER)
    .setAudience(request.audience ?? DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.ttl ?? '15m')
    .sign(key.privateKey);
}
