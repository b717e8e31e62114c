import '@govhub/shared/dist/noTelemetry';
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/**
 * Stock `@apollo/gateway` with `@apollo/server`'s standalone HTTP server on a supergraph file: the baseline every
 * other gateway is compared to. Usage: `node apolloGateway.js SUPERGRAPH_FILE PORT`.
 */
export async function startStockApolloGateway(supergraphSdl: string, port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

if (require.main === module) {
  const [file, port] = process.argv.slice(2);
  startStockApolloGateway(readFileSync(file, 'utf8'), Number(port)).then(
    ({ url }) => console.log(`stock @apollo/gateway listening at ${url}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
