import type { Database, Queryable, SubgraphSource } from '@govhub/shared';
import { loadCatalogueView, type CatalogueView } from './catalogue';
import type { CheckResult } from './checks';

export interface RegisteredSubgraph extends SubgraphSource {
  owner: string;
  version: number;
}

export interface Publication {
  name: string;
  owner: string;
  url: string;
  sdl: string;
  publishedBy: string;
}

/** A subgraph name is another agency's: the publish (or the claim of a new name) is refused and nothing is stored. */
export class SubgraphOwnedElsewhere extends Error {
  constructor(
    readonly subgraph: string,
    readonly owner: string,
  ) {
    super(`subgraph ${subgraph} belongs to ${owner}`);
    this.name = 'SubgraphOwnedElsewhere';
  }
}

/** The checks refused a publish, judged under the registry lock; nothing was stored. */
export class PublicationRefused extends Error {
  constructor(readonly result: CheckResult) {
    super(`publication refused: ${result.errors.map((error) => error.code).join(', ')}`);
    this.name = 'PublicationRefused';
  }
}

/** The subgraph registry in the governance database: each subgraph's current version and its history. */
export class SubgraphRegistry {
  constructor(private readonly db: Database) {}

  current(db: Queryable = this.db): Promise<RegisteredSubgraph[]> {
    return db.query<RegisteredSubgraph>(
      `SELECT s.name, s.owner_code AS owner, v.version, v.routing_url AS url, v.sdl
         FROM governance.subgraph s JOIN governance.subgraph_version v ON v.name = s.name AND v.version = s.current_version
        ORDER BY s.name`,
    );
  }

  history(name: string): Promise<(RegisteredSubgraph & { publishedBy: string; publishedAt: string })[]> {
    return this.db.query(
      `SELECT v.name, s.owner_code AS owner, v.version, v.routing_url AS url, v.sdl, v.published_by AS "publishedBy",
              to_char(v.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "publishedAt"
         FROM governance.subgraph_version v JOIN governance.subgraph s ON s.name = v.name
        WHERE v.name = $1 ORDER BY v.version DESC`,
      [name],
    );
  }

  /**
   * Stores a new version and makes it current, in one transaction; returns the version number. Publishes are
   * serialized by an advisory lock, and the name is claimed in the same transaction as the version insert: of two
   * agencies publishing one new name at once, the second finds the first's row and gets `SubgraphOwnedElsewhere`.
   * `verify` (the checks) runs under the lock against the registry as it is then, so no concurrent publish can
   * change what it judged; a refusal throws `PublicationRefused`. Either way nothing is stored.
   */
  publish(publication: Publication, verify?: (registered: RegisteredSubgraph[]) => Promise<CheckResult>): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('govhub.registry'))");
      const [claimed] = await tx.query<{ owner: string }>('SELECT owner_code AS owner FROM governance.subgraph WHERE name = $1 FOR UPDATE', [
        publication.name,
      ]);
      if (claimed && claimed.owner !== publication.owner) throw new SubgraphOwnedElsewhere(publication.name, claimed.owner);
      if (verify) {
        const result = await verify(await this.current(tx));
        if (!result.ok) throw new PublicationRefused(result);
      }
      const [row] = await tx.query<{ version: number }>(
        'SELECT coalesce(max(version), 0) + 1 AS version FROM governance.subgraph_version WHERE name = $1',
        [publication.name],
      );
      await tx.query(`INSERT INTO governance.subgraph_version (name, version, routing_url, sdl, published_by) VALUES ($1, $2, $3, $4, $5)`, [
        publication.name,
        row.version,
        publication.url,
        publication.sdl,
        publication.publishedBy,
      ]);
      // The owner condition again in the upsert: a row claimed by another agency is never moved to this version.
      const updated = await tx.query(
        `INSERT INTO governance.subgraph (name, owner_code, current_version) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET current_version = EXCLUDED.current_version
         WHERE governance.subgraph.owner_code = EXCLUDED.owner_code
         RETURNING name`,
        [publication.name, publication.owner, row.version],
      );
      if (updated.length === 0) throw new SubgraphOwnedElsewhere(publication.name, claimed?.owner ?? 'another agency');
      return row.version;
    });
  }

  /**
   * Whether an agency is a party (provider or consumer) to a valid agreement over a SECRET dataset: the security
   * agreement, whose parties may publish SECRET fields outside the security domain.
   */
  async isSecurityParty(agency: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM governance.agreement a
         JOIN governance.agreement_dataset ad ON ad.agreement_id = a.id
         JOIN governance.dataset d ON d.id = ad.dataset_id
        WHERE d.classification = 'SECRET' AND $1 IN (a.provider_code, a.consumer_code)
          AND (a.valid_until IS NULL OR a.valid_until >= current_date)
        LIMIT 1`,
      [agency],
    );
    return rows.length > 0;
  }

  /** The catalogue entries and agreements a check of this candidate by this publisher needs. */
  catalogueView(publisher: string, candidate: SubgraphSource, registered: readonly SubgraphSource[]): Promise<CatalogueView> {
    return loadCatalogueView(this.db, publisher, candidate, registered);
  }

  /**
   * Registers the hub's own subgraphs at start: a new version only where the SDL or the routing URL differs from
   * the current one, so restarts do not grow the history needlessly.
   */
  async registerBuiltIns(sources: readonly SubgraphSource[], owners: Readonly<Record<string, string>>): Promise<void> {
    const current = new Map((await this.current()).map((subgraph) => [subgraph.name, subgraph]));
    for (const source of sources) {
      const registered = current.get(source.name);
      if (registered && registered.sdl === source.sdl && registered.url === source.url) continue;
      await this.publish({ ...source, owner: owners[source.name], publishedBy: 'govhub (built-in)' });
    }
  }
}
