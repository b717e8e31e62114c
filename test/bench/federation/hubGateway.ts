import '@govhub/shared/dist/noTelemetry';
import { readFileSync } from 'node:fs';
import { createSigningKey, FORWARDED_IDENTITY_ALGORITHM, type SubgraphSource } from '@govhub/shared';
import { startHubGateway } from '@govhub/gateway';
import { classifiedSdl } from './classifiedSdl';

/**
 * govhub's gateway on the benchmark's subgraphs, until `govhub gateway --supergraph FILE --default-classification
 * PUBLIC` exists (gateways.ts prefers that command when it does). Production mode as the harness's environment sets
 * it (`HUB_ENV=production`, tokens verified against `GOVHUB_JWKS_FILE`), no database (nothing here is personal, so
 * no exchange log), rate limits off so that the load is not refused. Every field is classified PUBLIC.
 * Usage: `node hubGateway.js SUBGRAPHS_JSON PORT`, the JSON an array of `{ name, url, sdl }`.
 */
async function main(): Promise<void> {
  const [file, port] = process.argv.slice(2);
  const subgraphs = (JSON.parse(readFileSync(file, 'utf8')) as SubgraphSource[]).map((subgraph) => ({
    ...subgraph,
    sdl: classifiedSdl(subgraph.sdl),
  }));
  const gateway = await startHubGateway({
    subgraphs,
    port: Number(port),
    host: '127.0.0.1',
    identityKey: await createSigningKey(FORWARDED_IDENTITY_ALGORITHM),
    rateLimits: { policies: { agency: null, citizen: null, anonymous: null } },
  });
  console.log(`govhub gateway listening at ${gateway.url}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
