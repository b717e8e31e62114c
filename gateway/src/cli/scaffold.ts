import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * `npx govhub subgraph new <name>`: a new domain with the same layout as the built-in ones (subgraphs/README.md),
 * ready to run: Province and Person extensions backed by their own tables, loaders, a migration, an idempotent seed and
 * a test.
 */
export interface ScaffoldOptions {
  /** Where subgraph folders live (the repository's `subgraphs/`). */
  subgraphsDir: string;
  name: string;
  port: number;
}

const NAME = /^[a-z][a-z0-9]{1,30}$/;

export function scaffoldSubgraph({ subgraphsDir, name, port }: ScaffoldOptions): string[] {
  if (!NAME.test(name)) throw new Error('a subgraph name is 2 to 31 lowercase letters or digits, starting with a letter');
  const dir = join(subgraphsDir, name);
  if (existsSync(dir)) throw new Error(`${dir} already exists`);
  const files = templates(name, port);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return Object.keys(files).map((file) => join(dir, file));
}

function templates(name: string, port: number): Record<string, string> {
  const field = `${name}Value`;
  const record = `${name}Record`;
  return {
    'package.json': `${JSON.stringify(
      {
        name: `@govhub/subgraph-${name}`,
        version: '0.1.0',
        private: true,
        main: 'dist/index.js',
        types: 'dist/index.d.ts',
        scripts: { start: `APOLLO_TELEMETRY_DISABLED=1 PORT=\${PORT:-${port}} node dist/main.js`, test: 'jest' },
        dependencies: { '@govhub/shared': '0.1.0', dataloader: '2.2.3', graphql: '16.15.0' },
      },
      null,
      2,
    )}\n`,
    'tsconfig.json': `${JSON.stringify(
      {
        extends: '../../tsconfig.base.json',
        compilerOptions: { rootDir: '.', outDir: 'dist' },
        include: ['*.ts', 'resolvers', 'seed'],
        exclude: ['dist', 'test'],
        references: [{ path: '../../shared' }],
      },
      null,
      2,
    )}\n`,
    'jest.config.js': "module.exports = { ...require('../../jest.base.js') };\n",
    'codegen.json': `${JSON.stringify({ mappers: { Province: './loaders#ProvinceRef', Person: './loaders#PersonRef' } }, null, 2)}\n`,
    'schema.graphql': `extend schema
  @link(
    url: "https://specs.apollo.dev/federation/v2.6"
    import: ["@key", "@shareable", "@external", "@requires", "@provides", "@composeDirective"]
  )
  @link(url: "https://govhub.go.th/spec/classification/v0.1", import: ["@classified"])
  @composeDirective(name: "@classified")

"How sensitive a field's data is; the gateway derives who may read it."
directive @classified(level: Classification!, dataset: String) on FIELD_DEFINITION

enum Classification {
  PUBLIC
  INTERNAL
  PERSONAL
  SENSITIVE
  SECRET
}

"The ${name} subgraph: replace the example field with your committee's data. Every field is classified."
type Query {
  "How many provinces have a ${field}."
  ${name}Coverage: Int! @classified(level: PUBLIC)
}

type Province @key(fields: "code") {
  code: ID! @classified(level: PUBLIC)
  "An example figure per province (synthetic)."
  ${field}: Int @classified(level: PUBLIC)
}

type Person @key(fields: "nationalId") {
  nationalId: ID! @classified(level: PERSONAL, dataset: "dopa.civil-registry")
  "An example personal figure (synthetic): personal data names the catalogue dataset it belongs to."
  ${record}: Int @classified(level: PERSONAL, dataset: "${name}.records")
}
`,
    'index.ts': `import { defineSubgraph, packageDir } from '@govhub/shared';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import { seed } from './seed';

export const ${name} = defineSubgraph({ name: '${name}', dir: packageDir(__dirname), resolvers, createLoaders, seed });
`,
    'main.ts': `import '@govhub/shared/dist/noTelemetry';
import { runSubgraphMain } from '@govhub/shared';
import { ${name} } from './index';

void runSubgraphMain(${name});
`,
    'context.ts': `import type { SubgraphContext } from '@govhub/shared';
import type { Loaders } from './loaders';

export type Context = SubgraphContext<Loaders>;
`,
    'loaders.ts': `import { rowLoader, type Database } from '@govhub/shared';

export interface ProvinceRef { code: string }
export interface PersonRef { nationalId: string }
export interface ProvinceValueRow { provinceCode: string; value: number }
export interface PersonValueRow { nationalId: string; value: number }

export function createLoaders(db: Database) {
  return {
    valueByProvince: rowLoader<ProvinceValueRow>(
      db, 'SELECT province_code AS "provinceCode", value FROM province_value WHERE province_code = ANY($1)', (row) => row.provinceCode,
    ),
    valueByPerson: rowLoader<PersonValueRow>(
      db, 'SELECT national_id AS "nationalId", value FROM person_value WHERE national_id = ANY($1)', (row) => row.nationalId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
`,
    'resolvers/index.ts': `import type { Resolvers } from '../generated';
import { entities } from './entities';
import { Query } from './query';

export const resolvers: Resolvers = { Query, ...entities };
`,
    'resolvers/query.ts': `import type { QueryResolvers } from '../generated';

export const Query: QueryResolvers = {
  ${name}Coverage: async (_, __, { db }) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM province_value'))[0].n,
};
`,
    'resolvers/entities.ts': `import { requireNationalId, requireProvinceCode } from '@govhub/shared';
import type { Resolvers } from '../generated';

export const entities: Omit<Resolvers, 'Query'> = {
  Province: {
    __resolveReference: ({ code }) => ({ code: requireProvinceCode(code) }),
    ${field}: async ({ code }, _, { loaders }) => (await loaders.valueByProvince.load(code))?.value ?? null,
  },
  Person: {
    __resolveReference: ({ nationalId }) => ({ nationalId: requireNationalId(nationalId) }),
    ${record}: async ({ nationalId }, _, { loaders }) => (await loaders.valueByPerson.load(nationalId))?.value ?? null,
  },
};
`,
    'migrations/001_init.sql': `CREATE TABLE province_value (
  province_code text PRIMARY KEY CHECK (province_code ~ '^\\d{2}$'),
  value integer NOT NULL,
  synthetic boolean NOT NULL DEFAULT true
);

CREATE TABLE person_value (
  national_id text PRIMARY KEY CHECK (national_id ~ '^\\d{13}$'),
  value integer NOT NULL,
  synthetic boolean NOT NULL DEFAULT true
);
`,
    'seed/index.ts': `import { bulkInsert, createRandom, personAt, provinces, seedStep, type Database, type SeedOptions } from '@govhub/shared';

const SEED_VERSION = 1;
const BATCH = 10_000;

/** Synthetic and deterministic: one value per province and per person. Replace with the committee's real data. */
export async function seed(db: Database, { logger, people }: SeedOptions): Promise<void> {
  await seedStep(db, logger, 'province_value', SEED_VERSION, async () => {
    const random = createRandom('${name}:province-value');
    await bulkInsert(db, 'province_value', ['province_code', 'value'], provinces().map((p) => [p.code, random.int(0, 1000)]));
  });
  await seedStep(db, logger, 'person_value', SEED_VERSION, async () => {
    const random = createRandom('${name}:person-value');
    for (let start = 0; start < people; start += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, people - start) }, (_, i) => [personAt(start + i).nationalId, random.int(0, 100)]);
      await bulkInsert(db, 'person_value', ['national_id', 'value'], rows);
    }
  });
}
`,
    [`test/${name}.test.ts`]: `import { DEMO_PEOPLE } from '@govhub/shared';
import { useTestSubgraph } from '@govhub/shared/dist/testing';
import { ${name} } from '../index';

const subgraph = useTestSubgraph(${name});

it('extends every province, one statement for any number of them', async () => {
  const representations = (codes: string[]) => ({ representations: codes.map((code) => ({ __typename: 'Province', code })) });
  const query = 'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Province { ${field} } } }';
  const two = await subgraph.statementsFor(query, representations(['10', '56']));
  const all = await subgraph.statementsFor(query, representations(Array.from({ length: 77 }, (_, i) => String(10 + i))));
  expect(two.statements).toBe(all.statements);
  expect((await subgraph.query('{ ${name}Coverage }')).data?.${name}Coverage).toBe(77);
});

it('extends people, one statement for any number of them', async () => {
  const query = 'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { ${record} } } }';
  const people = (ids: string[]) => ({ representations: ids.map((nationalId) => ({ __typename: 'Person', nationalId })) });
  const ids = DEMO_PEOPLE.map((person) => person.nationalId);
  const one = await subgraph.statementsFor(query, people(ids.slice(0, 1)));
  const all = await subgraph.statementsFor(query, people(ids));
  expect(one.statements).toBe(all.statements);
  expect(all.response.data?._entities.map((person: { ${record}: number | null }) => person.${record})).toEqual(ids.map(() => expect.any(Number)));
});
`,
  };
}
