import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMAINS, DOMAIN_NAMES, composeSupergraph, projectRoot } from '@govhub/shared';
import type { CatalogueView } from '../src/registry/catalogue';
import { checkPublication, type CheckContext } from '../src/registry/checks';
import type { RegisteredSubgraph } from '../src/registry/registry';
import { supergraphIssues } from '../src/registry/supergraphLint';

/** The attacks of an agency holding registry:publish on other agencies' fields, judged by the checks alone. */
const builtIns: RegisteredSubgraph[] = DOMAIN_NAMES.map((name) => ({
  name,
  owner: DOMAINS[name].lead,
  version: 1,
  url: `http://127.0.0.1:4000/${name}`,
  sdl: readFileSync(join(projectRoot(), 'subgraphs', name, 'schema.graphql'), 'utf8'),
}));

const HEADER = `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.8",
        import: ["@key", "@shareable", "@external", "@requires", "@provides", "@override", "@context", "@fromContext", "@composeDirective"])
  @link(url: "https://govhub.go.th/spec/classification/v0.1", import: ["@classified"])
  @composeDirective(name: "@classified")
directive @classified(level: Classification!, dataset: String) on FIELD_DEFINITION
enum Classification { PUBLIC INTERNAL PERSONAL SENSITIVE SECRET }
enum HealthScheme { UCS SSS CSMBS LOCAL_GOVERNMENT STATE_ENTERPRISE }
`;
const PERSON_KEY = `"A person."
type Person @key(fields: "nationalId") {
  "The national ID."
  nationalId: ID! @classified(level: PERSONAL, dataset: "dopa.civil-registry")`;

const catalogue = (agreed: string[] = []): CatalogueView => ({
  datasets: new Map([
    ['dopa.civil-registry', { owner: 'DOPA', classification: 'PERSONAL' }],
    ['nhso.health-coverage', { owner: 'NHSO', classification: 'SENSITIVE' }],
    ['tat.visitors', { owner: 'TAT', classification: 'PERSONAL' }],
  ]),
  agreed: new Set(agreed),
  namespaceOwners: new Map([
    ['dopa', new Set(['DOPA'])],
    ['nhso', new Set(['NHSO'])],
    ['tat', new Set(['TAT'])],
  ]),
});

interface CheckOptions {
  agency?: string;
  name?: string;
  agreed?: string[];
  header?: string;
}
const check = (sdl: string, options: CheckOptions = {}) => {
  const context: CheckContext = {
    registered: builtIns,
    owner: { agency: options.agency ?? 'TAT', securityParty: false },
    allowedHosts: ['127.0.0.1'],
    usage: null,
    catalogue: catalogue(options.agreed),
  };
  return checkPublication({ name: options.name ?? 'evil', url: 'http://127.0.0.1:4999/', sdl: (options.header ?? HEADER) + sdl }, context);
};
const codes = async (result: ReturnType<typeof check>) => (await result).errors.map((error) => error.code);

