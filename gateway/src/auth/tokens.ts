import { readFileSync, statSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { identityFromClaims, VerifiedTokenCache, type Identity } from '@govhub/shared';

/** Where the public keys that sign callers' tokens come from. */
export type KeySource = { jwks: JSONWebKeySet } | { file: string } | { url: string };

export interface TokenVerifierOptions {
  keys: KeySource;
  issuer: string;
  audience: string;
  /** The claim holding scopes (a space-separated string or an array). */
  scopeClaim: string;
}

/** Asymmetric algorithms only: never `none`, and never an HMAC that an RSA public key could be abused as. */
export const ALLOWED_ALGORITHMS = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'];
const CLOCK_SKEW_SECONDS = 60;

export class AuthenticationError extends Error {
  constructor(readonly reason: string) {
    super(`invalid token: ${reason}`);
  }
}

export type TokenVerifier = (token: string) => Promise<Identity>;

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const keys = keyResolver(options.keys);
  // Only successes are cached, each until its token expires (plus the skew) or for a minute at most.
  const verified = new VerifiedTokenCache<Identity>();
  return async (token) => {
    try {
      return await verified.get(token, async () => {
        const { payload } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: ALLOWED_ALGORITHMS,
          clockTolerance: CLOCK_SKEW_SECONDS,
          requiredClaims: ['exp', 'sub'],
        });
        return { value: identityFromClaims(payload, options.scopeClaim), expiresAt: (payload.exp as number) + CLOCK_SKEW_SECONDS };
      });
    } catch (error) {
      throw new AuthenticationError(reasonOf(error));
    }
  };
}

/** A stable reason for the client, without echoing anything the caller sent. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `claim ${error.claim} is not accepted`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm not allowed';
  if (error instanceof errors.JWKSNoMatchingKey) return 'unknown signing key';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'malformed';
  return 'not verifiable';
}

function keyResolver(source: KeySource): JWTVerifyGetKey {
  if ('jwks' in source) return createLocalJWKSet(source.jwks);
  if ('url' in source) return createRemoteJWKSet(new URL(source.url), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
  return fileKeyResolver(source.file);
}

/** A JWKS file, re-read when it changes (key rotation without a restart). */
function fileKeyResolver(file: string): JWTVerifyGetKey {
  let loadedAt = -1;
  let resolver: JWTVerifyGetKey | null = null;
  return (header, token) => {
    const modified = statSync(file).mtimeMs;
    if (!resolver || modified !== loadedAt) {
      resolver = createLocalJWKSet(JSON.parse(readFileSync(file, 'utf8')) as JSONWebKeySet);
      loadedAt = modified;
    }
    return resolver(header, token);
  };
}

/** The bearer token of an Authorization header; undefined when there is none, an error when it is not a bearer. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AuthenticationError('the Authorization header must be "Bearer <token>"');
  return match[1];
}
