import { classifiedDatasets, type Classification, type Queryable, type SubgraphSource } from '@govhub/shared';

export interface CatalogueDataset {
  owner: string;
  classification: Classification;
}

/** What the governance data says about the datasets a check looks at, for one publisher. */
export interface CatalogueView {
  /** The catalogue entry of each dataset the candidate and the registered subgraphs name (absent: not catalogued). */
  datasets: ReadonlyMap<string, CatalogueDataset>;
  /** The datasets the publisher is the consumer of under a valid agreement (approved or signed, not expired). */
  agreed: ReadonlySet<string>;
  /** For each namespace (a dataset id's first segment, lower case) the candidate uses: the agencies that claim it. */
  namespaceOwners: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The namespace of a dataset id: `obec` for `obec.student-records`. */
export function namespaceOf(dataset: string): string {
  return dataset.split('.')[0].toLowerCase();
}

/** Reads the catalogue and the publisher's agreements for one check (parameterized, three statements). */
export async function loadCatalogueView(
  db: Queryable,
  publisher: string,
  candidate: SubgraphSource,
  registered: readonly SubgraphSource[],
): Promise<CatalogueView> {
  const named = (sdl: string) => [...namesIn(sdl)];
  const ids = [...new Set([candidate, ...registered].flatMap((source) => named(source.sdl)))];
  const namespaces = [...new Set(named(candidate.sdl).map(namespaceOf))];
  const [datasets, agreed, claims] = await Promise.all([
    db.query<{ id: string; owner: string; classification: Classification }>(
      'SELECT id, owner_code AS owner, classification FROM governance.dataset WHERE id = ANY($1)',
      [ids],
    ),
    db.query<{ dataset: string }>(
      `SELECT DISTINCT ad.dataset_id AS dataset
         FROM governance.agreement a JOIN governance.agreement_dataset ad ON ad.agreement_id = a.id
        WHERE a.consumer_code = $1 AND (a.approved_on <= current_date OR a.signed_on <= current_date)
          AND (a.valid_until IS NULL OR a.valid_until >= current_date)`,
      [publisher],
    ),
    db.query<{ namespace: string; owner: string }>(
      `SELECT DISTINCT lower(split_part(id, '.', 1)) AS namespace, owner_code AS owner FROM governance.dataset
        WHERE lower(split_part(id, '.', 1)) = ANY($1)
       UNION SELECT lower(code), code FROM governance.agency WHERE lower(code) = ANY($1)`,
      [namespaces],
    ),
  ]);
  const namespaceOwners = new Map<string, Set<string>>();
  for (const { namespace, owner } of claims) namespaceOwners.set(namespace, new Set([...(namespaceOwners.get(namespace) ?? []), owner]));
  return {
    datasets: new Map(datasets.map(({ id, owner, classification }) => [id, { owner, classification }])),
    agreed: new Set(agreed.map((row) => row.dataset)),
    namespaceOwners,
  };
}

function namesIn(sdl: string): Set<string> {
  try {
    return new Set(classifiedDatasets(sdl).keys());
  } catch {
    return new Set();
  }
}
