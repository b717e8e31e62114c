import '@govhub/shared/dist/noTelemetry';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createLogger,
  createSigningKey,
  Database,
  DOMAIN_NAMES,
  ensureDatabase,
  FORWARDED_IDENTITY_ALGORITHM,
  personAt,
  prepareDomainDatabase,
  readSubgraphSdl,
  startEmbeddedPostgres,
  startSubgraph,
} from '@govhub/shared';
import { mintToken, startHubGateway } from '@govhub/gateway';
import { DEFINITIONS } from '../support/hub';

/**
 * The benchmark's hub, in its own process so that the load generator does not share its CPU: embedded
 * PostgreSQL, the eight subgraphs, and two gateways on the same subgraphs, one enforcing authorization and the
 * exchange log and one not.
 */
export interface BenchHubReady {
  type: 'ready';
  enforced: string;
  unenforced: string;
  /** The database both gateways share: the exchange log is read from it. */
  databaseUrl: string;
  /** DOPA reading personal records for welfare eligibility, under its agreements. */
  token: string;
  /** An agency with no sharing agreement (TAT), asking for the same records. */
  noAgreementToken: string;
  /** Citizens' tokens, one per person of the first `CITIZEN_TOKENS` of the population (`personAt`). */
  citizenTokens: string[];
  people: number;
}

export const CITIZEN_TOKENS = 20;

async function main(): Promise<void> {
  const people = Number(process.env.BENCH_PEOPLE ?? 3000);
  const logger = createLogger('bench-hub', {});
  const dir = mkdtempSync(join(tmpdir(), 'govhub-bench-'));
  chmodSync(dir, 0o755);
  const postgres = await startEmbeddedPostgres({ dataDir: join(dir, 'pgdata'), fast: true });
  const url = await ensureDatabase(postgres.url, 'govhub');
  const [identityKey, devKey] = await Promise.all([createSigningKey(FORWARDED_IDENTITY_ALGORITHM), createSigningKey()]);
  const databases: Database[] = [];
  const subgraphs = await Promise.all(
    DOMAIN_NAMES.map(async (name) => {
      const db = new Database({ url, schema: name, logger, maxConnections: 20 });
      databases.push(db);
      await prepareDomainDatabase(DEFINITIONS[name], db, { people, logger });
      const running = await startSubgraph(DEFINITIONS[name], { db, logger, port: 0, gatewayKeys: { keys: [identityKey.publicJwk] } });
      return { name, url: running.url, sdl: readSubgraphSdl(DEFINITIONS[name]) };
    }),
  );
  const common = { subgraphs, databaseUrl: url, port: 0, logger, identityKey, devKey };
  const auth = { keys: null, mode: 'filter', reporting: 'errors', requireAuthentication: false } as const;
  const enforced = await startHubGateway({ ...common, auth });
  const unenforced = await startHubGateway({ ...common, auth, enforcement: false });
  const agencyScopes = ['agency', 'personal:read', 'sensitive:read'];
  const token = await mintToken(devKey, { sub: 'dopa-bench', agency: 'DOPA', purpose: 'WELFARE_ELIGIBILITY', scope: agencyScopes, ttl: '2h' });
  const noAgreementToken = await mintToken(devKey, {
    sub: 'tat-bench',
    agency: 'TAT',
    purpose: 'WELFARE_ELIGIBILITY',
    scope: agencyScopes,
    ttl: '2h',
  });
  const citizenTokens = await Promise.all(
    Array.from({ length: CITIZEN_TOKENS }, (_, index) => mintToken(devKey, { sub: personAt(index).nationalId, scope: ['citizen:self'], ttl: '2h' })),
  );
  process.send?.({
    type: 'ready',
    enforced: enforced.url,
    unenforced: unenforced.url,
    databaseUrl: url,
    token,
    noAgreementToken,
    citizenTokens,
    people,
  } satisfies BenchHubReady);
  process.once('disconnect', async () => {
    await Promise.all([enforced.stop(), unenforced.stop()]);
    await Promise.all(databases.map((db) => db.close()));
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
}

void main();
