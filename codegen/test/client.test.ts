import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentError, generateClient, persistedManifestOf } from '../src/client';

const SCHEMA = `
type Query { province(code: ID!): Province, provinces(region: Region): [Province!]! }
type Province { code: ID! nameEn: String! region: Region! population: Int }
enum Region { NORTH SOUTH }
`;

let app: string;
beforeEach(() => {
  app = mkdtempSync(join(tmpdir(), 'client-'));
  mkdirSync(join(app, 'src'));
});
afterEach(() => rmSync(app, { recursive: true, force: true }));

const write = (file: string, text: string) => writeFileSync(join(app, 'src', file), text);
const generate = () => generateClient({ schemaSdl: SCHEMA, documents: ['src/**/*.graphql'], cwd: app, outFile: join(app, 'src', 'generated.ts') });

describe('npx govhub codegen', () => {
  it('types each operation and exports its typed document', async () => {
    write('province.graphql', 'query Province($code: ID!) { province(code: $code) { nameEn region population } }');
    write('north.graphql', 'query North { provinces(region: NORTH) { code } }');
    const { code, files, operations } = await generate();
    expect(files).toEqual(['src/north.graphql', 'src/province.graphql']);
    expect(operations.sort()).toEqual(['North', 'Province']);
    expect(code).toContain('export type ProvinceQuery = { province: { nameEn: string, region: Region, population: number | null } | null };');
    expect(code).toContain('export type ProvinceQueryVariables = Exact<{\n  code: string | number;\n}>;');
    expect(code).toMatch(/export const ProvinceDocument = \{.*\} as unknown as DocumentNode<ProvinceQuery, ProvinceQueryVariables>;/);
  });

  it('refuses documents that do not match the schema, anonymous operations and repeated names, naming file and line', async () => {
    write('bad.graphql', 'query Bad {\n  province(code: "10") { name }\n}');
    write('anonymous.graphql', '{ provinces { code } }');
    write('twice.graphql', 'query North { provinces { code } }');
    write('again.graphql', 'query North { provinces { nameEn } }');
    const error = await generate().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).problems).toEqual([
      'src/bad.graphql:2:26: Cannot query field "name" on type "Province". Did you mean "nameEn"?',
      'operation North is defined more than once: operation names are unique in an app',
      'src/anonymous.graphql:1: an operation needs a name (query Name { ... })',
    ]);
  });

  it('writes a persisted-documents manifest whose ids are the hashes a client sends', async () => {
    write('province.graphql', 'query Province($code: ID!) { province(code: $code) { nameEn } }');
    const manifest = persistedManifestOf((await generate()).code);
    const body = 'query Province($code: ID!) {\n  province(code: $code) {\n    nameEn\n  }\n}';
    expect(manifest).toEqual({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: createHash('sha256').update(body).digest('hex'), name: 'Province', type: 'query', body }],
    });
  });
});