describe('field ownership', () => {
  it('refuses taking Query.person from the citizen subgraph with @override, naming the field and its owner', async () => {
    const result = await check(`type Query {
  "Stolen."
  person(nationalId: ID!): Person @override(from: "citizen") @classified(level: PERSONAL, dataset: "dopa.civil-registry")
}
${PERSON_KEY}
}`);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      { code: 'FIELD_OWNED_BY_OTHER_AGENCY', message: expect.stringMatching(/Query\.person is owned by DOPA \(subgraph citizen\)/) },
      { code: 'OVERRIDE_ACROSS_OWNERS', message: expect.stringMatching(/Query\.person @override\(from: "citizen"\).*owned by DOPA/) },
    ]);
  });

  it("refuses a progressive override (label) across owners, and an override from a subgraph that is not the publisher's", async () => {
    const progressive = await check(`type Query {
  person(nationalId: ID!): Person @override(from: "citizen", label: "percent(1)") @classified(level: PERSONAL, dataset: "dopa.civil-registry")
}
${PERSON_KEY}
}`);
    expect(progressive.errors.map((error) => error.code)).toEqual(['FIELD_OWNED_BY_OTHER_AGENCY', 'OVERRIDE_ACROSS_OWNERS']);
    expect(progressive.errors[1].message).toContain('progressive, label "percent(1)"');
    const unknown = await check('type Query { tourStats: Int @override(from: "nowhere") @classified(level: PUBLIC) }');
    expect(unknown.errors).toEqual([
      { code: 'OVERRIDE_ACROSS_OWNERS', message: expect.stringContaining('nowhere is not a registered subgraph of TAT') },
    ]);
  });

  it('allows @override between two subgraphs of one owner', async () => {
    const result = await check(
      `type Query {
  person(nationalId: ID!): Person @override(from: "citizen", label: "percent(10)") @classified(level: PERSONAL, dataset: "dopa.civil-registry")
}
${PERSON_KEY}
}`,
      { agency: 'DOPA', name: 'citizen-next' },
    );
    expect(result.errors).toEqual([]);
  });

  it("refuses shadowing: another owner's non-key field defined again, with or without @shareable", async () => {
    const shareable = `${PERSON_KEY}
  firstNameTh: String! @shareable @classified(level: PERSONAL, dataset: "dopa.civil-registry")
}`;
    expect(await codes(check(shareable))).toContain('FIELD_OWNED_BY_OTHER_AGENCY');
    expect((await check(shareable)).errors.find((error) => error.code === 'FIELD_OWNED_BY_OTHER_AGENCY')?.message).toContain(
      'Person.firstNameTh is owned by DOPA (subgraph citizen)',
    );
    expect(await codes(check('type Query { "Shadow." provinces: [String] @classified(level: PUBLIC) }'))).toContain('FIELD_OWNED_BY_OTHER_AGENCY');
  });

  it("keeps shared entity keys allowed, with their owner's classification only", async () => {
    expect(
      (
        await check(`${PERSON_KEY}
  "Visits to attractions (synthetic)."
  visits: Int @classified(level: PERSONAL, dataset: "tat.visitors")
}`)
      ).errors,
    ).toEqual([]);
    const reclassified = await check(`"A person." type Person @key(fields: "nationalId") {
  "The national ID." nationalId: ID! @classified(level: PUBLIC)
  visits: Int @classified(level: PERSONAL, dataset: "tat.visitors")
}`);
    expect(reclassified.errors).toEqual(
      expect.arrayContaining([
        { code: 'FIELD_RECLASSIFIED', message: expect.stringContaining('Person.nationalId is classified PUBLIC, but its owner') },
      ]),
    );
  });

  it("refuses new fields on another owner's value type", async () => {
    const result = await check('type HealthCoverage { "Made up." rating: Int @classified(level: PUBLIC) }');
    expect(result.errors).toEqual(
      expect.arrayContaining([
        {
          code: 'TYPE_OWNED_BY_OTHER_AGENCY',
          message: expect.stringContaining('HealthCoverage.rating: HealthCoverage is a value type owned by DOPA'),
        },
      ]),
    );
  });

  it('sees through renamed federation imports', async () => {
    const header = HEADER.replace('"@override", ', '{ name: "@override", as: "@take" }, ');
    const renamed = `type Query { person(nationalId: ID!): Person @take(from: "citizen") @classified(level: PERSONAL, dataset: "dopa.civil-registry") }
${PERSON_KEY}
}`;
    expect(await codes(check(renamed, { header }))).toEqual(expect.arrayContaining(['FIELD_OWNED_BY_OTHER_AGENCY', 'OVERRIDE_ACROSS_OWNERS']));
  });
});

