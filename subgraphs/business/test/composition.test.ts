import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import { composeSupergraph, fieldClassification, hubDatasets } from '@govhub/shared';

const sdlOf = (domain: string) => readFileSync(join(__dirname, '..', '..', domain, 'schema.graphql'), 'utf8');
const subgraph = (name: string, sdl = sdlOf(name)) => ({ name, url: `http://${name}.invalid/graphql`, sdl });

describe('business schema', () => {
  it('composes with governance, extending its Province', () => {
    const { supergraphSdl } = composeSupergraph([subgraph('governance'), subgraph('business')]);
    expect(supergraphSdl).toMatch(/businessCount\(status: BusinessStatus\): Int!.*join__field\(graph: BUSINESS\)/);
    expect(supergraphSdl).toContain('type Business');
  });

  it('fails composition when a field loses its classification', () => {
    const unclassified = sdlOf('business').replace('nameEn: String @classified(level: PUBLIC)', 'nameEn: String');
    expect(() => composeSupergraph([subgraph('governance'), subgraph('business', unclassified)])).toThrow(/UNCLASSIFIED_FIELD/);
  });

  it('binds every personal field to a catalogue dataset, and the key fields carry their fixed levels', () => {
    const datasets = new Set(hubDatasets().map((d) => d.id));
    const levels = new Map<string, string>();
    for (const definition of parse(sdlOf('business')).definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
      for (const field of definition.fields ?? []) {
        const classification = fieldClassification(field);
        const name = `${definition.name.value}.${field.name.value}`;
        levels.set(name, `${classification?.level}${classification?.dataset ? `:${classification.dataset}` : ''}`);
        if (classification?.level === 'PERSONAL' || classification?.level === 'SENSITIVE') {
          expect([name, datasets.has(classification.dataset ?? '')]).toEqual([name, true]);
        }
      }
    }
    expect(levels.get('Person.nationalId')).toBe('PERSONAL:dopa.civil-registry');
    expect(levels.get('Person.businesses')).toBe('PERSONAL:dbd.juristic-persons');
    expect(levels.get('Business.directors')).toBe('PERSONAL:dbd.juristic-persons');
    expect(levels.get('Business.shareholders')).toBe('PERSONAL:dbd.shareholders');
    for (const key of ['Business.juristicId', 'Province.code', 'Agency.code']) expect(levels.get(key)).toBe('PUBLIC');
  });
});
