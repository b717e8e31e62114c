import { Kind, parse, print, visit, type ConstDirectiveNode, type ConstValueNode, type DocumentNode, type FieldDefinitionNode } from 'graphql';
import { classificationOf, type FieldClassification } from '@govhub/shared';
import { resolvableKeysFirst } from '../supergraph/keyOrder';

/** Disjunctive normal form: the outer list is OR, each inner list is AND (Apollo Router's reading). */
export type Dnf = readonly (readonly string[])[];

/** One requirement; an element's requirements must all hold. */
export type Requirement =
  | { kind: 'authenticated' }
  | { kind: 'scopes'; anyOf: Dnf }
  | { kind: 'policies'; anyOf: Dnf }
  | { kind: 'classified'; classification: FieldClassification; coordinate: string };

export interface AuthorizationRules {
  /** Requirements of a field definition, by `Type.field`. */
  fields: ReadonlyMap<string, readonly Requirement[]>;
  /** Requirements of a type (apply to every field that returns it), by type name. */
  types: ReadonlyMap<string, readonly Requirement[]>;
}

const SECURITY_SPECS = /^https:\/\/specs\.apollo\.dev\/(authenticated|requiresScopes|policy)\//;

/**
 * The supergraph as @apollo/gateway is given it. The gateway refuses one whose @link has `for: SECURITY`
 * (authenticated, requiresScopes, policy) and would enforce nothing anyway: drop the `for` argument so it loads;
 * the hub enforces those directives itself. Keys are reordered so its planner picks resolvable ones (keyOrder.ts).
 */
export function loadableSupergraph(supergraphSdl: string): string {
  const document = visit(parse(supergraphSdl), {
    Directive(node) {
      if (node.name.value !== 'link') return undefined;
      const url = node.arguments?.find((argument) => argument.name.value === 'url');
      if (url?.value.kind !== Kind.STRING || !SECURITY_SPECS.test(url.value.value)) return undefined;
      return { ...node, arguments: node.arguments?.filter((argument) => argument.name.value !== 'for') };
    },
  });
  return print(resolvableKeysFirst(document));
}

/** Reads every authorization directive and classification from the supergraph SDL itself. */
export function authorizationRules(supergraph: string | DocumentNode): AuthorizationRules {
  const document = typeof supergraph === 'string' ? parse(supergraph) : supergraph;
  const fields = new Map<string, Requirement[]>();
  const types = new Map<string, Requirement[]>();
  for (const definition of document.definitions) {
    if (!('name' in definition) || !definition.name || !('directives' in definition)) continue;
    const typeName = definition.name.value;
    const typeRequirements = requirementsOf((definition.directives ?? []) as readonly ConstDirectiveNode[], null);
    if (typeRequirements.length) types.set(typeName, [...(types.get(typeName) ?? []), ...typeRequirements]);
    if (!('fields' in definition) || !definition.fields) continue;
    for (const field of definition.fields as readonly FieldDefinitionNode[]) {
      const coordinate = `${typeName}.${field.name.value}`;
      const requirements = requirementsOf(field.directives ?? [], coordinate);
      if (requirements.length) fields.set(coordinate, requirements);
    }
  }
  return { fields, types };
}

function requirementsOf(directives: readonly ConstDirectiveNode[], coordinate: string | null): Requirement[] {
  const requirements: Requirement[] = [];
  for (const directive of directives) {
    switch (directive.name.value) {
      case 'authenticated':
        requirements.push({ kind: 'authenticated' });
        break;
      case 'requiresScopes':
        requirements.push({ kind: 'scopes', anyOf: dnfArgument(directive, 'scopes') });
        break;
      case 'policy':
        requirements.push({ kind: 'policies', anyOf: dnfArgument(directive, 'policies') });
        break;
      case 'classified': {
        const classification = classificationOf(directive);
        if (classification && coordinate) requirements.push({ kind: 'classified', classification, coordinate });
        break;
      }
    }
  }
  return requirements;
}

function dnfArgument(directive: ConstDirectiveNode, name: string): Dnf {
  const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
  return value ? listOf(value).map((inner) => listOf(inner).map((leaf) => (leaf.kind === Kind.STRING ? leaf.value : ''))) : [];
}

function listOf(value: ConstValueNode): readonly ConstValueNode[] {
  return value.kind === Kind.LIST ? value.values : [value];
}
