import type { GraphQLSchema } from 'graphql';
import type { DatasetGrant } from '@govhub/shared';
import { authorizationRules, type AuthorizationRules } from '../authorization/rules';
import type { RulesReader } from '../authorization/defaultClassification';
import { costWeights, type CostWeights } from '../limits/cost';
import { fieldsRequiredWithArguments } from './requiresArguments';
import { servedDatasets, type ServedDatasets } from './servedDatasets';

/**
 * What the gateway derives from each supergraph it loads, kept per API schema: a request planned on the old
 * supergraph during a hot reload keeps the rules, cost weights and served datasets it was validated with.
 */
export class LiveSupergraph {
  private readonly rules = new WeakMap<GraphQLSchema, AuthorizationRules>();
  private readonly weights = new WeakMap<GraphQLSchema, CostWeights>();
  private readonly served = new WeakMap<GraphQLSchema, ServedDatasets>();
  private readonly requiredWithArguments = new WeakMap<GraphQLSchema, ReadonlySet<string>>();
  /** The latest API schema; null before the first load. */
  apiSchema: GraphQLSchema | null = null;
  /** The latest supergraph and its rules (the docs read them). */
  current: { sdl: string; rules: AuthorizationRules } | null = null;
  /** A grant for every dataset the latest supergraph names: only for the unenforced benchmark baseline. */
  unenforcedGrants: Record<string, DatasetGrant> = {};

  /** `readRules`: how rules come from a supergraph (with a default classification for a foreign one, say). */
  constructor(private readonly readRules: RulesReader = authorizationRules) {}

  /** For `ApolloGateway.onSchemaLoadOrUpdate`. */
  readonly loaded = ({ apiSchema, coreSupergraphSdl }: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }): void => {
    const rules = this.readRules(coreSupergraphSdl);
    this.rules.set(apiSchema, rules);
    this.weights.set(apiSchema, costWeights(coreSupergraphSdl));
    this.served.set(apiSchema, servedDatasets(coreSupergraphSdl));
    this.requiredWithArguments.set(apiSchema, fieldsRequiredWithArguments(coreSupergraphSdl));
    this.unenforcedGrants = grantEveryDataset(rules);
    this.apiSchema = apiSchema;
    this.current = { sdl: coreSupergraphSdl, rules };
  };

  rulesFor(schema: GraphQLSchema): AuthorizationRules | undefined {
    return this.rules.get(schema);
  }

  costWeightsFor(schema: GraphQLSchema): CostWeights | undefined {
    return this.weights.get(schema);
  }

  /** The fields some `@requires` selects with arguments (see requiresArguments.ts). */
  fieldsRequiredWithArgumentsFor(schema: GraphQLSchema): ReadonlySet<string> {
    return this.requiredWithArguments.get(schema) ?? new Set();
  }

  /** The datasets a subgraph's fields name in this schema's supergraph; none for a schema or subgraph not known. */
  readonly datasetsServedBy = (schema: GraphQLSchema, subgraph: string): ReadonlySet<string> => this.served.get(schema)?.get(subgraph) ?? new Set();
}

function grantEveryDataset(rules: AuthorizationRules): Record<string, DatasetGrant> {
  const coordinates = new Map<string, string[]>();
  for (const [coordinate, requirements] of rules.fields) {
    for (const requirement of requirements) {
      const dataset = requirement.kind === 'classified' ? requirement.classification.dataset : null;
      if (dataset) coordinates.set(dataset, [...(coordinates.get(dataset) ?? []), coordinate]);
    }
  }
  return Object.fromEntries(
    [...coordinates].map(([dataset, fields]) => [
      dataset,
      { sensitive: true, agreement: { id: 'UNENFORCED', fields }, clearance: { agreementId: 'UNENFORCED' } },
    ]),
  );
}
