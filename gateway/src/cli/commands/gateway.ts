import { drainDelayMsFromEnv } from '@govhub/shared';
import type { ExecutorKind } from '../../executor/config';
import { builtInSubgraphs, builtInSubgraphUrlsFromEnv } from '../../supergraph/builtInSubgraphs';
import { classificationLevel, listenAddressFromEnv, portNumber, startGatewayProcess, untilTerminated } from '../gatewayProcess';

export interface GatewayCommandOptions {
  supergraph?: string;
  defaultClassification?: string;
  port?: string;
  host?: string;
  /** One of commander's choices for `--executor`. */
  executor?: ExecutorKind;
}

/** The gateway alone, until SIGINT or SIGTERM; its URL is the one line on stdout that is not a JSON log line. */
export async function gatewayCommand(options: GatewayCommandOptions): Promise<number> {
  const address = listenAddressFromEnv();
  const running = await startGatewayProcess({
    supergraphFile: options.supergraph,
    defaultClassification: options.defaultClassification ? classificationLevel(options.defaultClassification) : undefined,
    databaseUrl: process.env.DATABASE_URL,
    subgraphs: builtInSubgraphs(builtInSubgraphUrlsFromEnv()),
    port: options.port ? portNumber(options.port, '--port') : address.port,
    host: options.host ?? address.host,
    executor: options.executor,
  });
  process.stdout.write(`govhub gateway listening at ${running.url}\n`);
  await untilTerminated();
  await running.drain(drainDelayMsFromEnv());
  return 0;
}
