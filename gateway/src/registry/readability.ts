import { CLASSIFICATIONS } from '@govhub/shared';
import type { CheckIssue } from './checks';
import type { CatalogueView } from './catalogue';
import { OWNERSHIP_CODES as CODES } from './codes';
import { ownerLabel, type FieldOwners } from './fieldOwners';
import { pulledSelections } from './selections';
import { labelOf, rank, type SubgraphModel } from './subgraphModel';

/** Levels the gateway may send to any agency's subgraph as part of a key or requires selection. */
const OPEN_LEVELS = CLASSIFICATIONS.indexOf('INTERNAL');

/**
 * A key, `@requires`, `@provides` or `@fromContext` selection makes the gateway fetch fields elsewhere and send them
 * to the candidate's subgraph. Strict: a field above INTERNAL that another agency owns may be selected only when the
 * publisher owns its dataset or consumes it under a valid agreement naming it. Shared entity keys (a key field in
 * the owner's definition too, selected by the candidate's own `@key`) travel with every entity reference and stay
 * allowed, and so does a field the candidate's own keys already receive.
 */
export function readabilityIssues(candidate: SubgraphModel, owners: FieldOwners, publisher: string, catalogue: CatalogueView): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const pulled = pulledSelections(candidate);
  const sharedKeys = new Set(
    pulled
      .filter((selection) => selection.via === '@key')
      .flatMap((selection) => selection.coordinates)
      .filter((coordinate) => owners.ofOthers(coordinate, publisher).every((definition) => definition.key)),
  );
  for (const { at, via, coordinates } of pulled) {
    for (const coordinate of coordinates.filter((reached) => !sharedKeys.has(reached))) {
      const others = owners.ofOthers(coordinate, publisher);
      if (others.length === 0 || owners.ownedBy(coordinate, publisher)) continue;
      const restricted = others.find((definition) => rank(definition.classification) > OPEN_LEVELS);
      if (!restricted) continue;
      const dataset = restricted.classification?.dataset;
      const entry = dataset ? catalogue.datasets.get(dataset) : undefined;
      if (dataset && (entry?.owner === publisher || catalogue.agreed.has(dataset))) continue;
      issues.push({
        code: CODES.REQUIRES_FIELD_NOT_READABLE,
        message:
          `[${candidate.name}] ${at} ${via} selects ${coordinate}, ${labelOf(restricted.classification)}, owned by ${ownerLabel(others)}: ` +
          `the gateway would send it to ${publisher}'s subgraph; that needs a valid sharing agreement (approved or signed, not expired) ` +
          `naming ${dataset ?? 'its dataset'} with ${publisher} as consumer`,
      });
    }
  }
  return issues;
}
