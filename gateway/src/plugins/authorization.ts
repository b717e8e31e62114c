import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { releaseOf, requestError, type Grants } from '@govhub/shared';
import { AuthorizationCache } from '../authorization/analysis';
import { decide, type GrantSource, type PolicyRegistry } from '../authorization/decide';
import type { Removal } from '../authorization/filter';
import { nullRemovedFields, stripInternalKeys, UNAUTHORIZED, unauthorizedErrors } from '../authorization/response';
import { TYPENAME_ALIAS } from '../authorization/filter';
import type { AuthorizationRules } from '../authorization/rules';
import type { HubContext } from '../context';
import { exchangeLogEntries } from '../audit/entries';
import type { ExchangeLog } from '../audit/exchangeLog';
import type { OperationUsage } from '../registry/usage';
import { guardReleases, type ReleaseJudge } from '../audit/releases';
import { SUBJECT_ALIAS } from '../audit/loggedFields';

/** Apollo Router's options: filter (default), reject the whole operation, or dry run (report, filter nothing). */
export type AuthorizationMode = 'filter' | 'reject' | 'dry-run';
/** Where denials are reported: `errors` (default), `extensions` (so clients do not throw), or not at all. */
export type DenialReporting = 'errors' | 'extensions' | 'disabled';

export interface AuthorizationOptions {
  mode: AuthorizationMode;
  reporting: DenialReporting;
  requireAuthentication: boolean;
  policies: PolicyRegistry;
  grants: GrantSource;
  /** The rules read from the supergraph behind this API schema. */
  rulesFor(schema: GraphQLSchema): AuthorizationRules | undefined;
  /** Where releases of personal data are recorded; without it nothing personal can be logged, so none is released. */
  exchangeLog: ExchangeLog | null;
  /** Where served operations and the fields they use are counted (registry checks judge changes against them). */
  usage?: OperationUsage | null;
  /** Told of each classified field's decision (the metrics). */
  onDecision?(classification: string, granted: boolean): void;
}

const LOG_UNAVAILABLE = {
  message: 'The exchange log could not be written, so no data was released',
  extensions: { code: 'EXCHANGE_LOG_UNAVAILABLE' },
};

/**
 * The heart of the hub: decides every field of the operation for this caller, removes what they may not see before
 * planning (so no subgraph is asked for it), and answers each removed field with null and one error.
 */
