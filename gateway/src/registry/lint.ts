import { Kind, parse, type DefinitionNode, type DocumentNode, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import { fieldClassification, keyFieldsOf, type SubgraphSource } from '@govhub/shared';
import type { CheckIssue } from './checks';

/** The domain whose subgraph may hold SECRET fields without further ado (docs/security-model.md). */
export const SECURITY_DOMAIN = 'security';

type ObjectNode = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;

/**
 * The hub's governance rules beyond classification (which composition already enforces): a SECRET field outside the
 * security domain only from an agency that is a party to the security agreement, and every entity and its key fields
 * described, in the candidate or in another registered subgraph (composition merges descriptions).
 */
export function lintGovernance(
  candidate: SubgraphSource,
  others: readonly SubgraphSource[],
  owner: { agency: string; securityParty: boolean },
): CheckIssue[] {
  const document = parse(candidate.sdl);
  const issues: CheckIssue[] = [];
  if (candidate.name !== SECURITY_DOMAIN && !owner.securityParty) {
    for (const coordinate of secretFields(document)) {
      issues.push({
        code: 'SECRET_OUTSIDE_SECURITY',
        message:
          `[${candidate.name}] ${coordinate} is SECRET, but ${owner.agency} is not a party to the security agreement: ` +
          'classify it lower, or publish it from the security domain',
      });
    }
  }
  const described = descriptions([document, ...others.filter((other) => other.name !== candidate.name).map((other) => parse(other.sdl))]);
  for (const type of objectTypes(document)) {
    const fields = [...keyFieldsOf(type.directives ?? [])];
    if (fields.length === 0) continue;
    const name = type.name.value;
    if (!described.has(name)) {
      issues.push({ code: 'UNDOCUMENTED_ENTITY', message: `[${candidate.name}] entity ${name} has no description: say what one ${name} is` });
    }
    for (const field of fields.filter((key) => !described.has(`${name}.${key}`))) {
      issues.push({
        code: 'UNDOCUMENTED_KEY',
        message: `[${candidate.name}] ${name}.${field} is a key of ${name} but has no description: say what identifies one and its format`,
      });
    }
  }
  return issues;
}

function secretFields(document: DocumentNode): string[] {
  return objectTypes(document).flatMap((type) =>
    (type.fields ?? []).filter((field) => fieldClassification(field)?.level === 'SECRET').map((field) => `${type.name.value}.${field.name.value}`),
  );
}

/** Type names and `Type.field` coordinates that carry a description in any of the documents. */
function descriptions(documents: readonly DocumentNode[]): Set<string> {
  const described = new Set<string>();
  for (const type of documents.flatMap(objectTypes)) {
    if ('description' in type && type.description?.value.trim()) described.add(type.name.value);
    for (const field of type.fields ?? []) {
      if (field.description?.value.trim()) described.add(`${type.name.value}.${field.name.value}`);
    }
  }
  return described;
}

function objectTypes(document: DocumentNode): ObjectNode[] {
  return document.definitions.filter(
    (definition: DefinitionNode): definition is ObjectNode =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION,
  );
}
