import { CLASSIFICATIONS } from '@govhub/shared';
import type { CheckIssue } from './checks';
import { namespaceOf, type CatalogueView } from './catalogue';
import { OWNERSHIP_CODES as CODES } from './codes';
import type { FieldOwners } from './fieldOwners';
import { labelOf, rank, type SubgraphModel } from './subgraphModel';

/**
 * The datasets the candidate's own fields name (shared keys and `@external` fields are their owner's): a field is
 * classified at least at its dataset's catalogue class, and the dataset is the publisher's, or one it consumes under
 * a valid agreement. A dataset the catalogue does not know is a new one of the publisher's, so it must be named under
 * the publisher's agency code or the subgraph's name (`obec.` or `education.`), and no other agency may claim that
 * namespace. A field the current version already published unchanged is not judged again on ownership (an expired
 * agreement does not block unrelated changes; the gateway's authorization still needs it at read time).
 */
export function datasetIssues(
  candidate: SubgraphModel,
  current: SubgraphModel | null,
  owners: FieldOwners,
  publisher: string,
  catalogue: CatalogueView,
): CheckIssue[] {
  const published = new Set((current?.fields ?? []).map((field) => `${field.coordinate}|${labelOf(field.classification)}`));
  const issues: CheckIssue[] = [];
  for (const field of candidate.fields) {
    const dataset = field.classification?.dataset;
    if (!dataset || field.external || owners.ofOthers(field.coordinate, publisher).length > 0) continue;
    const entry = catalogue.datasets.get(dataset);
    if (entry && rank(field.classification) < CLASSIFICATIONS.indexOf(entry.classification)) {
      issues.push({
        code: CODES.CLASSIFICATION_BELOW_CATALOGUE,
        message:
          `[${candidate.name}] ${field.coordinate} (owned by ${publisher}) is ${field.classification!.level}, but its dataset ` +
          `${dataset} (owned by ${entry.owner}) is ${entry.classification} in the catalogue: classify it at least ${entry.classification}`,
      });
    }
    if (published.has(`${field.coordinate}|${labelOf(field.classification)}`)) continue;
    const problem = entry
      ? foreignDataset(dataset, entry.owner, publisher, catalogue)
      : unknownDataset(dataset, candidate.name, publisher, catalogue);
    if (problem)
      issues.push({ code: CODES.DATASET_NOT_OWNED, message: `[${candidate.name}] ${field.coordinate} (owned by ${publisher}) names ${problem}` });
  }
  return issues;
}

function foreignDataset(dataset: string, owner: string, publisher: string, catalogue: CatalogueView): string | null {
  if (owner === publisher || catalogue.agreed.has(dataset)) return null;
  return (
    `dataset ${dataset}, owned by ${owner}: ${publisher} publishes only its own datasets, or one it is the consumer of under a valid ` +
    'sharing agreement (approved or signed, not expired)'
  );
}

function unknownDataset(dataset: string, subgraph: string, publisher: string, catalogue: CatalogueView): string | null {
  const namespace = namespaceOf(dataset);
  const claimants = [...(catalogue.namespaceOwners.get(namespace) ?? [])].filter((agency) => agency !== publisher);
  const ownNamespace = namespace === publisher.toLowerCase() || namespace === subgraph;
  if (ownNamespace && claimants.length === 0) return null;
  return (
    `dataset ${dataset}, which is not in the catalogue: a new dataset of ${publisher}'s is named ${publisher.toLowerCase()}.… or ${subgraph}.…` +
    (claimants.length ? `, and the namespace ${namespace} belongs to ${claimants.join(', ')}` : '')
  );
}
