import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type QueryPlan, type SubscriptionNode } from '@apollo/query-planner';
import { BREAK, Kind, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type VariableDefinitionNode } from 'graphql';
import { compileProjection, type Projection } from './projection';

/** Why an operation is left to the stock executor. */
export type FallbackReason = 'subscription' | 'defer' | 'introspection' | 'context-rewrites' | 'planning-error' | 'query-plan-header';

/** An operation the lean executor runs: its plan's root node, its projection, and its variables to coerce. */
export interface LeanOperation {
  kind: 'lean';
  node: PlanNode | undefined;
  /** The supergraph it was planned on, whose types its representations and rewrites are matched against. */
  supergraphSchema: GraphQLSchema;
  projection: Projection;
  variableDefinitions: readonly VariableDefinitionNode[];
}

export type Prepared = LeanOperation | { kind: 'stock'; reason: FallbackReason; detail?: string };

/**
 * One supergraph's query planner, on the very supergraph the stock gateway loaded: plans an operation and compiles
 * the projection its answer is written with, or says why the stock executor must run it instead.
 */
export class SupergraphPlanner {
  /** The supergraph's types as graphql-js sees them: what entity representations and rewrites are matched against. */
  readonly supergraphSchema: GraphQLSchema;
  private readonly apiSchema: Schema;
  private readonly planner: QueryPlanner;

  constructor(supergraphSdl: string) {
    // The stock gateway validated this supergraph when it loaded it.
    const supergraph = Supergraph.build(supergraphSdl, { validateSupergraph: false });
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.apiSchema = supergraph.apiSchema();
    this.planner = new QueryPlanner(supergraph);
  }

  prepare(document: DocumentNode, operationName: string | null | undefined): Prepared {
    const definition = operationDefinition(document, operationName);
    if (definition?.operation === 'subscription') return { kind: 'stock', reason: 'subscription' };
    const unsupported = unsupportedSelection(document);
    if (unsupported) return { kind: 'stock', reason: unsupported };
    let plan: QueryPlan;
    let projection: Projection;
    try {
      const operation = operationFromDocument(this.apiSchema, document, { operationName: operationName ?? undefined });
      // Apollo's planner limits stay on here: an operation they refuse goes to the stock executor, which applies
      // them as its environment says, so both executors answer it alike.
      plan = this.planner.buildQueryPlan(operation);
      projection = compileProjection(operation);
    } catch (error) {
      return { kind: 'stock', reason: 'planning-error', detail: (error as Error).message };
    }
    const fallback = plan.node ? planFallback(plan.node) : null;
    if (fallback) return { kind: 'stock', reason: fallback };
    return {
      kind: 'lean',
      node: plan.node as PlanNode | undefined,
      supergraphSchema: this.supergraphSchema,
      projection,
      variableDefinitions: definition?.variableDefinitions ?? [],
    };
  }
}

function operationDefinition(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((operation) => operation.name?.value === operationName) : operations[0];
}

/** `@defer`/`@stream` and schema introspection are answered by the stock executor (it owns their semantics). */
function unsupportedSelection(document: DocumentNode): FallbackReason | null {
  let reason: FallbackReason | null = null;
  visit(document, {
    Directive(node) {
      if (node.name.value === 'defer' || node.name.value === 'stream') {
        reason = 'defer';
        return BREAK;
      }
      return undefined;
    },
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        reason = 'introspection';
        return BREAK;
      }
      return undefined;
    },
  });
  return reason;
}

/** What in a plan only the stock executor runs: a subscription, deferred parts, or context rewrites it owns. */
function planFallback(node: PlanNode | SubscriptionNode): FallbackReason | null {
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return firstFallback(node.nodes);
    case 'Flatten':
      return planFallback(node.node);
    case 'Condition':
      return firstFallback([node.ifClause, node.elseClause].filter((branch): branch is PlanNode => !!branch));
    case 'Fetch':
      return (node.contextRewrites?.length ?? 0) > 0 ? 'context-rewrites' : null;
    case 'Subscription':
      return 'subscription';
    case 'Defer':
      return 'defer';
  }
}

function firstFallback(nodes: readonly PlanNode[]): FallbackReason | null {
  for (const node of nodes) {
    const reason = planFallback(node);
    if (reason) return reason;
  }
  return null;
}
