import { keyFieldNames } from '@govhub/shared';
import { domainsOf, type DocField } from '../docs/model';

/** Per subgraph name, the datasets its fields name. */
export type ServedDatasets = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * The datasets each subgraph of a supergraph serves: those its own fields name. Entity keys are left out: a
 * subgraph never decides whether a key is released (the gateway does), and every subgraph extending Person
 * declares `nationalId` in the civil registry's dataset.
 */
export function servedDatasets(supergraphSdl: string): ServedDatasets {
  const served = new Map<string, Set<string>>();
  for (const domain of domainsOf(supergraphSdl)) {
    const datasets = new Set<string>();
    const add = ({ classification }: DocField) => classification?.dataset && datasets.add(classification.dataset);
    domain.rootFields.forEach(add);
    domain.mutations.forEach(add);
    for (const type of domain.types) {
      const keys = new Set(type.key ? keyFieldNames(type.key) : []);
      type.fields.filter((field) => !keys.has(field.name)).forEach(add);
    }
    served.set(domain.name, datasets);
  }
  return served;
}