export function authorizationPlugin(options: AuthorizationOptions): ApolloServerPlugin<HubContext> {
  const cache = new AuthorizationCache();
  return {
    async requestDidStart() {
      let removals: readonly Removal[] = [];
      let denials: GraphQLFormattedError[] = [];
      let nothingLeft = false;
      // Until an operation is filtered here, every answer is guarded and stripped of every key the hub may add.
      let guardsReleases = true;
      let internalKeys: readonly string[] = [SUBJECT_ALIAS, TYPENAME_ALIAS];
      // Other plugins may refuse the request after this one has analysed it (a bad national ID): only a request
      // that went on to execute (or was answered here) gets denials, nulls and log entries.
      let answered = false;
      return {
        async didResolveOperation(requestContext) {
          const { contextValue, schema, request } = requestContext;
          if (options.requireAuthentication && contextValue.identity.kind === 'anonymous') {
            throw requestError('UNAUTHENTICATED', 'This hub requires a token');
          }
          const rules = options.rulesFor(schema);
          if (!rules) throw new Error('no authorization rules for the loaded supergraph');
          const queryHash = requestContext.queryHash;
          const analysis = cache.analyse(schema, rules, requestContext.document, queryHash, requestContext.operationName);
          if (!analysis) return;
          options.usage?.record({
            signature: `${queryHash}:${requestContext.operationName ?? ''}`,
            name: requestContext.operationName,
            coordinates: analysis.coordinates,
          });
          const decisions = await decide(analysis.requirements, contextValue.identity, options.policies, options.grants);
          contextValue.grants = decisions.grants;
          if (options.onDecision) {
            for (const requirement of analysis.requirements) {
              if (requirement.kind === 'classified') options.onDecision(requirement.classification.level, decisions.allows([requirement]));
            }
          }
          const filtered = cache.filter(schema, rules, analysis, `${queryHash}:${requestContext.operationName ?? ''}`, decisions);
          denials = unauthorizedErrors(filtered.removals, request.variables);
          if (options.mode === 'dry-run') return;
          if (options.mode === 'reject' && denials.length > 0) {
            // Rejecting the whole operation is a refusal of the request: 403, not a null field.
            throw requestError(UNAUTHORIZED.code, UNAUTHORIZED.message, { paths: denials.map((denial) => denial.path), http: { status: 403 } });
          }
          removals = filtered.removals;
          nothingLeft = filtered.empty;
          guardsReleases = filtered.guardsReleases;
          internalKeys = filtered.internalKeys;
          // @apollo/gateway caches plans by queryHash, not by the document it plans: both must be the filtered ones.
          Object.assign(requestContext, { document: filtered.document, operation: filtered.operation, queryHash: filtered.queryHash });
        },

        async executionDidStart() {
          answered = true;
        },

        async responseForOperation(requestContext): Promise<GraphQLResponse | null> {
          if (!nothingLeft) return null;
          answered = true;
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: nullRemovedFields({}, removals, requestContext.request.variables) } },
          };
        },

        async willSendResponse({ response, request, schema, operation, contextValue }) {
          if (response.body.kind !== 'single' || !answered) return;
          const result = response.body.singleResult;
          if (options.mode === 'dry-run') {
            if (denials.length) result.extensions = { ...result.extensions, authorization: { dryRun: true, denied: denials.map((d) => d.path) } };
          } else if (removals.length > 0) {
            result.data = nullRemovedFields(result.data as Record<string, unknown> | null | undefined, removals, request.variables);
          }
          const rules = options.rulesFor(schema);
          const data = result.data as Record<string, unknown> | null | undefined;
          const guarded =
            data && operation && rules && guardsReleases
              ? guardReleases(schema, rules, operation, data, {
                  judge: judgeBy(contextValue.grants),
                  enforce: options.mode !== 'dry-run',
                  variables: request.variables,
                  mutationSubject: contextValue.identity.kind === 'citizen' ? contextValue.identity.sub : null,
                })
              : null;
          if (guarded) result.data = guarded.data;
          if (result.data && internalKeys.length > 0) stripInternalKeys(result.data, internalKeys);
          const reported = options.mode === 'dry-run' ? [] : [...denials, ...(guarded?.denials ?? [])];
          if (options.mode === 'reject' && guarded && guarded.denials.length > 0) {
            result.data = null;
            result.errors = [
              { message: UNAUTHORIZED.message, extensions: { code: UNAUTHORIZED.code, paths: guarded.denials.map((denial) => denial.path) } },
            ];
            response.http.status = 403;
          } else if (reported.length > 0 && options.reporting === 'extensions') {
            result.extensions = { ...result.extensions, authorizationErrors: reported };
          } else if (reported.length > 0 && options.reporting === 'errors') {
            result.errors = [...reported, ...(result.errors ?? [])];
          }
          if (!guarded || guarded.releases.length === 0 || result.data === null) return;
          try {
            if (!options.exchangeLog) throw new Error('no exchange log is configured');
            await options.exchangeLog.append(exchangeLogEntries(guarded.releases, contextValue.identity, contextValue.requestId));
          } catch (error) {
            contextValue.logger.error({ message: (error as Error).message }, 'exchange log write failed; response withheld');
            result.data = null;
            result.errors = [LOG_UNAVAILABLE];
            response.http.status = 503;
          }
        },
      };
    },
  };
}

/** Each value is judged by the one rule the subgraphs apply too, on the grants decided for this request. */
function judgeBy(grants: Grants): ReleaseJudge {
  return ({ level, dataset }, coordinate, subject) => releaseOf(grants[dataset], level, coordinate, subject);
}
