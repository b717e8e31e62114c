import { parse } from 'graphql';
import { lintClassification, type Classification } from '@govhub/shared';
import { domainsOf } from '../docs/model';
import { authorizationRules, type AuthorizationRules, type Requirement } from './rules';

/** Reads a loaded supergraph's authorization rules. */
export type RulesReader = (supergraphSdl: string) => AuthorizationRules;

const NEEDS_DATASET: ReadonlySet<Classification> = new Set(['PERSONAL', 'SENSITIVE']);

/**
 * The rules of a supergraph, with `level` for every field that carries no `@classified`: a supergraph from another
 * organisation (or a benchmark's) does not know the hub's directive. The default goes into the rules only; the SDL
 * is left as it is, since @apollo/gateway would refuse a directive the supergraph does not define. Every other
 * directive (`@authenticated`, `@requiresScopes`, `@policy`) and every explicit `@classified` is read as always.
 * A personal level is bound to a dataset: the subgraph that resolves the field (the first by name when several do),
 * so an agreement over "that subgraph's data" reads naturally; the field's coordinate when the supergraph says none.
 */
export function rulesWithDefaultClassification(level: Classification): RulesReader {
  return (supergraphSdl) => {
    const rules = authorizationRules(supergraphSdl);
    const owners = NEEDS_DATASET.has(level) ? fieldOwners(supergraphSdl) : new Map<string, string>();
    const fields = new Map(rules.fields);
    for (const { type, field } of lintClassification('supergraph', supergraphSdl)) {
      const coordinate = `${type}.${field}`;
      const own = fields.get(coordinate) ?? [];
      // A field classified PERSONAL without a dataset is a problem of the supergraph, not one a default may hide.
      if (own.some((requirement) => requirement.kind === 'classified')) continue;
      const dataset = NEEDS_DATASET.has(level) ? (owners.get(coordinate) ?? coordinate) : null;
      const classified: Requirement = { kind: 'classified', classification: { level, dataset }, coordinate };
      fields.set(coordinate, [...own, classified]);
    }
    return { fields, types: rules.types };
  };
}

/**
 * Why the hub may not serve this supergraph as it is: its first field without `@classified` (deny by default, as
 * composition refuses one), or a personal field that names no dataset. Null when every field is classified; with a
 * default classification only the second kind remains.
 */
export function classificationRefusal(supergraphSdl: string, defaultLevel: Classification | null): string | null {
  const rules = defaultLevel ? authorizationRules(supergraphSdl) : null;
  const problem = lintClassification('supergraph', parse(supergraphSdl)).find(
    ({ type, field }) => !rules || (rules.fields.get(`${type}.${field}`) ?? []).some((requirement) => requirement.kind === 'classified'),
  );
  if (!problem) return null;
  return defaultLevel ? problem.message : `${problem.message} (or start the gateway with --default-classification LEVEL)`;
}

/** The subgraph that resolves each `Type.field`: the first by name of those that do. */
function fieldOwners(supergraphSdl: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const domain of domainsOf(supergraphSdl)) {
    const fields = [...domain.rootFields, ...domain.mutations, ...domain.types.flatMap((type) => type.fields)];
    for (const { coordinate } of fields) if (!owners.has(coordinate)) owners.set(coordinate, domain.name);
  }
  return owners;
}
