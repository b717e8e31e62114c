import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERRORS, errorCodeDef } from '@apollo/federation-internals';

type Path = (string | number)[];

/** Where an executed fetch sits: the response path of its Flatten and the data fetched so far. */
export interface Cursor {
  path: Path;
  data: unknown;
  fullResult: Record<string, unknown>;
}

/**
 * A subgraph's error as the client sees it, exactly as the stock gateway presents it: its message (or one naming
 * the service), its extensions plus `serviceName`, and its path in the client's response.
 */
export function downstreamServiceError(original: GraphQLFormattedError, serviceName: string, path: Path | undefined): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const options = { originalError: original as Error, path, extensions: { ...original.extensions, serviceName } };
  const codeDef = errorCodeDef(original);
  if (!codeDef && original.extensions?.code) return new GraphQLError(message, options);
  return (codeDef ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

/**
 * Maps an error's path in a subgraph's answer to the client's response: below the fetch's Flatten for a root
 * fetch, and for an entity fetch through `_entities[i]` to the i-th entity's place in the data fetched so far.
 */
export function errorPathMapper(isEntityFetch: boolean, cursor: Cursor): (errorPath: readonly (string | number)[] | undefined) => Path | undefined {
  let hydrated: Path[] | undefined;
  return (errorPath) => {
    if (isEntityFetch && typeof errorPath?.[1] === 'number') {
      if (!hydrated) {
        hydrated = [];
        hydratePaths([], cursor.path, cursor.fullResult, hydrated);
      }
      return [...(hydrated[errorPath[1]] ?? []), ...errorPath.slice(2)];
    }
    return errorPath ? [...cursor.path, ...errorPath] : undefined;
  };
}

function hydratePaths(parent: Path, path: readonly (string | number)[], data: unknown, result: Path[]): void {
  if (data == null) return;
  const head = path[0];
  if (head === undefined) {
    result.push(parent.slice());
  } else if (head === '@') {
    (data as unknown[]).forEach((value, index) => {
      parent.push(index);
      hydratePaths(parent, path.slice(1), value, result);
      parent.pop();
    });
  } else if (Array.isArray(data)) {
    data.forEach((value, index) => {
      parent.push(index);
      hydratePaths(parent, path, value, result);
      parent.pop();
    });
  } else if (Object.hasOwn(data as object, head)) {
    parent.push(head);
    hydratePaths(parent, path.slice(1), (data as Record<string, unknown>)[head], result);
    parent.pop();
  }
}
