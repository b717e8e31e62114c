import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/database';
import { LATENCY_BUCKETS, OperationLabels, outcomeOf } from '../observability/operationLabels';

/** A subgraph's Prometheus metrics (`GET /metrics` on its own port), one registry per subgraph server. */
export class SubgraphMetrics {
  readonly registry = new Registry();
  private readonly operations = new OperationLabels();
  private readonly requests = new Counter({
    name: 'govhub_subgraph_requests_total',
    help: 'GraphQL requests this subgraph answered, by operation name and outcome (ok, partial, error).',
    labelNames: ['operation', 'outcome'],
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'govhub_subgraph_request_duration_seconds',
    help: 'GraphQL request latency in this subgraph, by operation name and outcome.',
    labelNames: ['operation', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'govhub_subgraph_graphql_errors_total',
    help: 'GraphQL errors in answers, by extensions.code (UNAUTHENTICATED: a request the gateway did not sign).',
    labelNames: ['code'],
    registers: [this.registry],
  });

  constructor(domain: string, db: Database) {
    this.registry.setDefaultLabels({ domain });
    collectDefaultMetrics({ register: this.registry, prefix: 'govhub_' });
    new Gauge({
      name: 'govhub_db_pool_clients',
      help: "The database pool's clients: total open, idle, and callers waiting for one.",
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        for (const [state, count] of Object.entries(db.poolClients)) this.set({ state }, count);
      },
    });
  }

  /** Counts every request (a refused one too) with its latency and the codes of its errors. */
  plugin(): ApolloServerPlugin {
    const metrics = this;
    return {
      async contextCreationDidFail({ error }) {
        metrics.errorsOf([error as GraphQLError]);
        metrics.requests.inc({ operation: 'unidentified', outcome: 'error' });
      },
      async requestDidStart({ request }) {
        const ended = metrics.latency.startTimer();
        return {
          async willSendResponse({ response, operationName }) {
            const result = response.body.kind === 'single' ? response.body.singleResult : null;
            const labels = { operation: metrics.operations.labelOf(operationName ?? request.operationName), outcome: outcomeOf(result) };
            ended(labels);
            metrics.requests.inc(labels);
            metrics.errorsOf(result?.errors ?? []);
          },
        };
      },
    };
  }

  private errorsOf(errors: readonly { extensions?: Record<string, unknown> }[]): void {
    for (const error of errors) this.errors.inc({ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
  }
}
