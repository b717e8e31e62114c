import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph, DOMAIN_NAMES, projectRoot, type SubgraphSource } from '@govhub/shared';
import { servedDatasets } from '../src/supergraph/servedDatasets';

const builtIns: SubgraphSource[] = DOMAIN_NAMES.map((name) => ({
  name, url: `http://127.0.0.1:4000/${name}`, sdl: readFileSync(join(projectRoot(), 'subgraphs', name, 'schema.graphql'), 'utf8'),
}));
const QUIZ = `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@composeDirective"])
  @link(url: "https://govhub.go.th/spec/classification/v0.1", import: ["@classified"])
  @composeDirective(name: "@classified")
directive @classified(level: Classification!, dataset: String) on FIELD_DEFINITION
enum Classification { PUBLIC INTERNAL PERSONAL SENSITIVE SECRET }
type Person @key(fields: "nationalId") {
  "The national ID."
  nationalId: ID! @classified(level: PERSONAL, dataset: "dopa.civil-registry")
  "The person's own answers."
  quizAnswers: String @classified(level: PERSONAL, dataset: "quiz.answers")
}`;

const served = servedDatasets(composeSupergraph([...builtIns, { name: 'quiz', url: 'http://127.0.0.1:4100/', sdl: QUIZ }]).supergraphSdl);

it('gives each subgraph the datasets its own fields name, never those of the entity keys it extends', () => {
  expect([...served.get('quiz')!]).toEqual(['quiz.answers']);
  expect([...served.get('citizen')!]).toEqual(expect.arrayContaining(['dopa.civil-registry', 'cgd.low-income-register']));
  expect(served.get('business')!.has('dbd.juristic-persons')).toBe(true);
  for (const name of DOMAIN_NAMES.filter((name) => name !== 'citizen')) expect(served.get(name)!.has('dopa.civil-registry')).toBe(false);
});
