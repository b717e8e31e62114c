import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isTypeDefinitionNode,
  Kind,
  parse,
  type ConstDirectiveNode,
  type DocumentNode,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

/** `@listSize` of one field (IBM / Apollo cost specification). */
export interface ListSize {
  assumedSize?: number;
  slicingArguments: readonly string[];
}

/** The cost directives of the supergraph, by schema coordinate. */
export interface CostWeights {
  /** `@cost(weight:)` on `Type.field`. */
  fields: ReadonlyMap<string, number>;
  /** `@cost(weight:)` on a type: every field returning it. */
  types: ReadonlyMap<string, number>;
  /** `@cost(weight:)` on `Type.field.argument`, paid when the argument is given. */
  arguments: ReadonlyMap<string, number>;
  /** `@listSize` on `Type.field`. */
  listSizes: ReadonlyMap<string, ListSize>;
}

export const NO_COST_WEIGHTS: CostWeights = { fields: new Map(), types: new Map(), arguments: new Map(), listSizes: new Map() };

/** Arguments that say how long a list is when no `@listSize` does (the hub's paged lists; `requirePage`). */
export const PAGE_ARGUMENTS: readonly string[] = ['first', 'last', 'limit'];

/**
 * Reads `@cost` and `@listSize` from the supergraph SDL: composition keeps them (subgraphs import them from
 * federation v2.9), but the gateway's API schema does not, like the authorization directives.
 */
export function costWeights(supergraph: string | DocumentNode): CostWeights {
  const document = typeof supergraph === 'string' ? parse(supergraph) : supergraph;
  const fields = new Map<string, number>();
  const types = new Map<string, number>();
  const args = new Map<string, number>();
  const listSizes = new Map<string, ListSize>();
  for (const definition of document.definitions) {
    if (!isTypeDefinitionNode(definition)) continue;
    const typeName = definition.name.value;
    const typeWeight = weightOf(definition.directives);
    if (typeWeight !== undefined) types.set(typeName, typeWeight);
    const members =
      definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION ? (definition.fields ?? []) : [];
    for (const field of members) {
      const coordinate = `${typeName}.${field.name.value}`;
      const weight = weightOf(field.directives);
      if (weight !== undefined) fields.set(coordinate, weight);
      const listSize = listSizeOf(field.directives);
      if (listSize) listSizes.set(coordinate, listSize);
      for (const argument of field.arguments ?? []) {
        const argumentWeight = weightOf(argument.directives);
        if (argumentWeight !== undefined) args.set(`${coordinate}.${argument.name.value}`, argumentWeight);
      }
    }
  }
  return { fields, types, arguments: args, listSizes };
}

/**
 * The cost of one field, as graphql-query-complexity adds it up (fragments expanded, `@skip`/`@include` honoured,
 * arguments taken from literals, variables and schema defaults): the weights of the arguments given, plus the list
 * size times (the field's weight plus its selections' cost). The weight is the field's `@cost`, else its type's,
 * else 1 for an object, interface or union and 0 for a scalar or enum. Introspection costs nothing: the gateway
 * answers it from its own schema, and the introspection depth rule bounds it.
 */
export function costEstimator(weights: CostWeights, assumedListSize: number): ComplexityEstimator {
  return ({ type, field, node, args, childComplexity }) => {
    if (field.name.startsWith('__')) return 0;
    const coordinate = `${type.name}.${field.name}`;
    const returned = getNamedType(field.type);
    const weight = weights.fields.get(coordinate) ?? weights.types.get(returned.name) ?? (isCompositeType(returned) ? 1 : 0);
    const argumentWeights = (node.arguments ?? []).reduce(
      (sum, argument) => sum + (weights.arguments.get(`${coordinate}.${argument.name.value}`) ?? 0),
      0,
    );
    const given = new Set((node.arguments ?? []).map((argument) => argument.name.value));
    const size = isListType(getNullableType(field.type)) ? listSize(weights.listSizes.get(coordinate), args, given, assumedListSize) : 1;
    return argumentWeights + size * (weight + childComplexity);
  };
}

/**
 * The largest slicing argument the client gave; else the `@listSize(assumedSize:)` the subgraph knows (the size of
 * its data, not the page it could serve); else a page argument's schema default; else the assumed size.
 */
function listSize(declared: ListSize | undefined, args: Record<string, unknown>, given: ReadonlySet<string>, assumedListSize: number): number {
  const slicing = declared?.slicingArguments.length ? declared.slicingArguments : PAGE_ARGUMENTS;
  const sizesGiven = slicing
    .filter((name) => given.has(name))
    .map((name) => args[name])
    .filter((value) => typeof value === 'number');
  if (sizesGiven.length > 0) return Math.max(...(sizesGiven as number[]));
  if (declared?.assumedSize !== undefined) return declared.assumedSize;
  const defaults = slicing.map((name) => args[name]).filter((value) => typeof value === 'number');
  return defaults.length > 0 ? Math.max(...(defaults as number[])) : assumedListSize;
}

function weightOf(directives: readonly ConstDirectiveNode[] | undefined): number | undefined {
  const weight = directives?.find((directive) => directive.name.value === 'cost')?.arguments?.find((argument) => argument.name.value === 'weight');
  return weight?.value.kind === Kind.INT ? Number(weight.value.value) : undefined;
}

function listSizeOf(directives: readonly ConstDirectiveNode[] | undefined): ListSize | undefined {
  const directive = directives?.find((candidate) => candidate.name.value === 'listSize');
  if (!directive) return undefined;
  const argument = (name: string) => directive.arguments?.find((candidate) => candidate.name.value === name)?.value;
  const assumed = argument('assumedSize');
  const slicing = argument('slicingArguments');
  return {
    assumedSize: assumed?.kind === Kind.INT ? Number(assumed.value) : undefined,
    slicingArguments: slicing?.kind === Kind.LIST ? slicing.values.flatMap((value) => (value.kind === Kind.STRING ? [value.value] : [])) : [],
  };
}
