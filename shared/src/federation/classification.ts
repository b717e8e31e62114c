import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
} from 'graphql';

/** The five levels (docs/security-model.md), least to most restricted. */
export const CLASSIFICATIONS = ['PUBLIC', 'INTERNAL', 'PERSONAL', 'SENSITIVE', 'SECRET'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const CLASSIFICATION_SPEC_URL = 'https://govhub.go.th/spec/classification/v0.1';
export const CLASSIFIED_DIRECTIVE = 'classified';

/** Levels whose release concerns a person and is therefore bound to a catalogue dataset. */
const NEEDS_DATASET: ReadonlySet<Classification> = new Set(['PERSONAL', 'SENSITIVE']);

export interface FieldClassification {
  level: Classification;
  dataset: string | null;
}

export interface ClassificationProblem {
  subgraph: string;
  type: string;
  field: string;
  message: string;
}

const FEDERATION_TYPES = new Set(['_Service', '_Entity', '_Any']);

/** Reads `@classified(level:, dataset:)` from a field definition; null when the field has none. */
export function fieldClassification(field: FieldDefinitionNode): FieldClassification | null {
  const directive = field.directives?.find((d) => d.name.value === CLASSIFIED_DIRECTIVE);
  return directive ? classificationOf(directive) : null;
}

export function classificationOf(directive: ConstDirectiveNode): FieldClassification | null {
  let level: Classification | null = null;
  let dataset: string | null = null;
  for (const argument of directive.arguments ?? []) {
    if (argument.name.value === 'level' && argument.value.kind === Kind.ENUM) level = argument.value.value as Classification;
    if (argument.name.value === 'dataset' && argument.value.kind === Kind.STRING) dataset = argument.value.value;
  }
  return level && (CLASSIFICATIONS as readonly string[]).includes(level) ? { level, dataset } : null;
}

/**
 * Deny by default: every field of every object type a subgraph defines or extends must carry `@classified`,
 * and personal levels must name the catalogue dataset they belong to. Returns the problems; empty means clean.
 */
export function lintClassification(subgraph: string, sdl: string | DocumentNode): ClassificationProblem[] {
  const document = typeof sdl === 'string' ? parse(sdl) : sdl;
  const problems: ClassificationProblem[] = [];
  for (const definition of document.definitions) {
    if (!isObjectType(definition) || FEDERATION_TYPES.has(definition.name.value)) continue;
    for (const field of definition.fields ?? []) {
      const at = { subgraph, type: definition.name.value, field: field.name.value };
      const classification = fieldClassification(field);
      if (!classification) {
        problems.push({ ...at, message: `${at.type}.${at.field} has no @classified(level: ...): every field must be classified` });
      } else if (NEEDS_DATASET.has(classification.level) && !classification.dataset) {
        problems.push({ ...at, message: `${at.type}.${at.field} is ${classification.level} but names no dataset` });
      }
    }
  }
  return problems;
}

function isObjectType(node: DocumentNode['definitions'][number]): node is ObjectTypeDefinitionNode | ObjectTypeExtensionNode {
  return node.kind === Kind.OBJECT_TYPE_DEFINITION || node.kind === Kind.OBJECT_TYPE_EXTENSION;
}

/** The catalogue datasets a subgraph's fields name, each with the most restricted level it is classified at. */
export function classifiedDatasets(sdl: string | DocumentNode): Map<string, Classification> {
  return new Map([...datasetFields(sdl)].map(([dataset, { level }]) => [dataset, level]));
}

/** Per dataset a subgraph's fields name: the most restricted level, and the `Type.field` coordinates classified in it. */
export function datasetFields(sdl: string | DocumentNode): Map<string, { level: Classification; coordinates: string[] }> {
  const document = typeof sdl === 'string' ? parse(sdl) : sdl;
  const datasets = new Map<string, { level: Classification; coordinates: string[] }>();
  for (const definition of document.definitions) {
    if (!isObjectType(definition)) continue;
    for (const field of definition.fields ?? []) {
      const classification = fieldClassification(field);
      if (!classification?.dataset) continue;
      const known = datasets.get(classification.dataset) ?? { level: classification.level, coordinates: [] };
      if (CLASSIFICATIONS.indexOf(classification.level) > CLASSIFICATIONS.indexOf(known.level)) known.level = classification.level;
      known.coordinates.push(`${definition.name.value}.${field.name.value}`);
      datasets.set(classification.dataset, known);
    }
  }
  return datasets;
}
