import { LATENCY_BUCKETS, OperationLabels, type RequestOutcome } from '@govhub/shared';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Circuit states as a gauge value: 0 closed, 1 half-open, 2 open. */
const CIRCUIT_VALUES: Readonly<Record<string, number>> = { closed: 0, 'half-open': 1, open: 2 };

/**
 * The hub's Prometheus metrics (`GET /metrics`), one registry per gateway. Each concern reports through one small
 * method, so the plugins do not know about prom-client.
 */
export class HubMetrics {
  readonly registry = new Registry();
  private readonly operations = new OperationLabels();
  private readonly requests = new Counter({
    name: 'govhub_graphql_requests_total',
    help: 'GraphQL requests, by operation name and outcome (ok, partial, error).',
    labelNames: ['operation', 'outcome'],
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'govhub_graphql_request_duration_seconds',
    help: 'GraphQL request latency, by operation name.',
    labelNames: ['operation'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly fetchLatency = new Histogram({
    name: 'govhub_subgraph_fetch_duration_seconds',
    help: "Latency of calls from the gateway to each domain's subgraph.",
    labelNames: ['domain'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly fetchErrors = new Counter({
    name: 'govhub_subgraph_fetch_errors_total',
    help: 'Failed subgraph calls, by domain and error code.',
    labelNames: ['domain', 'code'],
    registers: [this.registry],
  });
  private readonly decisions = new Counter({
    name: 'govhub_authorization_decisions_total',
    help: 'Field authorization decisions, by classification and outcome (granted, denied).',
    labelNames: ['classification', 'outcome'],
    registers: [this.registry],
  });
  private readonly rateLimited = new Counter({
    name: 'govhub_rate_limit_rejections_total',
    help: 'Requests refused by the rate limiter, by consumer class.',
    labelNames: ['class'],
    registers: [this.registry],
  });
  private readonly exchangeLogEntries = new Counter({
    name: 'govhub_exchange_log_entries_total',
    help: 'Entries written to the central exchange log.',
    registers: [this.registry],
  });
  private readonly exchangeLogFailures = new Counter({
    name: 'govhub_exchange_log_write_failures_total',
    help: 'Exchange log batches that could not be written (their data was withheld).',
    registers: [this.registry],
  });

  constructor(circuits: () => Readonly<Record<string, string>> = () => ({})) {
    collectDefaultMetrics({ register: this.registry, prefix: 'govhub_' });
    new Gauge({
      name: 'govhub_subgraph_circuit_state',
      help: "Each domain's circuit breaker: 0 closed, 1 half-open, 2 open.",
      labelNames: ['domain'],
      registers: [this.registry],
      collect() {
        for (const [domain, state] of Object.entries(circuits())) this.set({ domain }, CIRCUIT_VALUES[state] ?? -1);
      },
    });
  }

  request(operationName: string | null | undefined, seconds: number, outcome: RequestOutcome): void {
    const operation = this.operations.labelOf(operationName);
    this.requests.inc({ operation, outcome });
    this.latency.observe({ operation }, seconds);
  }

  subgraphFetch(domain: string, seconds: number, errorCode?: string): void {
    this.fetchLatency.observe({ domain }, seconds);
    if (errorCode) this.fetchErrors.inc({ domain, code: errorCode });
  }

  authorization(classification: string, granted: boolean): void {
    this.decisions.inc({ classification, outcome: granted ? 'granted' : 'denied' });
  }

  rateLimitRejected(consumerClass: string): void {
    this.rateLimited.inc({ class: consumerClass });
  }

  exchangeLogWritten(entries: number): void {
    this.exchangeLogEntries.inc(entries);
  }

  exchangeLogFailed(): void {
    this.exchangeLogFailures.inc();
  }
}
