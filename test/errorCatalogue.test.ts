import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueEntry, ERROR_CATALOGUE, projectRoot } from '@govhub/shared';
import { CALLERS, startTestHub, type TestHub } from './support/hub';

/**
 * One error catalogue: every code the hub's code puts in `extensions.code` is in it (so masking and stack traces,
 * derived from it, treat it right), and client errors carry no stack trace, in development too.
 */
const SOURCES = ['gateway/src', 'shared/src'].map((dir) => join(projectRoot(), dir));
/** Registry check codes answer `govhub subgraph check`, not GraphQL requests (docs/publishing.md). */
const CHECK_CODE_SOURCES = [join(projectRoot(), 'gateway/src/registry'), join(projectRoot(), 'shared/src/federation')];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

it('catalogues every code the source emits, and nothing else pretends to be a client error', () => {
  const emitted = new Set<string>();
  for (const file of SOURCES.flatMap(sourceFiles)) {
    if (CHECK_CODE_SOURCES.some((dir) => file.startsWith(dir))) continue;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/code: '([A-Z_]+)'|(?:LimitCode|PersistedCode|ErrorCode)\.([A-Z_]+)|[A-Z_]+ = '([A-Z_]{6,})';/g)) {
      emitted.add(match[1] ?? match[2] ?? match[3]);
    }
  }
  expect(emitted.size).toBeGreaterThan(15);
  expect([...emitted].filter((code) => !catalogueEntry(code))).toEqual([]);
  expect(ERROR_CATALOGUE.INTERNAL_SERVER_ERROR.shownInProduction).toBe(false);
});

describe('stack traces, in development', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  }, 120_000);
  afterAll(() => hub?.stop());

  it("none on a validation error, a bad argument or a denied field (the subgraph's own included)", async () => {
    const typo = await hub.query('{ provinces { nmeTh } }');
    expect(typo.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const badId = await hub.query('{ person(nationalId: "1101700203451") { firstNameTh } }');
    expect(badId.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const [{ citizen }] = await hub.subgraphs.citizen.db.query<{ citizen: string }>(
      'SELECT min(national_id) AS citizen FROM person GROUP BY house_id HAVING count(*) >= 2 ORDER BY house_id LIMIT 1',
    );
    const denied = await hub.query('{ me { nationalId house { members { nationalId } } } }', {}, await hub.as(CALLERS.citizen(citizen)));
    for (const answer of [typo, badId, denied]) {
      expect(answer.errors?.length).toBeGreaterThan(0);
      for (const error of answer.errors ?? []) expect(error.extensions?.stacktrace).toBeUndefined();
    }
  });
});
