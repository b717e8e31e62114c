import { SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';

const tracer = trace.getTracer('@govhub/gateway/executor');

/**
 * Runs `work` in a span named as the stock executor names its own (`gateway.request`, `gateway.fetch`), so that
 * traces and their dashboards read the same whichever executor runs.
 */
export function inSpan<T>(name: 'gateway.request' | 'gateway.fetch', attributes: Attributes, work: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
