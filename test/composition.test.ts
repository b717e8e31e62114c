import { CompositionError, composeSupergraph, DOMAIN_NAMES, readSubgraphSdl } from '@govhub/shared';
import { DEFINITIONS } from './support/hub';

const sources = () => DOMAIN_NAMES.map((name) => ({ name, url: `http://127.0.0.1:1/${name}`, sdl: readSubgraphSdl(DEFINITIONS[name]) }));

it('composes the eight built-in subgraphs and keeps every classification in the supergraph', () => {
  const { supergraphSdl } = composeSupergraph(sources());
  for (const name of DOMAIN_NAMES) expect(supergraphSdl).toContain(`${name.toUpperCase()} @join__graph(name: "${name}"`);
  expect(supergraphSdl).toMatch(/@classified\(level: SENSITIVE, dataset: "cgd\.low-income-register"\)/);
});

it('fails composition when one field of one subgraph loses its classification', () => {
  const broken = sources().map((source) =>
    source.name === 'water' ? { ...source, sdl: source.sdl.replace(/(\n\s+\w+[^\n@]*?) @classified\(level: PUBLIC\)/, '$1') } : source,
  );
  expect(() => composeSupergraph(broken)).toThrow(CompositionError);
  try {
    composeSupergraph(broken);
  } catch (error) {
    expect((error as CompositionError).issues).toEqual([expect.objectContaining({ subgraph: 'water', code: 'UNCLASSIFIED_FIELD' })]);
  }
});

it('declares every dataset a classification names in the catalogue', () => {
  const { hubDatasets } = jest.requireActual('@govhub/shared') as typeof import('@govhub/shared');
  const known = new Set(hubDatasets().map((dataset) => dataset.id));
  for (const { name, sdl } of sources()) {
    for (const [, dataset] of sdl.matchAll(/dataset: "([^"]+)"/g)) {
      expect({ subgraph: name, dataset, declared: known.has(dataset) }).toEqual({ subgraph: name, dataset, declared: true });
    }
  }
});
