import type { ApolloServerPlugin } from '@apollo/server';
import { outcomeOf } from '@govhub/shared';
import type { HubContext } from '../context';
import type { HubMetrics } from '../observability/metrics';

/** Counts every GraphQL request and its latency by operation name, and whether it answered fully, partly or not. */
export function metricsPlugin(metrics: HubMetrics): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart({ request }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const result = response.body.kind === 'single' ? response.body.singleResult : null;
          metrics.request(operationName ?? request.operationName, seconds, outcomeOf(result));
        },
      };
    },
  };
}
