import type { GraphQLDataSource } from '@apollo/gateway';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import type { GatewayGraphQLRequestContext, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { FetchNode, PlanNode } from '@apollo/query-planner';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import { downstreamServiceError, errorPathMapper, type Cursor } from './errors';
import { applyRewrites, deepMerge } from './merge';
import { inSpan } from './tracing';
import { collectRepresentations, withDuplicates, type Representations } from './representations';

type Data = Record<string, unknown>;

/** One request's execution of its plan: where to send each fetch, and what it collected. */
export interface Execution {
  dataSource(serviceName: string): GraphQLDataSource | undefined;
  requestContext: GatewayGraphQLRequestContext;
  supergraphSchema: GraphQLSchema;
  /** The request's variables over the operation's defaults: what plan conditions read. */
  conditionValues: Readonly<Record<string, unknown>>;
  errors: (GraphQLError | Error)[];
}

/** Runs a plan node into the cursor's data: sequences in order, parallel branches together, fetches at their Flatten path. */
export async function executeNode(execution: Execution, node: PlanNode, cursor: Cursor | undefined): Promise<void> {
  if (!cursor) return;
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(execution, child, cursor);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executeNode(execution, child, cursor)));
      return;
    case 'Flatten':
      return executeNode(execution, node.node, moveIntoCursor(cursor, node.path));
    case 'Fetch':
      try {
        await inSpan('gateway.fetch', { service: node.serviceName }, () => executeFetch(execution, node, cursor));
      } catch (error) {
        execution.errors.push(error as Error);
      }
      return;
    case 'Condition': {
      const branch = conditionHolds(execution.conditionValues, node.condition) ? node.ifClause : node.elseClause;
      if (branch) await executeNode(execution, branch, cursor);
      return;
    }
    case 'Defer':
      throw new Error('@defer is executed by the stock executor');
  }
}

function conditionHolds(values: Readonly<Record<string, unknown>>, variable: string): boolean {
  const value = values[variable];
  if (typeof value !== 'boolean') throw new Error(`Invalid non-boolean value ${String(value)} for Boolean! variable $${variable}`);
  return value;
}

async function executeFetch(execution: Execution, fetch: FetchNode, cursor: Cursor): Promise<void> {
  const service = execution.dataSource(fetch.serviceName);
  if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
  const entities = (Array.isArray(cursor.data) ? cursor.data.filter((entity) => entity !== null && entity !== undefined) : [cursor.data]) as Data[];
  if (entities.length < 1) return;
  const variables = fetchVariables(execution.requestContext.request.variables, fetch.variableUsages);
  if (!fetch.requires) {
    const received = reportErrors(execution, fetch, cursor, await sendFetch(execution, service, fetch, cursor, variables));
    if (received) applyRewrites(execution.supergraphSchema, fetch.outputRewrites, received);
    for (const entity of entities) deepMerge(entity, received);
    return;
  }
  const collected = collectRepresentations(execution.supergraphSchema, entities, fetch);
  if (collected.entityOf.length < 1) return;
  if ('representations' in variables) throw new Error('Variables cannot contain key "representations"');
  const { received, representations } = await sendEntityFetch(execution, service, fetch, cursor, variables, collected);
  if (!received) return;
  if (!Array.isArray(received._entities)) throw new Error('Expected "data._entities" in response to be an array');
  const answers = received._entities as (Data | null)[];
  if (answers.length !== representations.unique.length) {
    throw new Error(`Expected "data._entities" to contain ${representations.entityOf.length} elements`);
  }
  // Each answer is rewritten once, then merged into every entity its representation stands for.
  answers.forEach((answer, unique) => {
    if (answer && !answer.__typename) answer.__typename = entities[representations.firstEntityOf[unique]].__typename;
    applyRewrites(execution.supergraphSchema, fetch.outputRewrites, answer);
  });
  representations.entityOf.forEach((entity, n) => deepMerge(entities[entity], answers[representations.uniqueOf[n]]));
}

/**
 * Sends each distinct representation once. A subgraph's errors about entities depend on its own order of work,
 * which the stock gateway's duplicates would have changed: when entities that were sent once have errors, the fetch
 * is sent again with every representation, so that errors come in the number and order stock gets.
 */
async function sendEntityFetch(
  execution: Execution,
  service: GraphQLDataSource,
  fetch: FetchNode,
  cursor: Cursor,
  variables: Data,
  representations: Representations,
): Promise<{ received: Data | null | undefined; representations: Representations }> {
  const deduplicated = representations.unique.length < representations.entityOf.length;
  const response = await sendFetch(execution, service, fetch, cursor, { ...variables, representations: representations.unique });
  if (!deduplicated || !response.errors?.some((error) => typeof error.path?.[1] === 'number')) {
    return { received: reportErrors(execution, fetch, cursor, response), representations };
  }
  const everyOne = withDuplicates(representations);
  const again = await sendFetch(execution, service, fetch, cursor, { ...variables, representations: everyOne.unique });
  return { received: reportErrors(execution, fetch, cursor, again), representations: everyOne };
}

function fetchVariables(provided: Record<string, unknown> | undefined, usages: readonly string[] | undefined): Data {
  const variables: Data = Object.create(null);
  if (!usages || !provided) return variables;
  for (const name of usages) {
    if (Object.hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
  }
  return variables;
}

function sendFetch(execution: Execution, service: GraphQLDataSource, fetch: FetchNode, cursor: Cursor, variables: Data) {
  const { requestContext } = execution;
  return service.process({
    kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
    request: { query: fetch.operation, variables, operationName: fetch.operationName },
    incomingRequestContext: requestContext,
    context: requestContext.context,
    document: fetch.operationDocumentNode,
    pathInIncomingRequest: cursor.path,
  } as Parameters<GraphQLDataSource['process']>[0]);
}

/** Records a subgraph's errors as the client sees them (at their paths in the client's response), and hands back its data. */
function reportErrors(execution: Execution, fetch: FetchNode, cursor: Cursor, response: GatewayGraphQLResponse): Data | null | undefined {
  if (response.errors) {
    const toClientPath = errorPathMapper(!!fetch.requires, cursor);
    execution.errors.push(...response.errors.map((error) => downstreamServiceError(error, fetch.serviceName, toClientPath(error.path))));
  }
  return response.data as Data | null | undefined;
}

function moveIntoCursor(cursor: Cursor, path: readonly (string | number)[]): Cursor | undefined {
  const data = flattenAtPath(cursor.data, path);
  return data ? { path: cursor.path.concat(path), data, fullResult: cursor.fullResult } : undefined;
}

function flattenAtPath(value: unknown, path: readonly (string | number)[]): unknown {
  if (path.length === 0 || value === undefined || value === null) return value;
  const [current, ...rest] = path;
  if (current === '@') return (value as unknown[]).flatMap((element) => flattenAtPath(element, rest));
  if (Array.isArray(value)) throw new Error(`Unexpected array in result for path element ${current}`);
  return flattenAtPath(Object.hasOwn(value as object, current) ? (value as Data)[current as string] : undefined, rest);
}
