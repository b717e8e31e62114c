import { classifiedDatasets, lintClassification } from '../src/federation/classification';
import { CompositionError, composeSupergraph } from '../src/federation/compose';

const HEADER = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@composeDirective"])
  @link(url: "https://govhub.go.th/spec/classification/v0.1", import: ["@classified"])
  @composeDirective(name: "@classified")
directive @classified(level: Classification!, dataset: String) on FIELD_DEFINITION
enum Classification { PUBLIC INTERNAL PERSONAL SENSITIVE SECRET }
`;

describe('classification lint (deny by default)', () => {
  it('finds a field without @classified, and a personal field without a dataset', () => {
    const problems = lintClassification(
      'demo',
      `${HEADER}
      type Query { a: String @classified(level: PUBLIC) b: String c: String @classified(level: PERSONAL) }`,
    );
    expect(problems.map((p) => `${p.type}.${p.field}`)).toEqual(['Query.b', 'Query.c']);
    expect(problems[1].message).toContain('names no dataset');
  });

  it('checks type extensions too', () => {
    const problems = lintClassification(
      'demo',
      `${HEADER}
      type Query { a: String @classified(level: PUBLIC) } extend type Query { b: Int }`,
    );
    expect(problems).toEqual([expect.objectContaining({ type: 'Query', field: 'b' })]);
  });

  it('fails composition on an unclassified field, naming the subgraph, type and field', () => {
    const sdl = `${HEADER} type Query { ok: String @classified(level: PUBLIC) leak: String }`;
    expect(() => composeSupergraph([{ name: 'demo', url: 'http://127.0.0.1:1/', sdl }])).toThrow(CompositionError);
    try {
      composeSupergraph([{ name: 'demo', url: 'http://127.0.0.1:1/', sdl }]);
    } catch (error) {
      expect((error as CompositionError).issues).toEqual([
        expect.objectContaining({ subgraph: 'demo', code: 'UNCLASSIFIED_FIELD', message: expect.stringContaining('Query.leak') }),
      ]);
    }
  });

  it('composes a classified subgraph and keeps @classified in the supergraph', () => {
    const sdl = `${HEADER} type Query { ok: String @classified(level: INTERNAL) }`;
    const { supergraphSdl } = composeSupergraph([{ name: 'demo', url: 'http://127.0.0.1:1/', sdl }]);
    expect(supergraphSdl).toContain('@classified(level: INTERNAL)');
  });
});

describe('shared fields', () => {
  const person = (level: string) => `${HEADER}
    type Query { ok: String @classified(level: PUBLIC) }
    type Person @key(fields: "nationalId") { nationalId: ID! @classified(level: ${level}, dataset: "dopa.civil-registry") }`;

  it('composes when every subgraph classifies a shared key alike', () => {
    expect(() =>
      composeSupergraph([
        { name: 'a', url: 'http://127.0.0.1:1/a', sdl: person('PERSONAL') },
        { name: 'b', url: 'http://127.0.0.1:1/b', sdl: person('PERSONAL').replace('ok: String', 'other: String') },
      ]),
    ).not.toThrow();
  });

  it("refuses a subgraph that classifies a shared field differently (it could weaken another's field)", () => {
    try {
      composeSupergraph([
        { name: 'a', url: 'http://127.0.0.1:1/a', sdl: person('PERSONAL') },
        { name: 'b', url: 'http://127.0.0.1:1/b', sdl: person('INTERNAL').replace('ok: String', 'other: String') },
      ]);
      throw new Error('composition should have failed');
    } catch (error) {
      expect((error as CompositionError).issues).toEqual([
        expect.objectContaining({ subgraph: 'b', code: 'INCONSISTENT_CLASSIFICATION', message: expect.stringContaining('Person.nationalId') }),
      ]);
    }
  });
});

describe('classifiedDatasets', () => {
  it('lists the datasets a subgraph names, each at its most restricted level', () => {
    const datasets = classifiedDatasets(`${HEADER}
      type Query { a: Int @classified(level: PERSONAL, dataset: "x.one") b: Int @classified(level: PUBLIC) }
      type Person { c: Int @classified(level: SECRET, dataset: "x.one") d: Int @classified(level: SENSITIVE, dataset: "x.two") }`);
    expect(Object.fromEntries(datasets)).toEqual({ 'x.one': 'SECRET', 'x.two': 'SENSITIVE' });
  });
});
