import type { ApolloGateway } from '@apollo/gateway';
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
} from '@apollo/server-gateway-interface';
import { getVariableValues, GraphQLError } from 'graphql';
import { Counter, type Registry } from 'prom-client';
import type { Logger } from '@govhub/shared';
import type { DataSources } from './dataSources';
import { executeNode, type Execution } from './fetch';
import { LruCache } from '../lruCache';
import { SupergraphPlanner, type FallbackReason, type LeanOperation, type Prepared } from './planner';
import { writeResponse } from './responseWriter';
import { inSpan } from './tracing';

export interface LeanGatewayOptions {
  dataSources: DataSources;
  logger: Logger;
  /** Where the count of operations left to the stock executor is exposed. */
  registry: Registry;
  /** Operations whose plan and projection are kept (default 1000). */
  planCacheSize?: number;
  /** Of those, the most recently used re-planned at once when the supergraph changes (default 100). */
  warmOnUpdate?: number;
}

/** Stock shows its query plan to a client that sends this header (outside production): stock answers such requests. */
const QUERY_PLAN_HEADER = 'apollo-query-plan-experimental';
const SHOW_PLAN: Prepared = { kind: 'stock', reason: 'query-plan-header' };

interface CachedOperation {
  prepared: Prepared;
  request: { document: GatewayGraphQLRequestContext['document']; operationName: string | null | undefined };
}

/**
 * The stock gateway with the hub's lean executor in place of its own: the ApolloGateway still loads and follows the
 * supergraph (file, registry, hot reload) and builds the data sources; every operation is planned by Apollo's query
 * planner, and its plan executed and its answer written here. What this executor does not run (subscriptions,
 * `@defer`, introspection, context rewrites, an operation the planner refuses) goes to the stock executor, counted
 * and logged once an operation.
 */
export class LeanGateway implements GatewayInterface {
  private planner: SupergraphPlanner | null = null;
  private stockExecutor: GatewayExecutor | null = null;
  private readonly cache: LruCache<CachedOperation>;
  private readonly fallbacks: Counter<'reason'>;

  constructor(
    private readonly stock: ApolloGateway,
    private readonly options: LeanGatewayOptions,
  ) {
    this.cache = new LruCache(options.planCacheSize ?? 1000);
    this.fallbacks = new Counter({
      name: 'govhub_executor_fallbacks_total',
      help: 'Operations the lean executor left to the stock executor, by reason.',
      labelNames: ['reason'],
      registers: [options.registry],
    });
    // Registered before Apollo Server's own listener: the planner follows a new supergraph before the schema does.
    stock.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => this.supergraphChanged(coreSupergraphSdl));
  }

  async load(options: Parameters<GatewayInterface['load']>[0]): Promise<GatewayLoadResult> {
    const loaded = await this.stock.load(options);
    this.stockExecutor = loaded.executor;
    return { executor: (requestContext) => this.execute(requestContext) };
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): () => void {
    return this.stock.onSchemaLoadOrUpdate(callback);
  }

  stop(): Promise<void> {
    return this.stock.stop();
  }

  private supergraphChanged(supergraphSdl: string): void {
    let planner: SupergraphPlanner;
    try {
      planner = new SupergraphPlanner(supergraphSdl);
    } catch (error) {
      // Never plans of the old supergraph on the new schema: until one loads, every operation goes to stock.
      this.planner = null;
      this.cache.drain(0);
      this.options.logger.error({ message: (error as Error).message }, 'the lean executor cannot plan on this supergraph; the stock executor runs');
      return;
    }
    this.planner = planner;
    // Plans of the old supergraph are dropped; the operations used most recently are planned again at once.
    for (const [key, { request }] of this.cache.drain(this.options.warmOnUpdate ?? 100)) {
      this.cache.set(key, { request, prepared: planner.prepare(request.document, request.operationName) });
    }
  }

  private async execute(requestContext: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> {
    const prepared = requestContext.request.http?.headers.has(QUERY_PLAN_HEADER) ? SHOW_PLAN : this.prepared(requestContext);
    if (prepared.kind === 'stock') {
      this.fallbacks.inc({ reason: prepared.reason });
      return (this.stockExecutor as GatewayExecutor)(requestContext);
    }
    const operationName = requestContext.operationName ?? undefined;
    return inSpan('gateway.request', operationName ? { 'graphql.operation.name': operationName } : {}, () =>
      this.executeLean(requestContext, prepared),
    );
  }

  private async executeLean(requestContext: GatewayGraphQLRequestContext, prepared: LeanOperation): Promise<GatewayExecutionResult> {
    const { request } = requestContext;
    if (prepared.variableDefinitions.length > 0) {
      const { errors } = getVariableValues(requestContext.schema, prepared.variableDefinitions, request.variables ?? {});
      if (errors) return { errors };
    }
    const execution: Execution = {
      dataSource: (name) => this.options.dataSources.get(name),
      requestContext,
      supergraphSchema: prepared.supergraphSchema,
      conditionValues: { __proto__: null, ...prepared.projection.defaults, ...request.variables },
      errors: [],
    };
    const fetched: Record<string, unknown> = Object.create(null);
    if (prepared.node) await executeNode(execution, prepared.node, { path: [], data: fetched, fullResult: fetched });
    let written: ReturnType<typeof writeResponse>;
    try {
      written = writeResponse(prepared.projection, fetched, request.variables);
    } catch (error) {
      return { errors: [error instanceof GraphQLError ? error : new GraphQLError((error as Error).message, { originalError: error as Error })] };
    }
    const { errors } = execution;
    if (errors.length === 0 && written.errors.length > 0) return { extensions: { valueCompletion: written.errors }, data: written.data };
    return errors.length === 0 ? { data: written.data } : { errors: errors as GraphQLError[], data: written.data };
  }

  /** The operation's plan and projection, prepared on first use and cached under the key the stock gateway plans by. */
  private prepared(requestContext: GatewayGraphQLRequestContext): Prepared {
    const planner = this.planner;
    if (!planner) return { kind: 'stock', reason: 'planning-error', detail: 'the lean executor has no supergraph to plan on' };
    const { document, request, queryHash } = requestContext;
    const key = `${queryHash}\u0000${request.operationName ?? ''}`;
    const cached = this.cache.get(key);
    if (cached) return cached.prepared;
    const prepared = planner.prepare(document, request.operationName);
    this.cache.set(key, { prepared, request: { document, operationName: request.operationName } });
    if (prepared.kind === 'stock') this.logFallback(request.operationName, prepared.reason, prepared.detail);
    return prepared;
  }

  private logFallback(operationName: string | null | undefined, reason: FallbackReason, detail: string | undefined): void {
    this.options.logger.info({ operationName: operationName ?? null, reason, detail }, 'operation left to the stock executor');
  }
}
