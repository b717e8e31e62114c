import { Kind, parse, print, type ConstDirectiveNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';
import { fieldClassification, type FieldClassification } from '@govhub/shared';

/** One field as the docs show it: who serves it, its type, its classification. */
export interface DocField {
  name: string;
  type: string;
  arguments: string[];
  description: string | null;
  classification: FieldClassification | null;
  coordinate: string;
}

/** The part of one type that a domain serves. */
export interface DocType {
  name: string;
  description: string | null;
  /** Its entity key in this domain, if it is an entity here. */
  key: string | null;
  fields: DocField[];
}

export interface DocDomain {
  name: string;
  rootFields: DocField[];
  mutations: DocField[];
  types: DocType[];
}

const MACHINERY = /^(join__|link__)/;

/**
 * Reads the live supergraph into what each domain (subgraph) serves: its root fields and mutations, and each type's
 * fields it resolves, with descriptions and classifications. Ownership comes from `@join__field` (or, for fields
 * every subgraph shares such as keys, from `@join__type`).
 */
export function domainsOf(supergraphSdl: string): DocDomain[] {
  const document = parse(supergraphSdl);
  const graphs = new Map<string, string>();
  const domains = new Map<string, DocDomain>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const name =
        stringArgument(
          value.directives?.find((d) => d.name.value === 'join__graph'),
          'name',
        ) ?? value.name.value.toLowerCase();
      graphs.set(value.name.value, name);
      domains.set(name, { name, rootFields: [], mutations: [], types: [] });
    }
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || MACHINERY.test(definition.name.value)) continue;
    const typeGraphs = joinArguments(definition.directives, 'join__type').map(({ graph, key }) => ({ domain: graphs.get(graph) ?? graph, key }));
    const perDomain = new Map<string, DocField[]>();
    for (const field of definition.fields ?? []) {
      const fieldGraphs = joinArguments(field.directives, 'join__field')
        .filter(({ external }) => !external)
        .map(({ graph }) => graphs.get(graph) ?? graph);
      const owners = fieldGraphs.length > 0 ? fieldGraphs : typeGraphs.map(({ domain }) => domain);
      for (const owner of owners) perDomain.set(owner, [...(perDomain.get(owner) ?? []), docField(definition, field)]);
    }
    for (const [owner, fields] of perDomain) {
      const domain = domains.get(owner);
      if (!domain) continue;
      if (definition.name.value === 'Query') domain.rootFields.push(...fields);
      else if (definition.name.value === 'Mutation') domain.mutations.push(...fields);
      else {
        domain.types.push({
          name: definition.name.value,
          description: definition.description?.value ?? null,
          key: typeGraphs.find(({ domain: d }) => d === owner)?.key ?? null,
          fields,
        });
      }
    }
  }
  return [...domains.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function docField(type: ObjectTypeDefinitionNode, field: FieldDefinitionNode): DocField {
  return {
    name: field.name.value,
    type: print(field.type),
    arguments: (field.arguments ?? []).map((argument) => `${argument.name.value}: ${print(argument.type)}`),
    description: field.description?.value ?? null,
    classification: fieldClassification(field),
    coordinate: `${type.name.value}.${field.name.value}`,
  };
}

function joinArguments(directives: readonly ConstDirectiveNode[] | undefined, name: string) {
  return (directives ?? [])
    .filter((directive) => directive.name.value === name)
    .map((directive) => ({
      graph: enumArgument(directive, 'graph') ?? '',
      key: stringArgument(directive, 'key'),
      external:
        directive.arguments?.some((argument) => argument.name.value === 'external' && argument.value.kind === Kind.BOOLEAN && argument.value.value) ??
        false,
    }));
}

function stringArgument(directive: ConstDirectiveNode | undefined, name: string): string | null {
  const value = directive?.arguments?.find((argument) => argument.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : null;
}

function enumArgument(directive: ConstDirectiveNode, name: string): string | null {
  const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
  return value?.kind === Kind.ENUM ? value.value : null;
}
