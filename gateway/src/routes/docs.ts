import type { FastifyInstance } from 'fastify';
import { agencies, DOMAINS, isDomainName } from '@govhub/shared';
import type { AuthorizationRules } from '../authorization/rules';
import { whoMayRead, type AgreementSummary } from '../docs/access';
import { EXAMPLES } from '../docs/examples';
import { domainsOf, type DocDomain } from '../docs/model';
import { renderDomain, renderIndex, type DomainMeta, type FieldAccess } from '../docs/render';

export interface DocsSources {
  /** The live supergraph and the rules read from it; null before the first load. */
  supergraph(): { sdl: string; rules: AuthorizationRules } | null;
  /** Who published each subgraph that is not a built-in domain (from the registry). */
  publishers(): Promise<Readonly<Record<string, string>>>;
  /** Agreements in force over a dataset. */
  agreementsOver(dataset: string): AgreementSummary[];
}

/**
 * `/docs/`: the developer portal's reference, generated from the live supergraph on request (so every publish shows
 * at once): each domain with its committee and lead agency, each type and field with its classification and who
 * may read it, and example operations that open in the IDE.
 */
export function registerDocsRoutes(app: FastifyInstance, sources: DocsSources): void {
  let cached: { sdl: string; domains: DocDomain[] } | null = null;
  const domains = (sdl: string) => {
    if (cached?.sdl !== sdl) cached = { sdl, domains: domainsOf(sdl) };
    return cached.domains;
  };
  const agencyNames = new Map(agencies().map((agency) => [agency.code, agency]));
  const meta =
    (publishers: Readonly<Record<string, string>>) =>
    (name: string): DomainMeta => {
      const builtIn = isDomainName(name) ? DOMAINS[name] : null;
      const code = builtIn?.lead ?? publishers[name] ?? 'unknown';
      const agency = agencyNames.get(code);
      return {
        committeeEn: builtIn?.committeeEn ?? null,
        committeeTh: builtIn?.committeeTh ?? null,
        order: builtIn?.order ?? null,
        owner: { code, nameEn: agency?.nameEn ?? code, nameTh: agency?.nameTh ?? code },
      };
    };
  const notReady = { errors: [{ message: 'no supergraph loaded yet', extensions: { code: 'NOT_READY' } }] };

  app.get('/docs', async (_, reply) => reply.redirect('/docs/'));
  app.get('/docs/', async (_, reply) => {
    const live = sources.supergraph();
    if (!live) return reply.code(503).send(notReady);
    return reply.type('text/html; charset=utf-8').send(renderIndex(domains(live.sdl), meta(await sources.publishers())));
  });
  app.get<{ Params: { domain: string } }>('/docs/:domain/', async (request, reply) => {
    const live = sources.supergraph();
    if (!live) return reply.code(503).send(notReady);
    const domain = domains(live.sdl).find((candidate) => candidate.name === request.params.domain);
    if (!domain) return reply.code(404).send({ errors: [{ message: `no domain ${request.params.domain}`, extensions: { code: 'NOT_FOUND' } }] });
    const access: FieldAccess = {
      whoMayRead: (field) =>
        whoMayRead(
          field.classification,
          live.rules.fields.get(field.coordinate) ?? [],
          field.classification?.dataset ? sources.agreementsOver(field.classification.dataset) : [],
        ),
    };
    const html = renderDomain(domain, meta(await sources.publishers())(domain.name), EXAMPLES[domain.name] ?? [], access);
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
