import type { Database, SubgraphSource } from '@govhub/shared';

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

/** The subgraph registry in the governance database: each subgraph's current version and its history. */
export class SubgraphRegistry {
  constructor(private readonly db: Database) {}

  current(): Promise<RegisteredSubgraph[]> {
    return this.db.query<RegisteredSubgraph>(
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

  /** Stores a new version and makes it current, in one transaction; returns the version number. */
  publish(publication: Publication): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('govhub.registry'))");
      const [row] = await tx.query<{ version: number }>(
        'SELECT coalesce(max(version), 0) + 1 AS version FROM governance.subgraph_version WHERE name = $1',
        [publication.name],
      );
      await tx.query(
        `INSERT INTO governance.subgraph_version (name, version, routing_url, sdl, published_by) VALUES ($1, $2, $3, $4, $5)`,
        [publication.name, row.version, publication.url, publication.sdl, publication.publishedBy],
      );
      await tx.query(
        `INSERT INTO governance.subgraph (name, owner_code, current_version) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET current_version = EXCLUDED.current_version`,
        [publication.name, publication.owner, row.version],
      );
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