describe("selections that pull another owner's field into the candidate", () => {
  const requiresHealth = `${PERSON_KEY}
  healthCoverage: HealthCoverage @external @classified(level: SENSITIVE, dataset: "nhso.health-coverage")
  "A figure computed from the health scheme."
  tourismDiscount: Int @requires(fields: "healthCoverage { scheme }") @classified(level: PERSONAL, dataset: "tat.visitors")
}
type HealthCoverage { scheme: HealthScheme! @external @classified(level: SENSITIVE, dataset: "nhso.health-coverage") }`;

  it('refuses @requires of SENSITIVE data of another owner without an agreement, and says which agreement it needs', async () => {
    const result = await check(requiresHealth);
    expect(result.errors).toEqual([
      {
        code: 'REQUIRES_FIELD_NOT_READABLE',
        message: expect.stringMatching(
          /Person\.tourismDiscount @requires selects Person\.healthCoverage, SENSITIVE \(nhso\.health-coverage\), owned by DOPA \(subgraph citizen\).*agreement.*naming nhso\.health-coverage with TAT as consumer/,
        ),
      },
      { code: 'REQUIRES_FIELD_NOT_READABLE', message: expect.stringContaining('selects HealthCoverage.scheme') },
    ]);
  });

  it('allows it under a valid agreement naming the dataset', async () => {
    expect((await check(requiresHealth, { agreed: ['nhso.health-coverage'] })).errors).toEqual([]);
  });

  it('refuses @provides and @fromContext selections alike, and a key that selects a non-key field', async () => {
    const provides = `type Query {
  "Visitors with their health cover."
  visitor(nationalId: ID!): Person @provides(fields: "healthCoverage { scheme }") @classified(level: PERSONAL, dataset: "tat.visitors")
}
${PERSON_KEY}
  healthCoverage: HealthCoverage @external @classified(level: SENSITIVE, dataset: "nhso.health-coverage")
}
type HealthCoverage { scheme: HealthScheme! @external @classified(level: SENSITIVE, dataset: "nhso.health-coverage") }`;
    expect((await codes(check(provides))).filter((code) => code === 'REQUIRES_FIELD_NOT_READABLE')).toHaveLength(2);
    const fromContext = `"A person." type Person @key(fields: "nationalId") @context(name: "person") {
  "The national ID." nationalId: ID! @classified(level: PERSONAL, dataset: "dopa.civil-registry")
  "Health cover."
  healthCoverage: HealthCoverage @external @classified(level: SENSITIVE, dataset: "nhso.health-coverage")
  trips: [Trip] @classified(level: PERSONAL, dataset: "tat.visitors")
}
"A trip." type Trip @key(fields: "id") { "The trip." id: ID! @classified(level: PUBLIC) fare(scheme: HealthScheme @fromContext(field: "$person { healthCoverage { scheme } }")): Int @classified(level: PERSONAL, dataset: "tat.visitors") }
type HealthCoverage { scheme: HealthScheme! @external @classified(level: SENSITIVE, dataset: "nhso.health-coverage") }`;
    const result = await check(fromContext);
    expect(result.errors.filter((error) => error.code === 'REQUIRES_FIELD_NOT_READABLE').map((error) => error.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('Trip.fare(scheme:) @fromContext selects Person.healthCoverage')]),
    );
    const key = `"A person." type Person @key(fields: "nationalId healthCoverage { scheme }") {
  "The national ID." nationalId: ID! @classified(level: PERSONAL, dataset: "dopa.civil-registry")
  "Health cover." healthCoverage: HealthCoverage @external @classified(level: SENSITIVE, dataset: "nhso.health-coverage")
  visits: Int @classified(level: PERSONAL, dataset: "tat.visitors")
}
type HealthCoverage { "The scheme." scheme: HealthScheme! @external @classified(level: SENSITIVE, dataset: "nhso.health-coverage") }`;
    expect((await check(key)).errors.filter((error) => error.code === 'REQUIRES_FIELD_NOT_READABLE').map((error) => error.message)).toEqual([
      expect.stringContaining('Person @key selects Person.healthCoverage'),
      expect.stringContaining('Person @key selects HealthCoverage.scheme'),
    ]);
  });

  it("lets a selection take PUBLIC and INTERNAL fields of another owner, and the candidate's own key", async () => {
    const result = await check(`"A province." type Province @key(fields: "code") {
  "The province code." code: ID! @classified(level: PUBLIC)
  nameEn: String! @external @classified(level: PUBLIC)
  "A greeting." greeting: String @requires(fields: "nameEn") @classified(level: PUBLIC)
}`);
    expect(result.errors).toEqual([]);
  });
});

