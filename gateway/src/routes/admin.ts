import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Scope, type Identity, type SubgraphSource } from '@govhub/shared';
import { checkPublication } from '../registry/checks';
import { PublicationRefused, SubgraphOwnedElsewhere, type Publication, type RegisteredSubgraph, type SubgraphRegistry } from '../registry/registry';
import type { OperationUsage } from '../registry/usage';

interface Candidate {
  url?: unknown;
  sdl?: unknown;
}

const NAME = /^[a-z][a-z0-9-]{1,39}$/;

function refuse(reply: FastifyReply, status: number, code: string, message: string, extra: object = {}) {
  return reply.code(status).send({ errors: [{ message, extensions: { code, ...extra } }] });
}

/**
 * The registry's admin API (the CLI is built on it). Reading needs an agency token; publishing and rolling back
 * need `registry:publish`, and only the owning agency may touch a subgraph (a new name belongs to its first
 * publisher's agency).
 */
export function registerAdminRoutes(
  app: FastifyInstance,
  registry: SubgraphRegistry,
  allowedHosts: readonly string[],
  usage: OperationUsage | null,
): void {
  const agencyOf = (request: FastifyRequest, scope: string): string | null => {
    const identity: Identity = request.identity;
    return identity.kind === 'agency' && identity.agency && identity.scopes.has(scope) ? identity.agency : null;
  };

  /** The caller's agency, when it may change this subgraph; otherwise the reply is sent and null returned. */
  const owner = async (request: FastifyRequest<{ Params: { name: string } }>, reply: FastifyReply): Promise<string | null> => {
    const agency = agencyOf(request, Scope.REGISTRY_PUBLISH);
    if (!agency) {
      await refuse(reply, request.identity.kind === 'anonymous' ? 401 : 403, 'FORBIDDEN', 'publishing needs an agency token with registry:publish');
      return null;
    }
    if (!NAME.test(request.params.name)) {
      await refuse(reply, 400, 'BAD_USER_INPUT', 'a subgraph name is 2 to 40 lowercase letters, digits or dashes');
      return null;
    }
    const current = (await registry.current()).find((subgraph) => subgraph.name === request.params.name);
    if (current && current.owner !== agency) {
      await refuse(reply, 403, 'FORBIDDEN', `subgraph ${current.name} belongs to ${current.owner}`);
      return null;
    }
    return agency;
  };

  const check = async (candidate: SubgraphSource, agency: string, registered?: RegisteredSubgraph[]) => {
    const current = registered ?? (await registry.current());
    return checkPublication(candidate, {
      registered: current,
      owner: { agency, securityParty: await registry.isSecurityParty(agency) },
      allowedHosts,
      usage,
      catalogue: await registry.catalogueView(agency, candidate, current),
    });
  };

  /** Checks and stores under the registry lock; a lost race for a new name is the ownership refusal. */
  const publish = async (reply: FastifyReply, publication: Publication, agency: string) => {
    let result: Awaited<ReturnType<typeof check>> | undefined;
    try {
      const version = await registry.publish(publication, async (registered) => (result = await check(publication, agency, registered)));
      return { result: result!, version };
    } catch (error) {
      if (error instanceof SubgraphOwnedElsewhere) await refuse(reply, 403, 'FORBIDDEN', error.message);
      else if (error instanceof PublicationRefused) await reply.code(422).send(error.result);
      else throw error;
      return null;
    }
  };

  const candidateOf = (name: string, body: Candidate | undefined) =>
    typeof body?.url === 'string' && typeof body.sdl === 'string' ? { name, url: body.url, sdl: body.sdl } : null;

  app.get('/admin/subgraphs', async (request, reply) => {
    if (!agencyOf(request, Scope.AGENCY)) return refuse(reply, 403, 'FORBIDDEN', 'reading the registry needs an agency token');
    return { subgraphs: (await registry.current()).map(({ sdl: _sdl, ...subgraph }) => subgraph) };
  });

  app.get<{ Params: { name: string } }>('/admin/subgraphs/:name', async (request, reply) => {
    if (!agencyOf(request, Scope.AGENCY)) return refuse(reply, 403, 'FORBIDDEN', 'reading the registry needs an agency token');
    const subgraph = (await registry.current()).find((candidate) => candidate.name === request.params.name);
    return subgraph ? { subgraph } : refuse(reply, 404, 'NOT_FOUND', `no subgraph ${request.params.name}`);
  });

  app.get<{ Params: { name: string } }>('/admin/subgraphs/:name/history', async (request, reply) => {
    if (!agencyOf(request, Scope.AGENCY)) return refuse(reply, 403, 'FORBIDDEN', 'reading the registry needs an agency token');
    const versions = await registry.history(request.params.name);
    if (versions.length === 0) return refuse(reply, 404, 'NOT_FOUND', `no subgraph ${request.params.name}`);
    return { versions: versions.map(({ sdl: _sdl, ...version }) => version) };
  });

  app.post<{ Params: { name: string }; Body: Candidate }>('/admin/subgraphs/:name/check', async (request, reply) => {
    const agency = await owner(request, reply);
    if (!agency) return reply;
    const candidate = candidateOf(request.params.name, request.body);
    if (!candidate) return refuse(reply, 400, 'BAD_USER_INPUT', 'send { "url": ..., "sdl": ... }');
    return check(candidate, agency);
  });

  app.post<{ Params: { name: string }; Body: Candidate }>('/admin/subgraphs/:name/publish', async (request, reply) => {
    const agency = await owner(request, reply);
    if (!agency) return reply;
    const candidate = candidateOf(request.params.name, request.body);
    if (!candidate) return refuse(reply, 400, 'BAD_USER_INPUT', 'send { "url": ..., "sdl": ... }');
    const published = await publish(reply, { ...candidate, owner: agency, publishedBy: request.identity.sub ?? agency }, agency);
    if (!published) return reply;
    return reply.code(201).send({ ...published.result, name: candidate.name, version: published.version });
  });

  app.post<{ Params: { name: string }; Body: { to?: unknown } }>('/admin/subgraphs/:name/rollback', async (request, reply) => {
    const agency = await owner(request, reply);
    if (!agency) return reply;
    const target = (await registry.history(request.params.name)).find((version) => version.version === request.body?.to);
    if (!target) return refuse(reply, 404, 'NOT_FOUND', `no version ${String(request.body?.to)} of ${request.params.name}`);
    const published = await publish(
      reply,
      {
        name: target.name,
        url: target.url,
        sdl: target.sdl,
        owner: agency,
        publishedBy: `${request.identity.sub ?? agency} (rollback to v${target.version})`,
      },
      agency,
    );
    if (!published) return reply;
    return reply.code(201).send({ ...published.result, name: target.name, version: published.version, rolledBackTo: target.version });
  });
}
