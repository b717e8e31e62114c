import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMAIN_NAMES, projectRoot, type SubgraphSource } from '@govhub/shared';
import { lintGovernance } from '../src/registry/lint';

const builtIns: SubgraphSource[] = DOMAIN_NAMES.map((name) => ({
  name,
  url: `http://127.0.0.1:4000/${name}`,
  sdl: readFileSync(join(projectRoot(), 'subgraphs', name, 'schema.graphql'), 'utf8'),
}));

const HEADER = `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  @link(url: "https://govhub.go.th/spec/classification/v0.1", import: ["@classified"])
directive @classified(level: Classification!, dataset: String) on FIELD_DEFINITION
enum Classification { PUBLIC INTERNAL PERSONAL SENSITIVE SECRET }
`;
const candidate = (sdl: string, name = 'education'): SubgraphSource => ({ name, url: 'http://127.0.0.1:4009/', sdl: HEADER + sdl });
const OBEC = { agency: 'OBEC', securityParty: false };

describe('governance lint', () => {
  it('passes every built-in subgraph', () => {
    for (const subgraph of builtIns) {
      expect({ subgraph: subgraph.name, issues: lintGovernance(subgraph, builtIns, { agency: 'X', securityParty: false }) }).toEqual({
        subgraph: subgraph.name,
        issues: [],
      });
    }
  });

  it('refuses a SECRET field outside the security domain unless the owner is a party to the security agreement', () => {
    const sdl = 'type Query { watchList: [String] @classified(level: SECRET, dataset: "obec.watch-list") }';
    expect(lintGovernance(candidate(sdl), builtIns, OBEC)).toEqual([
      { code: 'SECRET_OUTSIDE_SECURITY', message: expect.stringContaining('Query.watchList is SECRET, but OBEC is not a party') },
    ]);
    expect(lintGovernance(candidate(sdl), builtIns, { agency: 'ISOC', securityParty: true })).toEqual([]);
    expect(lintGovernance(candidate(sdl, 'security'), builtIns, OBEC)).toEqual([]);
  });

  it('needs every entity and its key fields described, here or in another subgraph', () => {
    const school =
      'type School @key(fields: "schoolId province { code }") { schoolId: ID! @classified(level: PUBLIC) province: Province! @classified(level: PUBLIC) }';
    expect(lintGovernance(candidate(school), builtIns, OBEC).map((issue) => issue.code)).toEqual([
      'UNDOCUMENTED_ENTITY',
      'UNDOCUMENTED_KEY',
      'UNDOCUMENTED_KEY',
    ]);
    const documented = `"A school of the Office of the Basic Education Commission."
type School @key(fields: "schoolId province { code }") {
  "The OBEC school code, 10 digits."
  schoolId: ID! @classified(level: PUBLIC)
  "The province the school is in."
  province: Province! @classified(level: PUBLIC)
}
type Province @key(fields: "code") { code: ID! @classified(level: PUBLIC) }`;
    expect(lintGovernance(candidate(documented), builtIns, OBEC)).toEqual([]);
    expect(
      lintGovernance(candidate('type Province @key(fields: "code") { code: ID! @classified(level: PUBLIC) }'), [], OBEC).map(
        (issue) => issue.message,
      ),
    ).toEqual([expect.stringContaining('entity Province has no description'), expect.stringContaining('Province.code is a key of Province')]);
  });
});
