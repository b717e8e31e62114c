import type { ObjectType } from '@apollo/federation-internals';
import type { CheckIssue } from './checks';
import { OWNERSHIP_CODES as CODES } from './codes';
import { ownerLabel, type FieldOwners } from './fieldOwners';
import type { RegisteredSubgraph } from './registry';
import { labelOf, type SubgraphModel } from './subgraphModel';

/** Every agency adds its own fields to the root types. */
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Field ownership: a publish may add fields, but not resolve a field another agency's subgraph resolves. The one
 * exception is a shared entity key (`Person.nationalId`, `Province.code`): a key field in the candidate and in every
 * other definition, with the same classification. Anything else another agency resolves (defined again, with or
 * without `@shareable`, or taken with `@override`) is shadowing. A value type (no key anywhere) belongs whole to the
 * agencies that define it.
 */
export function fieldOwnershipIssues(candidate: SubgraphModel, owners: FieldOwners, publisher: string): CheckIssue[] {
  const issues: CheckIssue[] = [];
  for (const field of candidate.fields.filter((facts) => !facts.external)) {
    const others = owners.ofOthers(field.coordinate, publisher);
    if (others.length > 0) {
      if (!field.key || others.some((other) => !other.key)) {
        issues.push({
          code: CODES.FIELD_OWNED_BY_OTHER_AGENCY,
          message:
            `[${candidate.name}] ${field.coordinate} is owned by ${ownerLabel(others)}: a subgraph may add fields, ` +
            "not resolve (define again, @shareable or @override) another agency's field",
        });
      } else if (others.some((other) => labelOf(other.classification) !== labelOf(field.classification))) {
        issues.push({
          code: CODES.FIELD_RECLASSIFIED,
          message:
            `[${candidate.name}] ${field.coordinate} is classified ${labelOf(field.classification)}, but its owner ` +
            `${ownerLabel(others)} classifies it ${labelOf(others[0].classification)}: a shared key keeps its owner's classification`,
        });
      }
      continue;
    }
    const valueTypeOwners = ROOT_TYPES.has(field.type) ? [] : owners.valueTypeOfOthers(field.type, publisher);
    if (!field.entity && valueTypeOwners.length > 0 && !owners.ownedBy(field.coordinate, publisher)) {
      issues.push({
        code: CODES.TYPE_OWNED_BY_OTHER_AGENCY,
        message:
          `[${candidate.name}] ${field.coordinate}: ${field.type} is a value type owned by ${ownerLabel(valueTypeOwners)}; ` +
          'only an entity (a type with @key) takes fields from other agencies',
      });
    }
  }
  return issues;
}

/** `@override(from:, label:)` only between subgraphs of one agency: anything else is a take-over. */
export function overrideIssues(candidate: SubgraphModel, registered: readonly RegisteredSubgraph[], publisher: string): CheckIssue[] {
  const issues: CheckIssue[] = [];
  for (const override of candidate.subgraph.metadata().overrideDirective().applications()) {
    const { from, label } = override.arguments();
    const source = registered.find((subgraph) => subgraph.name === from);
    if (source?.owner === publisher) continue;
    const field = override.parent as unknown as { coordinate: string; parent: ObjectType };
    const progressive = label ? ` (progressive, label "${label}")` : '';
    issues.push({
      code: CODES.OVERRIDE_ACROSS_OWNERS,
      message:
        `[${candidate.name}] ${field.coordinate} @override(from: "${from}")${progressive}: ` +
        (source ? `${from} and its field ${field.coordinate} are owned by ${source.owner}` : `${from} is not a registered subgraph of ${publisher}`) +
        `, and ${publisher} may override only its own subgraphs`,
    });
  }
  return issues;
}
