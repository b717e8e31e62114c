import { CLASSIFICATION_SPEC_URL, CLASSIFICATIONS } from '@govhub/shared';
import { Kind, parse, print, visit, type ConstDirectiveNode, type FieldDefinitionNode } from 'graphql';

/**
 * A benchmark subgraph's SDL as govhub's composition accepts it: every field `@classified(level: PUBLIC)` (the hub
 * denies unclassified fields), with the classification spec linked and composed. The benchmark's data is public,
 * so PUBLIC changes nothing the gateway answers; it only lets the hub's deny-by-default composition take it.
 */
const PUBLIC: ConstDirectiveNode = parse('type T { f: Int @classified(level: PUBLIC) }').definitions.flatMap((definition) =>
  definition.kind === Kind.OBJECT_TYPE_DEFINITION ? (definition.fields ?? []).flatMap((field) => field.directives ?? []) : [],
)[0];

const CLASSIFICATION_DEFINITIONS = `
extend schema
  @link(url: "${CLASSIFICATION_SPEC_URL}", import: ["@classified"])
  @composeDirective(name: "@classified")

directive @classified(level: Classification!, dataset: String) on FIELD_DEFINITION

enum Classification {
  ${CLASSIFICATIONS.join('\n  ')}
}
`;

export function classifiedSdl(sdl: string): string {
  const classified = visit(parse(sdl), {
    FieldDefinition: (field: FieldDefinitionNode) => ({ ...field, directives: [...(field.directives ?? []), PUBLIC] }),
    // `@composeDirective` comes from the federation spec: add it to the subgraph's federation import.
    Directive: (directive) => {
      if (directive.name.value !== 'link') return undefined;
      const url = directive.arguments?.find((argument) => argument.name.value === 'url')?.value;
      if (url?.kind !== Kind.STRING || !url.value.includes('specs.apollo.dev/federation')) return undefined;
      return {
        ...directive,
        arguments: directive.arguments?.map((argument) =>
          argument.name.value === 'import' && argument.value.kind === Kind.LIST
            ? { ...argument, value: { ...argument.value, values: [...argument.value.values, { kind: Kind.STRING, value: '@composeDirective' }] } }
            : argument,
        ),
      };
    },
  });
  return `${print(classified)}\n${CLASSIFICATION_DEFINITIONS}`;
}