describe('datasets and the catalogue', () => {
  it("refuses a field classified below its dataset's catalogue class, and another owner's dataset", async () => {
    const result = await check('type Query { "Leak." coverCount: Int @classified(level: PUBLIC, dataset: "nhso.health-coverage") }');
    expect(result.errors).toEqual([
      {
        code: 'CLASSIFICATION_BELOW_CATALOGUE',
        message: expect.stringContaining(
          'Query.coverCount (owned by TAT) is PUBLIC, but its dataset nhso.health-coverage (owned by NHSO) is SENSITIVE',
        ),
      },
      {
        code: 'DATASET_NOT_OWNED',
        message: expect.stringContaining('Query.coverCount (owned by TAT) names dataset nhso.health-coverage, owned by NHSO'),
      },
    ]);
    const agreed = await check('type Query { "Cover." coverCount: Int @classified(level: SENSITIVE, dataset: "nhso.health-coverage") }', {
      agreed: ['nhso.health-coverage'],
    });
    expect(agreed.errors).toEqual([]);
  });

  it("allows a new dataset under the publisher's or the subgraph's namespace, not under another agency's", async () => {
    const field = (dataset: string) => `type Query { "A figure." tourFigure: Int @classified(level: PERSONAL, dataset: "${dataset}") }`;
    expect((await check(field('tat.new-figures'))).errors).toEqual([]);
    expect((await check(field('evil.new-figures'))).errors).toEqual([]);
    expect((await check(field('dopa.new-figures'))).errors).toEqual([
      { code: 'DATASET_NOT_OWNED', message: expect.stringContaining('not in the catalogue') },
    ]);
    expect((await check(field('dopa.new-figures'))).errors[0].message).toContain('the namespace dopa belongs to DOPA');
  });
});

describe('the composed supergraph', () => {
  const education = (level: string): RegisteredSubgraph => ({
    name: 'education',
    owner: 'OBEC',
    version: 1,
    url: 'http://127.0.0.1:4999/',
    sdl: `${HEADER}"A province." type Province @key(fields: "code") { "The code." code: ID! @classified(level: PUBLIC) schoolCount: Int ${level} }`,
  });

  it("refuses lowering a classification the live supergraph has, even of the owner's own field", async () => {
    const registered = [...builtIns, education('@classified(level: SENSITIVE, dataset: "education.schools")')];
    const lowered = await checkPublication(
      { ...education('@classified(level: PUBLIC)'), sdl: education('@classified(level: PUBLIC)').sdl },
      {
        registered,
        owner: { agency: 'OBEC', securityParty: false },
        allowedHosts: ['127.0.0.1'],
        usage: null,
        catalogue: catalogue(),
      },
    );
    expect(lowered.errors).toEqual([
      {
        code: 'CLASSIFICATION_LOWERED',
        message: expect.stringContaining(
          'Province.schoolCount (owned by OBEC (subgraph education)) would be PUBLIC, lowered from SENSITIVE (education.schools)',
        ),
      },
    ]);
  });
});

describe('the composed supergraph, linted directly', () => {
  it('refuses a supergraph field that lost its @classified, naming its owner', () => {
    const { supergraphSdl } = composeSupergraph(builtIns);
    const stripped = supergraphSdl.replace(/(\n\s+nameEn: String!)[^\n]*/, '$1');
    expect(supergraphIssues(supergraphSdl, builtIns, () => ['MOI'])).toEqual([]);
    expect(supergraphIssues(stripped, builtIns, (coordinate) => [`owner of ${coordinate}`])).toEqual([
      {
        code: 'SUPERGRAPH_UNCLASSIFIED',
        message: expect.stringMatching(/\[supergraph\] \w+\.nameEn \(owned by owner of \w+\.nameEn\) has no @classified/),
      },
    ]);
  });
});
