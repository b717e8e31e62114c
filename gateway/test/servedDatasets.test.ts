import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph, DOMAIN_NAMES, projectRoot, type SubgraphSource } from '@govhub/shared';
import { scaffoldSubgraph } from '../src/cli/scaffold';
import { servedDatasets } from '../src/supergraph/servedDatasets';

const builtIns: SubgraphSource[] = DOMAIN_NAMES.map((name) => ({
  name,
  url: `http://127.0.0.1:4000/${name}`,
  sdl: readFileSync(join(projectRoot(), 'subgraphs', name, 'schema.graphql'), 'utf8'),
}));
/** What `govhub subgraph new quiz` gives an agency: Person extended with a field in its own dataset. */
const scratch = mkdtempSync(join(tmpdir(), 'served-'));
scaffoldSubgraph({ subgraphsDir: scratch, name: 'quiz', port: 0 });
const QUIZ = readFileSync(join(scratch, 'quiz', 'schema.graphql'), 'utf8');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const served = servedDatasets(composeSupergraph([...builtIns, { name: 'quiz', url: 'http://127.0.0.1:4100/', sdl: QUIZ }]).supergraphSdl);

it('gives each subgraph the datasets its own fields name, never those of the entity keys it extends', () => {
  expect([...served.get('quiz')!]).toEqual(['quiz.records']);
  expect([...served.get('citizen')!]).toEqual(expect.arrayContaining(['dopa.civil-registry', 'cgd.low-income-register']));
  expect(served.get('business')!.has('dbd.juristic-persons')).toBe(true);
  for (const name of DOMAIN_NAMES.filter((name) => name !== 'citizen')) expect(served.get(name)!.has('dopa.civil-registry')).toBe(false);
});
