import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '@govhub/shared';
import { CALLERS, startTestHub, type TestHub } from './support/hub';

/**
 * Cost calibration: the natural catalogue, province and dashboard queries and every example query of the README and
 * the docs run under the default cost limit, with list sizes the subgraphs know (`@listSize`).
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
}, 120_000);
afterAll(() => hub?.stop());

const NATURAL: Record<string, string> = {
  catalogue: '{ agencies { code datasets { id classification } } }',
  'catalogue by ministry': '{ ministries { code agencies { code nameTh datasets { id } } } }',
  provinces: '{ provinces { code nameTh nameEn region } }',
  dashboard: '{ provinces { code nameTh population waterSituation { floodStatus droughtStatus } activeWarnings { hazard severity } businessCount } }',
};

/** The `graphql` blocks of the README and docs that are operations (not SDL), with their `# variables:` line. */
function documentedOperations(): { where: string; query: string; variables: Record<string, unknown> }[] {
  const files = [
    'README.md',
    ...readdirSync(join(projectRoot(), 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => join('docs', name)),
  ];
  return files.flatMap((file) =>
    [...readFileSync(join(projectRoot(), file), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)]
      .map((match, index) => ({ where: `${file} #${index + 1}`, text: match[1] }))
      .filter(({ text }) => /^\s*(\{|query\b|mutation\b)/.test(text.replace(/^#.*\n/gm, '')))
      .map(({ where, text }) => {
        const variables = /# variables: (\{.*\})/.exec(text)?.[1];
        return { where, query: text.replace(/^#.*$/gm, ''), variables: variables ? JSON.parse(variables) : {} };
      }),
  );
}

it('finds the documented operations', () => {
  expect(documentedOperations().length).toBeGreaterThanOrEqual(5);
});

it('runs the natural and documented queries under the default cost limit', async () => {
  const dopa = await hub.as(CALLERS.dopaWelfare);
  const operations = [...Object.entries(NATURAL).map(([where, query]) => ({ where, query, variables: {} })), ...documentedOperations()];
  const refused: string[] = [];
  for (const { where, query, variables } of operations) {
    const answer = await hub.query(query, variables, dopa);
    const codes = (answer.errors ?? []).map((error) => String(error.extensions?.code));
    const cost = answer.extensions?.cost as { requested: number; limit: number } | undefined;
    if (codes.some((code) => code === 'OPERATION_TOO_COSTLY' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED') || !cost) {
      refused.push(`${where}: ${codes.join(', ')} ${JSON.stringify(answer.errors?.[0]?.message)}`);
    }
  }
  expect(refused).toEqual([]);
}, 60_000);
