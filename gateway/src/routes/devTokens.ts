import type { FastifyInstance } from 'fastify';
import { DEMO_PEOPLE, ErrorCode, Scope, type SigningKey } from '@govhub/shared';
import { mintToken } from '../auth/devKeys';
import { DEMO_AGENCY_CALLERS, isDemoAgencyCaller } from '../auth/demoIdentities';
import { loopbackOnly } from '../http/loopbackOnly';

export interface DevTokenSettings {
  /** The development signing key the gateway trusts. */
  key: SigningKey;
  issuer: string;
  audience: string;
}

const TTL_SECONDS = 15 * 60;

/**
 * `POST /dev/tokens` mints a short-lived development token for a demo identity, so the citizen app and the IDE can
 * sign in without an identity provider: `{"nationalId": "..."}` a `citizen:self` token for one of the demo citizens,
 * `{"identity": "dopaWelfare" | "agency" | "nscSecurity"}` one of the demo agency callers. Answers `{"token",
 * "expiresIn"}`. Development only (the server registers it only with a development key, which production never has),
 * and never for any other subject; only a caller on this machine that addresses the hub by a loopback name gets an
 * answer (loopbackOnly).
 */
export function registerDevTokenRoute(app: FastifyInstance, settings: DevTokenSettings): void {
  const demoIds = new Set(DEMO_PEOPLE.map((person) => person.nationalId));
  app.post('/dev/tokens', { bodyLimit: 1024, onRequest: loopbackOnly }, async (request, reply) => {
    const body = request.body as { nationalId?: unknown; identity?: unknown } | undefined;
    const subject =
      typeof body?.nationalId === 'string' && demoIds.has(body.nationalId)
        ? { sub: body.nationalId, scope: [Scope.CITIZEN_SELF] }
        : isDemoAgencyCaller(body?.identity)
          ? DEMO_AGENCY_CALLERS[body.identity]
          : null;
    if (!subject) {
      return reply.code(400).send({
        errors: [
          {
            message: `Development tokens are minted only for the demo citizens (${[...demoIds].join(', ')}) and the demo agency callers (${Object.keys(DEMO_AGENCY_CALLERS).join(', ')})`,
            extensions: { code: ErrorCode.BAD_USER_INPUT, reason: 'NOT_A_DEMO_IDENTITY' },
          },
        ],
      });
    }
    const token = await mintToken(settings.key, { ...subject, ttl: `${TTL_SECONDS}s`, issuer: settings.issuer, audience: settings.audience });
    return reply.header('cache-control', 'no-store').send({ token, expiresIn: TTL_SECONDS });
  });
}
