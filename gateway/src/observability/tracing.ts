import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { Logger } from '@govhub/shared';

/** Where traces go: the standard OTLP variables; unset means tracing is off and nothing is sent anywhere. */
export function tracesEndpointFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) return `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces`;
  return null;
}

export interface Tracing {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * OpenTelemetry tracing of the gateway's own spans (@apollo/gateway's request, plan, fetch spans), exported over
 * OTLP/HTTP to the configured endpoint only: the provider is built by hand, without the SDK's resource detectors,
 * which would probe cloud metadata addresses.
 */
export function startTracing(endpoint: string | null, logger: Logger): Tracing | null {
  if (!endpoint) return null;
  const provider = new NodeTracerProvider({
    resource: new Resource({ 'service.name': 'govhub-gateway' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: endpoint }), { scheduledDelayMillis: 1_000 })],
  });
  provider.register();
  logger.info({ endpoint }, 'tracing to OTLP endpoint');
  return {
    endpoint,
    stop: async () => {
      await provider.shutdown();
      trace.disable();
    },
  };
}
