import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postGraphQL } from '@govhub/shared/dist/testing';
import { inspectionsSubgraph, registrySubgraph } from './fixtures/federation-audit/keyOrder';
import { alertsSubgraph, telemetrySubgraph } from './fixtures/federation-audit/requiresArguments';
import { startFixtureSubgraphs, type FixtureSubgraph, type RunningFixture } from './fixtures/federation-audit/subgraphs';
import { startGatewayChild, type GatewayChild } from './support/gatewayChild';

/**
 * Federation features an agency's subgraphs may use, executed by `govhub gateway --supergraph` on subgraphs of
 * this file's own, where a stock query planner gets them wrong (docs/gateway.md, "Federation compatibility").
 */
let dir: string;
const running: { fixture: RunningFixture; gateway: GatewayChild }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'govhub-federation-'));
  await chmod(dir, 0o755);
});
afterEach(async () => {
  for (const { fixture, gateway } of running.splice(0)) await Promise.all([gateway.kill(), fixture.stop()]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The gateway on these subgraphs' supergraph, every field public (they know nothing of the hub's classification). */
async function gatewayOn(subgraphs: readonly FixtureSubgraph[]): Promise<string> {
  const fixture = await startFixtureSubgraphs(subgraphs);
  const file = join(dir, `${subgraphs.map((subgraph) => subgraph.name).join('-')}.graphql`);
  await writeFile(file, fixture.supergraphSdl);
  const gateway = startGatewayChild(['--supergraph', file, '--default-classification', 'PUBLIC', '--port', '0'], {
    GOVHUB_DATA_DIR: join(dir, 'data'),
  });
  running.push({ fixture, gateway });
  return gateway.listening;
}

it('comes back to a subgraph after @requires with a key that subgraph can resolve, not its first non-resolvable one', async () => {
  const url = await gatewayOn([registrySubgraph, inspectionsSubgraph]);
  const answer = await postGraphQL(url, '{ inspections { id shop { juristicId nameTh signboard } } }');
  expect(answer.errors).toBeUndefined();
  expect(answer.data).toEqual({
    inspections: [{ id: 'INS-1', shop: { juristicId: '0105550000007', nameTh: 'ข้าวแกงป้าแดง', signboard: 'ร้านข้าวแกงป้าแดง' } }],
  });
}, 30_000);

it("answers a field with the client's arguments beside a @requires of the same field with other arguments", async () => {
  const url = await gatewayOn([telemetrySubgraph, alertsSubgraph]);
  const expected = {
    stations: [
      { code: 'Y.1C', name: 'Chiang Rai', level: 320, warning: 'above the bank by 0.2 m' },
      { code: 'P.1', name: 'Nawarat Bridge', level: 210, warning: 'normal' },
    ],
  };
  const literal = await postGraphQL(url, '{ stations { code name level(unit: "cm") warning } }');
  expect(literal.errors).toBeUndefined();
  expect(literal.data).toEqual(expected);
  const fromVariables = await postGraphQL(
    url,
    'query ($unit: String! = "cm") { stations { code name ...Level ...Warning } } fragment Level on Station { level(unit: $unit) } fragment Warning on Station { level(unit: $unit) warning }',
  );
  expect(fromVariables.errors).toBeUndefined();
  expect(fromVariables.data).toEqual(expected);
  const aliased = await postGraphQL(url, '{ stations { code metres: level(unit: "m") centimetres: level(unit: "cm") warning } }');
  expect(aliased.data?.stations[0]).toEqual({ code: 'Y.1C', metres: 3.2, centimetres: 320, warning: 'above the bank by 0.2 m' });
}, 30_000);
