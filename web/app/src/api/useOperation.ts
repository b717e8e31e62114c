import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useSession } from '../auth/Session';
import { execute } from './client';
import { HubUnreachable, RequestFailed, SessionExpired, type HubError } from './errors';

/** Why a whole request failed: no answer, or an answer without data. */
export type Failure = { kind: 'unreachable' } | { kind: 'failed'; reason: string };

export interface QueryState<TData> {
  loading: boolean;
  data: TData | null;
  /** Errors next to data: the parts of the page that could not be shown. */
  errors: HubError[];
  failure: Failure | null;
  reload(): void;
}

export function failureOf(error: unknown): Failure {
  if (error instanceof HubUnreachable) return { kind: 'unreachable' };
  return { kind: 'failed', reason: error instanceof RequestFailed ? error.reason : String(error) };
}

/** One query per distinct set of variables (and per `reload()`); a refused token signs the citizen out. */
export function useQuery<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): QueryState<TData> {
  const session = useSession();
  const [state, setState] = useState<Omit<QueryState<TData>, 'reload'>>({ loading: true, data: null, errors: [], failure: null });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the variables are compared by their JSON (key), not by identity
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true, failure: null }));
    execute(document, variables, session.token).then(
      ({ data, errors }) => current && setState({ loading: false, data, errors, failure: null }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof SessionExpired) return session.expire();
        setState({ loading: false, data: null, errors: [], failure: failureOf(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [document, key, generation, session.token]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
}

/** Runs a mutation as the signed-in citizen; resolves to null on success, else the failure to show. */
export function useMutation<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>): (variables: TVariables) => Promise<Failure | null> {
  const session = useSession();
  return useCallback(
    async (variables: TVariables) => {
      try {
        const { errors } = await execute(document, variables, session.token);
        return errors.length > 0 ? { kind: 'failed', reason: errors[0].extensions?.code ?? errors[0].message } : null;
      } catch (error) {
        if (error instanceof SessionExpired) {
          session.expire();
          return null;
        }
        return failureOf(error);
      }
    },
    [document, session],
  );
}
